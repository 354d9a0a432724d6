// Mastodon's Admin::IpBlock entity.
#pragma once
#include <boost/json/object.hpp>

#include "model/ip_block.h"

namespace agora::entities {

boost::json::object admin_ip_block(const model::IpBlock& b);

}  // namespace agora::entities
