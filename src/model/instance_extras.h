// The smaller instance documents: weekly activity, moderated servers and the
// extended description.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

namespace agora::model {

struct ActivityWeek {
  int64_t week_start = 0;  // Monday 00:00 UTC, in ms
  int64_t statuses = 0;
  int64_t logins = 0;
  int64_t registrations = 0;
};

// A domain block as shown to the public (GET /api/v1/instance/domain_blocks).
struct PublicDomainBlock {
  std::string domain;
  std::string severity;  // silence, suspend
  std::string public_comment;
  bool obfuscate = false;
};

struct ExtendedDescription {
  std::optional<int64_t> updated_at;
  std::string content;  // HTML
};

}  // namespace agora::model
