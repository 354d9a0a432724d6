#include "activitypub/discovery.h"

#include <boost/json.hpp>

#include "core/version.h"

namespace agora::activitypub {

namespace json = boost::json;

json::value nodeinfo_links(const std::string& base_url) {
  return json::object{
      {"links",
       {{{"rel", "http://nodeinfo.diaspora.software/ns/schema/2.0"}, {"href", base_url + "/nodeinfo/2.0"}},
        {{"rel", "http://nodeinfo.diaspora.software/ns/schema/2.1"}, {"href", base_url + "/nodeinfo/2.1"}}}}};
}

json::value nodeinfo(const model::InstanceOverview& o, const std::string& version) {
  json::object software{{"name", "agora"}, {"version", kAgoraVersion}};
  if (version == "2.1") {
    software["repository"] = kSourceUrl;
    software["homepage"] = kSourceUrl;
  }
  return json::object{
      {"version", version},
      {"software", std::move(software)},
      {"protocols", {"activitypub"}},
      {"services", {{"outbound", json::array()}, {"inbound", json::array()}}},
      {"usage",
       {{"users",
         {{"total", o.stats.user_count},
          {"activeMonth", o.stats.active_month},
          {"activeHalfyear", o.stats.active_halfyear}}},
        {"localPosts", o.stats.status_count}}},
      {"openRegistrations", o.settings.registrations_mode != model::RegistrationsMode::closed},
      {"metadata", {{"nodeName", o.settings.title}, {"nodeDescription", o.settings.short_description}}},
  };
}

std::string host_meta_xml(const std::string& base_url) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<XRD xmlns=\"http://docs.oasis-open.org/ns/xri/xrd-1.0\">\n"
         "  <Link rel=\"lrdd\" template=\"" +
         base_url + "/.well-known/webfinger?resource={uri}\"/>\n</XRD>\n";
}

json::value host_meta_json(const std::string& base_url) {
  return json::object{
      {"links", {{{"rel", "lrdd"}, {"template", base_url + "/.well-known/webfinger?resource={uri}"}}}}};
}

}  // namespace agora::activitypub
