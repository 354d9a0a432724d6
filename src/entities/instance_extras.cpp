#include "entities/instance_extras.h"

#include <boost/json.hpp>

#include "core/crypto.h"
#include "core/time.h"

namespace agora::entities {

namespace json = boost::json;

namespace {

// Mastodon's DomainBlock#public_domain: the middle half starred out, dots kept.
std::string obfuscated(const std::string& domain) {
  size_t visible = domain.size() / 4;
  std::string out = domain;
  for (size_t i = 0; i < out.size(); ++i)
    if (i > visible && i < domain.size() - visible && out[i] != '.') out[i] = '*';
  return out;
}

}  // namespace

json::object rule(const model::Rule& r) { return {{"id", std::to_string(r.id)}, {"text", r.text}, {"hint", r.hint}}; }

json::object activity_week(const model::ActivityWeek& w) {
  return {{"week", std::to_string(w.week_start / 1000)},
          {"statuses", std::to_string(w.statuses)},
          {"logins", std::to_string(w.logins)},
          {"registrations", std::to_string(w.registrations)}};
}

json::object domain_block(const model::PublicDomainBlock& b, bool with_comment) {
  json::object out{{"domain", b.obfuscate ? obfuscated(b.domain) : b.domain},
                   {"digest", crypto::sha256_hex(b.domain)},
                   {"severity", b.severity}};
  if (with_comment) out["comment"] = b.public_comment.empty() ? json::value(nullptr) : json::value(b.public_comment);
  return out;
}

json::object extended_description(const model::ExtendedDescription& d) {
  json::value updated = nullptr;
  if (d.updated_at) updated = json::string(format_iso8601(*d.updated_at));
  return {{"updated_at", std::move(updated)}, {"content", d.content}};
}

}  // namespace agora::entities
