// What a member's sign-ins leave behind: the addresses seen (Mastodon's
// user_ips) and the moves to other accounts (account_migrations).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace agora::store::member_security {

// Every address this member is known by: the sign-up address, the last
// sign-in and each recorded sign-in (the newest first, at most `limit`).
std::vector<std::string> known_ips(Connection& c, int64_t user_id, int limit);
void record_ip(Connection& c, int64_t user_id, const std::string& ip, int64_t now);
// users.current_sign_in_at: empty when the member never signed in.
std::optional<int64_t> current_sign_in_at(Connection& c, int64_t user_id);

void insert_migration(Connection& c, int64_t account_id, int64_t target_account_id, const std::string& acct,
                      int64_t now);
// When the account last moved, if ever.
std::optional<int64_t> latest_migration_at(Connection& c, int64_t account_id);

}  // namespace agora::store::member_security
