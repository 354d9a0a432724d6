// A role as the admin area's roles endpoints render it: Mastodon's Role
// entity (id and permissions as strings) with its position.
#pragma once
#include <boost/json/object.hpp>

#include "model/role.h"

namespace agora::entities {

boost::json::object user_role(const model::UserRole& r);

}  // namespace agora::entities
