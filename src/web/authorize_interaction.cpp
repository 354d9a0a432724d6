// GET/POST /authorize_interaction: the remote-follow page. Another server's
// "follow"/"interact" button sends its member here (WebFinger's subscribe
// template, ?uri=handle-or-URL); we show whom it names and follow on request.
#include "core/errors.h"
#include "core/snowflake.h"
#include "core/strings.h"
#include "services/follows.h"
#include "services/relationships.h"
#include "services/search.h"
#include "text/html.h"
#include "web/html.h"
#include "web/visit.h"
#include "web/web.h"

namespace agora::web {

namespace {

constexpr const char* kPath = "/authorize_interaction";
constexpr size_t kMaxUri = 2048;

std::string handle(const model::Account& a) { return "@" + a.acct(); }

// The account (and the post, if the URI named one) the visitor may follow.
struct Target {
  model::Account account;
  std::optional<model::StatusView> status;
};

Target resolve(Visit& visit, std::string_view uri) {
  services::SearchRequest request;
  request.query = std::string(uri);
  request.viewer = visit.session()->account.id;
  request.resolve = true;
  request.limit = 1;
  auto found = services::search(visit.ctx(), request);
  if (!found.statuses.empty()) {
    auto& s = found.statuses.front();
    return {*s.account, s};
  }
  if (!found.accounts.empty()) return {found.accounts.front(), std::nullopt};
  throw Error::not_found("Could not find the account or post at " + std::string(uri));
}

std::string follow_form(const Visit& visit, const model::Account& account, const model::Relationship& r) {
  if (account.id == visit.session()->account.id) return "<p>This is you.</p>";
  if (r.following) return notice("You are following " + handle(account) + ".");
  if (r.requested) return notice("You asked to follow " + handle(account) + ".");
  return "<form method=\"post\" action=\"/authorize_interaction\">" +
         hidden_field("authenticity_token", visit.csrf_token()) + hidden_field("account_id", std::to_string(account.id)) +
         "<button type=\"submit\">Follow</button></form>";
}

http::Response target_page(Visit& visit, const Target& t, const std::string& message = "") {
  const auto& a = t.account;
  auto relationship = services::relationships(visit.ctx(), visit.session()->account.id, {a.id}, false);
  std::string body = message.empty() ? "" : notice(message);
  body += "<section aria-label=\"Account\"><h2>" + escape(a.display_name.empty() ? a.username : a.display_name) +
          "</h2><p class=\"muted\">" + escape(handle(a)) + "</p>";
  if (!a.note.empty()) body += "<p>" + escape(text::html_to_text(a.note)) + "</p>";
  body += "</section>";
  if (t.status)
    body += "<blockquote>" + escape(text::html_to_text(t.status->status.content)) + "</blockquote>";
  if (!relationship.empty()) body += follow_form(visit, a, relationship.front());
  return visit.page("Follow " + handle(a), body);
}

}  // namespace

void register_authorize_interaction_routes(http::Router& router, services::Context& ctx) {
  router.get(kPath, page_handler(ctx, [](Visit& visit) {
               const auto& req = visit.request();
               std::string uri = form_field(req, "uri");
               if (uri.empty()) uri = form_field(req, "acct");
               if (uri.empty() || uri.size() > kMaxUri) throw Error::bad_request("Missing or too long uri");
               if (!visit.session())
                 return visit.redirect("/auth/sign_in?return_to=" +
                                       url_encode_segment(std::string(kPath) + "?uri=" + url_encode_segment(uri)));
               return target_page(visit, resolve(visit, uri));
             }));

  router.post(kPath, page_handler(ctx, [](Visit& visit) {
                visit.require_csrf();
                if (!visit.session()) throw Error::unauthorized("You need to login or sign up before continuing.");
                auto id = parse_id(form_field(visit.request(), "account_id"));
                if (!id) throw Error::not_found();
                auto accounts = [&] {
                  auto lease = visit.ctx().db.acquire();
                  return services::accounts_in_order(*lease, {*id});
                }();
                if (accounts.empty()) throw Error::not_found();
                auto r = services::follow(visit.ctx(), visit.session()->account, *id, {});
                std::string done = r.following ? "You are now following " : "You asked to follow ";
                return target_page(visit, {accounts.front(), std::nullopt}, done + handle(accounts.front()) + ".");
              }));
}

}  // namespace agora::web
