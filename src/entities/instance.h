// Mastodon's Instance entity: V1 (GET /api/v1/instance) and V2 (GET /api/v2/instance).
#pragma once
#include <boost/json/value.hpp>

#include "model/instance.h"

namespace agora::entities {

boost::json::value instance_v1(const model::InstanceOverview& o);
boost::json::value instance_v2(const model::InstanceOverview& o);

}  // namespace agora::entities
