// Mastodon's Account entity, and CredentialAccount (with source and role)
// for the signed-in member's own account, as Mastodon 4.3 renders them.
#pragma once
#include <boost/json/object.hpp>

#include "entities/render_context.h"
#include "model/account.h"
#include "model/role.h"

namespace agora::entities {

// Renders `a.moved_to` as "moved" when a service loaded it.
boost::json::object account(const model::Account& a, const RenderContext& rc);
// `follow_requests_count`: pending requests to this (locked) account.
boost::json::object credential_account(const model::Account& a, const model::User& u, int64_t follow_requests_count,
                                       const RenderContext& rc);
// Mastodon's Role entity for a user's role.
boost::json::object role(const model::UserRole& r);

}  // namespace agora::entities
