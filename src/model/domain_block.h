// Instance-wide domain policy as moderators manage it: blocks of other
// servers, the allowlist of limited federation, blocked e-mail domains.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

namespace agora::model {

struct DomainBlock {
  int64_t id = 0;
  std::string domain;
  std::string severity = "silence";  // noop, silence, suspend
  bool reject_media = false;
  bool reject_reports = false;
  std::optional<std::string> private_comment, public_comment;
  bool obfuscate = false;
  int64_t created_at = 0;

  // Mastodon's DomainBlock#stricter_than?: whether this block limits more than `other`.
  bool stricter_than(const DomainBlock& other) const;
};

// A domain with nothing but a name (domain allows, e-mail domain blocks).
struct DomainEntry {
  int64_t id = 0;
  std::string domain;
  int64_t created_at = 0;
};

}  // namespace agora::model
