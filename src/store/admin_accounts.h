// Accounts as moderators list and change them (Mastodon's AccountFilter and
// the moderation flags on accounts and users).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "model/admin_account.h"
#include "model/pagination.h"
#include "store/database.h"

namespace agora::store::admin_accounts {

struct Filter {
  std::string origin;  // "", local, remote
  std::string status;  // "", active, pending, disabled, silenced, suspended, sensitized
  std::optional<std::vector<std::string>> role_names;  // users.role among these
  bool nobody = false;  // a filter nothing matches (invited_by: agora has no invites yet)
  std::string username, display_name, by_domain, email, ip;
  model::PageRequest page;
};

// Ids of matching accounts, newest first (oldest first pages with min_id
// come back newest first too). The instance actor is never listed.
std::vector<int64_t> search_ids(Connection& c, const Filter& f);

// The account with its user's facts (role left unresolved).
std::optional<model::AdminAccount> find(Connection& c, int64_t account_id);

void set_suspended(Connection& c, int64_t account_id, std::optional<int64_t> at, const std::string& origin);
void set_silenced(Connection& c, int64_t account_id, std::optional<int64_t> at);
void set_sensitized(Connection& c, int64_t account_id, std::optional<int64_t> at);
void set_disabled(Connection& c, int64_t user_id, bool disabled, int64_t now);
// The account and what it owns, counters of others recounted; returns the
// stored file keys to remove once committed (see store/account_removal.h).
std::vector<std::string> remove(Connection& c, int64_t account_id);

}  // namespace agora::store::admin_accounts
