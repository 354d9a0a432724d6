#include "entities/admin_domain.h"

#include <boost/json.hpp>

#include "core/time.h"

namespace agora::entities {

namespace json = boost::json;

namespace {
json::value text_or_null(const std::optional<std::string>& s) { return s ? json::value(*s) : json::value(nullptr); }
}  // namespace

json::object admin_domain_block(const model::DomainBlock& b) {
  return {{"id", std::to_string(b.id)},
          {"domain", b.domain},
          {"created_at", format_iso8601(b.created_at)},
          {"severity", b.severity},
          {"reject_media", b.reject_media},
          {"reject_reports", b.reject_reports},
          {"private_comment", text_or_null(b.private_comment)},
          {"public_comment", text_or_null(b.public_comment)},
          {"obfuscate", b.obfuscate}};
}

json::object admin_domain_allow(const model::DomainEntry& e) {
  return {{"id", std::to_string(e.id)}, {"domain", e.domain}, {"created_at", format_iso8601(e.created_at)}};
}

json::object admin_email_domain_block(const model::DomainEntry& e, int64_t today_ms) {
  // Sign-up attempts per day, newest first; agora does not count them yet.
  constexpr int64_t kDay = 86'400'000;
  int64_t day = today_ms - today_ms % kDay;
  json::array history;
  for (int i = 0; i < 7; ++i)
    history.push_back(json::object{{"day", std::to_string((day - i * kDay) / 1000)}, {"accounts", "0"}, {"uses", "0"}});
  return {{"id", std::to_string(e.id)},
          {"domain", e.domain},
          {"created_at", format_iso8601(e.created_at)},
          {"history", std::move(history)}};
}

}  // namespace agora::entities
