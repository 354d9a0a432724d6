// The weekly digest's bookkeeping: who is due (away long enough, not mailed
// within the week) and the mentions they received meanwhile.
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "store/database.h"

namespace agora::store::digests {

struct Candidate {
  int64_t user_id = 0;
  int64_t account_id = 0;
  std::optional<int64_t> current_sign_in_at;
  std::optional<int64_t> last_sent_at;
};

// Confirmed, enabled members who last signed in before `away_since` and got
// no digest since `sent_since`, at most `limit`, in user id order after `after_user_id`.
std::vector<Candidate> due(Connection& c, int64_t away_since, int64_t sent_since, int64_t after_user_id, int limit);
void mark_sent(Connection& c, int64_t user_id, int64_t now);

struct Mention {
  int64_t from_account_id = 0;
  std::optional<int64_t> status_id;
};
// Mentions notified to `account_id` after `since` (not filtered), newest first.
std::vector<Mention> mentions_since(Connection& c, int64_t account_id, int64_t since, int limit);
int64_t count_mentions_since(Connection& c, int64_t account_id, int64_t since);

}  // namespace agora::store::digests
