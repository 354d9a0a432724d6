// The public face for browsers, without JavaScript: profiles (/@alice),
// statuses with their thread (/@alice/1), embeds, hashtags (/tags/cats), the
// about page, RSS feeds and oEmbed. Always rendered for an anonymous visitor,
// so only public and unlisted posts ever appear, through the same services
// (and visibility rule) as the REST API.
#include <boost/json/array.hpp>

#include "core/errors.h"
#include "core/snowflake.h"
#include "core/strings.h"
#include "entities/account.h"
#include "entities/status.h"
#include "http/params.h"
#include "services/account_emojis.h"
#include "services/account_moves.h"
#include "services/account_statuses.h"
#include "services/actor_documents.h"
#include "services/instance.h"
#include "services/instance_extras.h"
#include "services/render_context.h"
#include "services/threads.h"
#include "services/timelines.h"
#include "text/html.h"
#include "web/entity_fields.h"
#include "web/html.h"
#include "web/public_html.h"
#include "web/public_layout.h"
#include "web/public_pages.h"
#include "web/rss.h"
#include "web/visit.h"

namespace agora::web {

namespace json = boost::json;

namespace {

constexpr int kPageSize = 20;
constexpr std::string_view kRssSuffix = ".rss";

bool strip_suffix(std::string& s, std::string_view suffix) {
  if (!s.ends_with(suffix)) return false;
  s.resize(s.size() - suffix.size());
  return true;
}

PublicFrame frame_of(services::Context& ctx, bool framable = false) {
  auto lease = ctx.db.acquire();
  return {ctx.config.domain, services::instance_settings(*lease).title, framable};
}

// Errors as small HTML pages with their status, not JSON.
http::Handler public_handler(services::Context& ctx, std::function<http::Response(http::Request&)> handler) {
  return [&ctx, handler = std::move(handler)](http::Request& req) {
    try {
      return handler(req);
    } catch (const Error& e) {
      std::string title = e.status() == 404 ? "Not found" : e.status() == 410 ? "Gone" : "An error has occurred";
      return public_page(frame_of(ctx), {title, e.message(), ctx.config.base_url() + req.path},
                         "<section><h1>" + escape(title) + "</h1><p>" + escape(e.message()) + "</p></section>",
                         e.status());
    }
  };
}

http::Response rss_response(std::string body) {
  auto r = http::Response::text(std::move(body), "application/rss+xml; charset=utf-8");
  r.headers.set("Cache-Control", "public, max-age=60");
  return r;
}

json::array rendered(const std::vector<model::StatusView>& views, const entities::RenderContext& rc) {
  json::array out;
  for (const auto& v : views) out.push_back(entities::status(v, rc));
  return out;
}

std::string entries(const json::array& statuses) {
  std::string out;
  for (const auto& s : statuses) out += "<section>" + status_entry(s.as_object()) + "</section>";
  return out;
}

std::string older_link(const std::string& path, const std::optional<int64_t>& next_max_id) {
  if (!next_max_id) return "";
  return "<nav class=\"pages\" aria-label=\"Pages\"><span></span><a rel=\"next\" href=\"" +
         escape(path + "?max_id=" + std::to_string(*next_max_id)) + "\">Older posts</a></nav>";
}

model::PageRequest page_request(const http::Request& req) {
  model::PageRequest page;
  page.max_id = http::param_int(req.params, "max_id");
  page.limit = kPageSize;
  return page;
}

std::optional<std::string> first_image(const json::object& status) {
  if (const auto* media = array_field(status, "media_attachments"))
    for (const auto& m : *media)
      if (m.is_object() && !text_field(m.as_object(), "preview_url").empty())
        return text_field(m.as_object(), "preview_url");
  return std::nullopt;
}

// A local account as an anonymous visitor sees it; 410 once suspended.
model::Account visible_account(services::Context& ctx, const std::string& username) {
  auto account = services::local_actor(ctx, username);
  if (account.suspended_at) throw Error(410, "This account has been suspended.");
  auto lease = ctx.db.acquire();
  services::attach_moved(*lease, account);
  services::attach_emojis(*lease, account);  // the name, bio and fields show their emoji as images
  return account;
}

http::Response profile(services::Context& ctx, http::Request& req) {
  std::string username(req.path_param("username"));
  bool rss = strip_suffix(username, kRssSuffix);
  auto account = visible_account(ctx, username);
  auto rc = services::render_context(ctx);
  auto entity = entities::account(account, rc);
  std::string handle = "@" + account.username + "@" + ctx.config.domain;

  services::AccountStatusesRequest request;
  request.page = page_request(req);
  if (rss) {
    request.exclude_replies = request.exclude_reblogs = true;  // as Mastodon's account feed
    auto page = services::account_statuses(ctx, std::nullopt, account, request);
    return rss_response(rss_feed({display_name(entity), "Public posts from " + handle, account.url,
                                  text_field(entity, "avatar_static")},
                                 rendered(page.items, rc)));
  }
  request.exclude_replies = true;  // replies are read in their threads
  auto page = services::account_statuses(ctx, std::nullopt, account, request);
  std::string note = text::html_to_text(account.note);
  PublicHead head{display_name(entity) + " (" + handle + ")", note.empty() ? "Posts from " + handle : note,
                  account.url, "profile", text_field(entity, "avatar_static"), account.uri,
                  account.url + std::string(kRssSuffix), std::nullopt, account.username, account.noindex};
  std::string body = account_notice(entity) + "<section>" + account_card(entity) + "</section>" +
                     entries(rendered(page.items, rc)) + older_link(account.url, page.next_max_id);
  return public_page(frame_of(ctx), head, body);
}

int64_t status_id(const http::Request& req) {
  auto id = parse_id(req.path_param("id"));
  if (!id) throw Error::not_found();
  return *id;
}

struct ShownStatus {
  model::Account author;
  json::object entity;
};

ShownStatus shown_status(services::Context& ctx, const http::Request& req) {
  std::string username(req.path_param("username"));
  auto author = visible_account(ctx, username);
  auto f = services::federated_status(ctx, username, status_id(req), std::nullopt);
  return {std::move(author), entities::status(f.view, services::render_context(ctx))};
}

PublicHead status_head(services::Context& ctx, const ShownStatus& shown) {
  const auto& s = shown.entity;
  std::string url = text_field(s, "url");
  auto account = entities::account(shown.author, services::render_context(ctx));
  auto image = first_image(s);
  return {display_name(account) + ": \"" + status_summary(s, 60) + "\"",
          status_summary(s),
          url,
          "article",
          image ? image : std::optional(text_field(account, "avatar_static")),
          text_field(s, "uri"),
          std::nullopt,
          ctx.config.base_url() + "/api/oembed?format=json&url=" + url_encode_segment(url),
          std::nullopt,
          shown.author.noindex};
}

http::Response status_page(services::Context& ctx, http::Request& req) {
  auto shown = shown_status(ctx, req);
  auto thread = services::status_context(ctx, std::nullopt, parse_id(req.path_param("id")).value_or(0));
  auto rc = services::render_context(ctx);
  std::string body = entries(rendered(thread.ancestors, rc)) + "<section class=\"focus\">" +
                     status_entry(shown.entity) + "</section>" + entries(rendered(thread.descendants, rc));
  return public_page(frame_of(ctx), status_head(ctx, shown), body);
}

http::Response status_embed(services::Context& ctx, http::Request& req) {
  auto shown = shown_status(ctx, req);
  return public_page(frame_of(ctx, true), status_head(ctx, shown), "<section>" + status_entry(shown.entity) + "</section>");
}

http::Response tag_page(services::Context& ctx, http::Request& req) {
  std::string name(req.path_param("tag"));
  bool rss = strip_suffix(name, kRssSuffix);
  services::require_timeline_access(ctx, std::nullopt);
  auto page = services::tag_timeline(ctx, std::nullopt, name, {}, page_request(req));
  auto rc = services::render_context(ctx);
  std::string url = ctx.config.base_url() + "/tags/" + url_encode_segment(name);
  if (rss) return rss_response(rss_feed({"#" + name, "Public posts tagged #" + name, url, std::nullopt}, rendered(page.items, rc)));
  PublicHead head{"#" + name, "Public posts tagged #" + name, url};
  head.rss = url + std::string(kRssSuffix);
  std::string body = "<section><h1>#" + escape(name) + "</h1></section>" + entries(rendered(page.items, rc)) +
                     older_link("/tags/" + url_encode_segment(name), page.next_max_id);
  return public_page(frame_of(ctx), head, body);
}

// Plain text with blank lines between paragraphs, as typed in the settings.
std::string paragraphs(const std::string& text) {
  std::string out, para;
  auto flush = [&] {
    if (!para.empty()) out += "<p>" + escape(para) + "</p>";
    para.clear();
  };
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    std::string line = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (line.find_first_not_of(" \r\t") == std::string::npos) flush();
    else para += (para.empty() ? "" : " ") + line;
    if (end == std::string::npos) break;
    start = end + 1;
  }
  flush();
  return out;
}

http::Response about(services::Context& ctx, http::Request&) {
  auto overview = services::instance_overview(ctx);
  const auto& s = overview.settings;
  std::string body = "<section><h1>" + escape(s.title) + "</h1><p class=\"muted\">" + escape(ctx.config.domain) +
                     "</p>" + paragraphs(s.short_description);
  // The longer text, as formatted for /api/v1/instance/extended_description (already safe HTML).
  auto extended = services::extended_description(ctx);
  body += extended.content.empty() ? paragraphs(s.description) : "<div class=\"extended\">" + extended.content + "</div>";
  body += "<p class=\"counts muted\"><span><strong>" + std::to_string(overview.stats.user_count) +
          "</strong> members</span><span><strong>" + std::to_string(overview.stats.active_month) +
          "</strong> active this month</span></p>";
  if (!s.contact_email.empty())
    body += "<p>Contact: <a href=\"mailto:" + escape(s.contact_email) + "\">" + escape(s.contact_email) + "</a></p>";
  body += "</section>";
  if (!overview.rules.empty()) {
    body += "<section><h2>Rules</h2><ol class=\"rules\">";
    for (const auto& rule : overview.rules)
      body += "<li>" + escape(rule.text) + (rule.hint.empty() ? "" : "<br><span class=\"muted\">" + escape(rule.hint) + "</span>") + "</li>";
    body += "</ol></section>";
  }
  body += "<section>";
  if (s.registrations_mode == model::RegistrationsMode::closed)
    body += "<p>Sign-ups are closed." +
            (s.closed_registrations_message.empty() ? "" : " " + escape(s.closed_registrations_message)) + "</p>";
  else
    body += "<p><a href=\"/auth/sign_up\">Create an account</a>" +
            std::string(s.registrations_mode == model::RegistrationsMode::approved ? " (a moderator reviews sign-ups)" : "") +
            " or <a href=\"/auth/sign_in\">sign in</a>.</p>";
  body += "</section>";
  std::string description = s.short_description.empty() ? s.title : s.short_description;
  return public_page(frame_of(ctx), {"About", description, ctx.config.base_url() + "/about"}, body);
}

}  // namespace

http::Handler profile_page(services::Context& ctx) {
  return public_handler(ctx, [&ctx](http::Request& req) { return profile(ctx, req); });
}

http::Handler status_page(services::Context& ctx) {
  return public_handler(ctx, [&ctx](http::Request& req) { return status_page(ctx, req); });
}

void register_public_page_routes(http::Router& router, services::Context& ctx) {
  router.get("/@:username/:id/embed", public_handler(ctx, [&ctx](http::Request& req) { return status_embed(ctx, req); }));
  router.get("/tags/:tag", public_handler(ctx, [&ctx](http::Request& req) { return tag_page(ctx, req); }));
  router.get("/about", public_handler(ctx, [&ctx](http::Request& req) { return about(ctx, req); }));
  // The front door: members signed in on this browser go to the web app, visitors to the about page.
  router.get("/", page_handler(ctx, [](Visit& visit) { return visit.redirect(visit.session() ? "/web" : "/about"); }));
}

}  // namespace agora::web
