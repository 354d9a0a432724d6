// Mastodon's List and Marker entities.
#pragma once
#include <boost/json/object.hpp>
#include <vector>

#include "model/list.h"

namespace agora::entities {

boost::json::object list(const model::List& l);
// {"home": {...}, "notifications": {...}}: markers keyed by their timeline.
boost::json::object markers(const std::vector<model::Marker>& markers);

}  // namespace agora::entities
