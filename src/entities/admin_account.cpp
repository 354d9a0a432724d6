#include "entities/admin_account.h"

#include <boost/json.hpp>

#include "core/time.h"
#include "entities/account.h"

namespace agora::entities {

namespace json = boost::json;

namespace {

json::value text_or_null(const std::optional<std::string>& s) {
  return s && !s->empty() ? json::value(*s) : json::value(nullptr);
}

// Mastodon lists the addresses a user signed up and signed in from, newest first.
json::array ips(const model::AdminUser& u) {
  json::array out;
  if (u.last_sign_in_ip && !u.last_sign_in_ip->empty())
    out.push_back(json::object{{"ip", *u.last_sign_in_ip},
                               {"used_at", format_iso8601(u.last_sign_in_at.value_or(u.created_at))}});
  if (u.sign_up_ip && !u.sign_up_ip->empty() && u.sign_up_ip != u.last_sign_in_ip)
    out.push_back(json::object{{"ip", *u.sign_up_ip}, {"used_at", format_iso8601(u.created_at)}});
  return out;
}

}  // namespace

json::object admin_role(const model::UserRole& r) {
  return {{"id", r.id},
          {"name", r.name},
          {"color", r.color},
          {"position", r.position},
          {"permissions", r.permissions},
          {"highlighted", r.highlighted},
          {"created_at", format_iso8601(r.created_at)},
          {"updated_at", format_iso8601(r.updated_at)}};
}

json::object admin_account(const model::AdminAccount& a, const RenderContext& rc) {
  const auto& u = a.user;
  // A remote account has no user: Mastodon's delegations to it answer null.
  auto user_flag = [&](bool value) { return u ? json::value(value) : json::value(nullptr); };
  json::array addresses = u ? ips(*u) : json::array();
  json::value ip = addresses.empty() ? json::value(nullptr) : addresses.front().as_object().at("ip");
  json::object o{
      {"id", std::to_string(a.account.id)},
      {"username", a.account.username},
      {"domain", a.account.local() ? json::value(nullptr) : json::value(a.account.domain)},
      {"created_at", format_iso8601(a.account.created_at)},
      {"email", u ? json::value(u->email) : json::value(nullptr)},
      {"ip", ip},
      {"role", a.role ? json::value(admin_role(*a.role)) : json::value(nullptr)},
      {"confirmed", user_flag(u && u->confirmed)},
      {"suspended", a.account.suspended_at.has_value()},
      {"silenced", a.account.silenced_at.has_value()},
      {"sensitized", a.sensitized_at.has_value()},
      {"disabled", user_flag(u && u->disabled)},
      {"approved", user_flag(u && u->approved)},
      {"locale", u ? text_or_null(u->locale) : json::value(nullptr)},
      {"invite_request", u ? text_or_null(u->sign_up_reason) : json::value(nullptr)},
      {"ips", std::move(addresses)},
  };
  o["account"] = account(a.account, rc);
  return o;
}

}  // namespace agora::entities
