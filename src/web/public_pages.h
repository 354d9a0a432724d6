// The public face for browsers (see public_pages.cpp).
#pragma once
#include "http/router.h"
#include "services/context.h"

namespace agora::web {

// What browsers get at the addresses ActivityPub shares (/@alice, /@alice.rss,
// /@alice/1); the federation face routes those paths and negotiates.
http::Handler profile_page(services::Context& ctx);
http::Handler status_page(services::Context& ctx);

// Embeds, hashtag pages and feeds, the about page.
void register_public_page_routes(http::Router& router, services::Context& ctx);
// /api/oembed.
void register_oembed_routes(http::Router& router, services::Context& ctx);

}  // namespace agora::web
