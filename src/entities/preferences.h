// Mastodon's Preferences entity (GET /api/v1/preferences).
#pragma once
#include <boost/json/object.hpp>

#include "model/account.h"

namespace agora::entities {

boost::json::object preferences(const model::Account& a, const model::User& u);

}  // namespace agora::entities
