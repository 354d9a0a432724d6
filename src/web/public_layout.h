// The document around a public page: what link previews (OpenGraph, Twitter
// cards), feed readers (RSS), other servers (the ActivityPub JSON) and search
// engines (robots) read from its head, and the security headers every public
// page carries. No scripts: the pages work without JavaScript.
#pragma once
#include <optional>
#include <string>

#include "http/response.h"

namespace agora::web {

struct PublicHead {
  std::string title;        // the page's own title, before the site's name
  std::string description;  // plain text
  std::string canonical_url;
  std::string og_type = "website";  // "profile", "article"
  std::optional<std::string> image;  // an avatar or the first image
  std::optional<std::string> activity_json;  // <link rel="alternate"> to the ActivityPub document
  std::optional<std::string> rss;            // <link rel="alternate"> to the feed
  std::optional<std::string> oembed;         // <link rel="alternate"> to /api/oembed
  std::optional<std::string> author;         // profile:username for OpenGraph profiles
  bool noindex = false;
};

struct PublicFrame {
  std::string site;   // the instance's domain
  std::string title;  // the instance's name
  bool framable = false;  // embeds may be framed by other sites
};

http::Response public_page(const PublicFrame& frame, const PublicHead& head, const std::string& body, int status = 200);

}  // namespace agora::web
