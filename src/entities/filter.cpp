#include "entities/filter.h"

#include <boost/json.hpp>

#include "core/time.h"

namespace agora::entities {

namespace json = boost::json;

namespace {

json::array strings(const std::vector<std::string>& list) {
  json::array out;
  for (const auto& s : list) out.emplace_back(s);
  return out;
}

json::value optional_time(const std::optional<int64_t>& ms) {
  return ms ? json::value(format_iso8601(*ms)) : json::value(nullptr);
}

json::value matches(const std::vector<std::string>& list) {
  return list.empty() ? json::value(nullptr) : json::value(strings(list));
}

}  // namespace

json::object filter(const model::Filter& f, bool with_rules) {
  json::object out{
      {"id", std::to_string(f.id)},
      {"title", f.title},
      {"context", strings(f.context)},
      {"expires_at", optional_time(f.expires_at)},
      {"filter_action", f.action},
  };
  if (with_rules) {
    json::array keywords, statuses;
    for (const auto& k : f.keywords) keywords.push_back(filter_keyword(k));
    for (const auto& s : f.statuses) statuses.push_back(filter_status(s));
    out["keywords"] = std::move(keywords);
    out["statuses"] = std::move(statuses);
  }
  return out;
}

json::object filter_keyword(const model::FilterKeyword& k) {
  return {{"id", std::to_string(k.id)}, {"keyword", k.keyword}, {"whole_word", k.whole_word}};
}

json::object filter_status(const model::FilterStatus& s) {
  return {{"id", std::to_string(s.id)}, {"status_id", std::to_string(s.status_id)}};
}

json::object filter_result(const model::FilterResult& r) {
  return {
      {"filter", filter(r.filter, false)},
      {"keyword_matches", matches(r.keyword_matches)},
      {"status_matches", matches(r.status_matches)},
  };
}

json::object v1_filter(const model::Filter& f, const model::FilterKeyword& k) {
  return {
      {"id", std::to_string(k.id)},
      {"phrase", k.keyword},
      {"context", strings(f.context)},
      {"whole_word", k.whole_word},
      {"expires_at", optional_time(f.expires_at)},
      {"irreversible", f.action == "hide"},
  };
}

}  // namespace agora::entities
