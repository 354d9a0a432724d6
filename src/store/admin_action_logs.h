// The audit log of moderation and administration (Mastodon's
// Admin::ActionLog): who did what to which record, and when.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/pagination.h"
#include "store/database.h"

namespace agora::store::admin_action_logs {

struct Entry {
  int64_t id = 0;
  std::optional<int64_t> account_id;  // who acted
  std::string action;                 // suspend, resolve, create, destroy, …
  std::string target_type;            // Account, User, Report, DomainBlock, …
  std::optional<int64_t> target_id;
  std::string summary;                // the target as a person reads it (acct, domain)
  int64_t created_at = 0;
};

void record(Connection& c, int64_t account_id, const std::string& action, const std::string& target_type,
            int64_t target_id, const std::string& summary, int64_t now_ms);
// Newest first.
std::vector<Entry> recent(Connection& c, int limit);

// A page of the log, newest first, optionally only one member's actions or
// one kind of action; each entry with the acting member's acct.
struct Filter {
  std::optional<int64_t> account_id;
  std::optional<std::string> action;
  std::optional<std::string> target_type;
};
struct Listed {
  Entry entry;
  std::string acct;  // username, or username@domain
};
std::vector<Listed> page(Connection& c, const Filter& filter, const model::PageRequest& page);

}  // namespace agora::store::admin_action_logs
