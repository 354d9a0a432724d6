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
  json::object o = report_head(r);
  o["status_ids"] = id_strings(r.status_ids);
  o["rule_ids"] = r.rule_ids.empty() ? json::value(nullptr) : id_strings(r.rule_ids);  // nil unless given, as Mastodon
  o["target_account"] = account(*r.target_account, rc);
  return o;
}

}  // namespace agora::entities
