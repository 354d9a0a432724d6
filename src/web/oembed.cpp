// GET /api/oembed?url=…: how other sites embed one of our public statuses
// (Mastodon's OEmbedController): an iframe of the status's embed page.
#include <boost/json/object.hpp>

#include "core/errors.h"
#include "core/snowflake.h"
#include "http/params.h"
#include "services/actor_documents.h"
#include "web/html.h"
#include "web/public_pages.h"

namespace agora::web {

namespace {

constexpr int64_t kDefaultWidth = 400;
constexpr int64_t kMaxDimension = 4096;

struct StatusAddress {
  std::string username;
  int64_t id = 0;
};

// The status a local URL names: /@alice/1 or /users/alice/statuses/1.
std::optional<StatusAddress> status_address(std::string_view url, const std::string& base_url) {
  if (!url.starts_with(base_url + "/")) return std::nullopt;
  url.remove_prefix(base_url.size());
  std::string_view username, id;
  if (url.starts_with("/@")) {
    url.remove_prefix(2);
    auto slash = url.find('/');
    if (slash == std::string_view::npos) return std::nullopt;
    username = url.substr(0, slash);
    id = url.substr(slash + 1);
  } else if (url.starts_with("/users/")) {
    url.remove_prefix(7);
    auto marker = url.find("/statuses/");
    if (marker == std::string_view::npos) return std::nullopt;
    username = url.substr(0, marker);
    id = url.substr(marker + 10);
  } else {
    return std::nullopt;
  }
  auto parsed = parse_id(id);
  if (username.empty() || username.find('/') != std::string_view::npos || !parsed) return std::nullopt;
  return StatusAddress{std::string(username), *parsed};
}

std::optional<int64_t> dimension(const http::Request& req, std::string_view name) {
  auto value = http::param_int(req.params, name);
  if (value && (*value < 1 || *value > kMaxDimension)) throw Error::bad_request(std::string(name) + " is out of range");
  return value;
}

}  // namespace

void register_oembed_routes(http::Router& router, services::Context& ctx) {
  router.get("/api/oembed", [&ctx](http::Request& req) {
    auto url = http::param_string(req.params, "url").value_or("");
    auto address = status_address(url, ctx.config.base_url());
    if (!address) throw Error::not_found();
    // Anonymous: only public and unlisted statuses can be embedded.
    auto status = services::federated_status(ctx, address->username, address->id, std::nullopt);
    const auto& account = *status.view.account;
    int64_t width = dimension(req, "maxwidth").value_or(kDefaultWidth);
    auto height = dimension(req, "maxheight");
    std::string embed_url = status.view.status.url + "/embed";
    std::string iframe = "<iframe src=\"" + escape(embed_url) +
                         "\" class=\"mastodon-embed\" style=\"max-width: 100%; border: 0\" width=\"" +
                         std::to_string(width) + "\"" + (height ? " height=\"" + std::to_string(*height) + "\"" : "") +
                         " allowfullscreen=\"allowfullscreen\"></iframe>";
    boost::json::object o{
        {"type", "rich"},
        {"version", "1.0"},
        {"title", "New status by " + account.username},
        {"author_name", account.display_name.empty() ? account.username : account.display_name},
        {"author_url", account.url},
        {"provider_name", ctx.config.domain},
        {"provider_url", ctx.config.base_url() + "/"},
        {"cache_age", 86400},
        {"html", iframe},
        {"width", width},
    };
    o["height"] = height ? boost::json::value(*height) : boost::json::value(nullptr);
    return http::Response::json(o);
  });
}

}  // namespace agora::web
