#include "services/profile_text.h"

#include "http/headers.h"
#include "store/accounts.h"
#include "text/plain_text.h"

namespace agora::services {

namespace {

text::FormatOptions options(store::Connection& c, const Context& ctx, bool with_domains) {
  text::FormatOptions o;
  o.base_url = ctx.config.base_url();
  std::string local_domain = ctx.config.domain;
  o.resolve_mention = [&c, local_domain, with_domains](std::string_view username,
                                                       std::string_view domain) -> std::optional<text::MentionTarget> {
    std::string d = http::iequals(domain, local_domain) ? "" : std::string(domain);
    auto account = store::accounts::find_by_acct(c, std::string(username), d);
    if (!account) return std::nullopt;
    return text::MentionTarget{account->url.empty() ? account->uri : account->url,
                               with_domains ? account->acct() : account->username};
  };
  return o;
}

}  // namespace

std::string render_bio(store::Connection& c, const Context& ctx, std::string_view note) {
  return text::format_plain_text(note, options(c, ctx, false));
}

std::string render_field_value(store::Connection& c, const Context& ctx, std::string_view value) {
  auto o = options(c, ctx, true);
  o.multiline = false;
  o.rel_me = true;
  return text::format_plain_text(value, o);
}

}  // namespace agora::services
