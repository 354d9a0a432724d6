// A block of an address or range: sign-ups need approval, sign-ups are
// refused, or no access at all.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

namespace agora::model {

struct IpBlock {
  int64_t id = 0;
  std::string ip;        // "192.0.2.0/24"
  std::string severity;  // sign_up_requires_approval, sign_up_block, no_access
  std::string comment;
  std::optional<int64_t> expires_at;
  int64_t created_at = 0;
};

}  // namespace agora::model
