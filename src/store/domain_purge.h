// Everything stored about one remote domain, for `agora domains purge`
// (tootctl domains purge): its accounts with their statuses, media, follows
// and the rest that belongs to them, and its custom emoji.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "store/database.h"

namespace agora::store::domain_purge {

struct Purged {
  int64_t accounts = 0, statuses = 0, media = 0, emojis = 0;
  std::vector<std::string> file_keys;  // stored files to remove once committed
};

// Deletes the rows of `domain` (compared without case) and recounts the
// local counters they counted in. Call inside a transaction.
Purged purge(Connection& c, const std::string& domain);

}  // namespace agora::store::domain_purge
