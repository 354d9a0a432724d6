#include "entities/admin_ip_block.h"

#include <boost/json.hpp>

#include "core/time.h"

namespace agora::entities {

boost::json::object admin_ip_block(const model::IpBlock& b) {
  return {{"id", std::to_string(b.id)},
          {"ip", b.ip},
          {"severity", b.severity},
          {"comment", b.comment},
          {"created_at", format_iso8601(b.created_at)},
          {"expires_at", b.expires_at ? boost::json::value(format_iso8601(*b.expires_at)) : boost::json::value(nullptr)}};
}

}  // namespace agora::entities
