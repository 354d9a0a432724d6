#include "entities/tag.h"

#include <boost/json.hpp>

#include "core/strings.h"
#include "core/time.h"

namespace agora::entities {

namespace json = boost::json;

namespace {
std::string seconds(int64_t ms) { return std::to_string(ms / 1000); }
std::string tag_page(const std::string& display_name, const RenderContext& rc) {
  return rc.base_url + "/tags/" + url_encode_segment(display_name);
}
}  // namespace

std::string tag_url(const model::Tag& t, const RenderContext& rc) {
  return tag_page(t.display_name, rc);
}

json::object tag(const model::TagView& v, const RenderContext& rc) {
  json::array history;
  for (const auto& d : v.history)
    history.push_back(
        {{"day", seconds(d.day)}, {"uses", std::to_string(d.uses)}, {"accounts", std::to_string(d.accounts)}});
  json::object out{{"id", v.tag.id ? std::to_string(v.tag.id) : std::string()},
                   {"name", v.tag.display_name},
                   {"url", tag_url(v.tag, rc)},
                   {"history", std::move(history)}};
  if (v.following) out["following"] = *v.following;
  return out;
}

json::object status_tag(const std::string& display_name, const RenderContext& rc) {
  return {{"name", display_name}, {"url", tag_page(display_name, rc)}};
}

json::object featured_tag(const model::FeaturedTag& f, const RenderContext& rc) {
  json::value last = nullptr;
  if (f.last_status_at) last = json::string(format_date(*f.last_status_at));
  return {{"id", std::to_string(f.id)},
          {"name", f.tag.display_name},
          {"url", rc.base_url + "/@" + f.account_username + "/tagged/" + url_encode_segment(f.tag.display_name)},
          {"statuses_count", std::to_string(f.statuses_count)},
          {"last_status_at", std::move(last)}};
}

}  // namespace agora::entities
