#include "entities/strike.h"

#include <boost/json.hpp>

#include "core/time.h"
#include "entities/status.h"

namespace agora::entities {

namespace {

boost::json::value optional_time(const std::optional<int64_t>& t) {
  return t ? boost::json::value(format_iso8601(*t)) : boost::json::value(nullptr);
}

boost::json::object appeal(const model::Appeal& a) {
  return {{"id", std::to_string(a.id)},
          {"text", a.text},
          {"state", a.state()},
          {"created_at", format_iso8601(a.created_at)},
          {"decided_at", optional_time(a.approved_at ? a.approved_at : a.rejected_at)}};
}

boost::json::object strike_fields(const model::AccountWarning& w) {
  boost::json::array ids;
  for (int64_t id : w.status_ids) ids.push_back(boost::json::value(std::to_string(id)));
  return {{"id", std::to_string(w.id)},
          {"action", w.action},
          {"text", w.text},
          {"status_ids", std::move(ids)},
          {"created_at", format_iso8601(w.created_at)},
          {"overruled_at", optional_time(w.overruled_at)}};
}

}  // namespace

boost::json::object strike(const model::StrikeView& v, const RenderContext& rc) {
  auto out = strike_fields(v.strike);
  boost::json::array statuses;
  for (const auto& s : v.statuses) statuses.push_back(status(s, rc));
  out["statuses"] = std::move(statuses);
  out["appealable"] = v.appealable;
  out["appeal"] = v.appeal ? boost::json::value(appeal(*v.appeal)) : boost::json::value(nullptr);
  return out;
}

boost::json::object admin_appeal(const model::AppealView& v) {
  auto out = appeal(v.appeal);
  out["account"] = {{"id", std::to_string(v.appeal.account_id)}, {"acct", v.acct}};
  out["strike"] = strike_fields(v.strike);
  return out;
}

}  // namespace agora::entities
