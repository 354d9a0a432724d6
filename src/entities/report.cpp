#include "entities/report.h"

#include <boost/json/array.hpp>

#include "core/time.h"
#include "entities/account.h"

namespace agora::entities {

namespace json = boost::json;

namespace {
json::value id_strings(const std::vector<int64_t>& ids) {
  json::array out;
  for (int64_t id : ids) out.push_back(json::value(std::to_string(id)));
  return out;
}
}  // namespace

json::object report(const model::Report& r, const RenderContext& rc) {
  return {{"id", std::to_string(r.id)},
          {"action_taken", r.action_taken_at.has_value()},
          {"action_taken_at", r.action_taken_at ? json::value(format_iso8601(*r.action_taken_at)) : json::value(nullptr)},
          {"category", r.category},
          {"comment", r.comment},
          {"forwarded", r.forwarded},
          {"created_at", format_iso8601(r.created_at)},
          {"status_ids", id_strings(r.status_ids)},
          {"rule_ids", r.rule_ids.empty() ? json::value(nullptr) : id_strings(r.rule_ids)},  // nil unless given, as Mastodon
          {"target_account", account(*r.target_account, rc)}};
}

}  // namespace agora::entities
