// Documents other servers read to discover this one: NodeInfo and host-meta.
#pragma once
#include <boost/json/value.hpp>
#include <string>

#include "model/instance.h"

namespace agora::activitypub {

boost::json::value nodeinfo_links(const std::string& base_url);
// NodeInfo 2.0 or 2.1 (`version` "2.0" / "2.1").
boost::json::value nodeinfo(const model::InstanceOverview& o, const std::string& version);
std::string host_meta_xml(const std::string& base_url);
boost::json::value host_meta_json(const std::string& base_url);

}  // namespace agora::activitypub
