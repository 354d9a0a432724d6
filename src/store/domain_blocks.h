// The instance's domain blocks as federation consults them: the block of a
// domain also covers its subdomains, as Mastodon's DomainBlock.rule_for.
#pragma once
#include <optional>
#include <string>

#include "store/database.h"

namespace agora::store::domain_blocks {

struct Rule {
  std::string domain;    // the blocked domain that matched
  std::string severity;  // noop, silence, suspend
  bool reject_media = false;
  bool reject_reports = false;
};

std::optional<Rule> rule_for(Connection& c, const std::string& host);

// Whether domain_allows lists exactly this host (Mastodon's DomainAllow.allowed?).
bool allowed(Connection& c, const std::string& host);

}  // namespace agora::store::domain_blocks
