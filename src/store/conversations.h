// Queries on account_conversations: each member's direct-message threads
// (Mastodon's AccountConversation), one row per member and conversation.
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "model/pagination.h"
#include "store/database.h"

namespace agora::store::conversations {

struct AccountConversation {
  int64_t id = 0;
  int64_t account_id = 0;
  int64_t conversation_id = 0;
  std::vector<int64_t> participant_account_ids;  // the others, sorted
  std::optional<int64_t> last_status_id;
  bool unread = false;
};

// Creates or updates the member's row for the conversation with the status
// as its last one (if newer). Call inside a transaction.
void add_status(Connection& c, int64_t account_id, int64_t conversation_id,
                const std::vector<int64_t>& participant_ids, int64_t status_id, bool unread, int64_t now_ms);

// The newest direct status in the conversation the member wrote or is
// mentioned in, if any is left.
std::optional<int64_t> latest_direct_status(Connection& c, int64_t account_id, int64_t conversation_id);
// The rows of the conversation whose last status is `status_id`.
std::vector<AccountConversation> with_last_status(Connection& c, int64_t conversation_id, int64_t status_id);
void set_last_status(Connection& c, int64_t id, int64_t status_id, int64_t now_ms);

std::optional<AccountConversation> find(Connection& c, int64_t account_id, int64_t id);
// The member's conversations, newest last status first, paged by last_status_id.
std::vector<AccountConversation> page(Connection& c, int64_t account_id, const model::PageRequest& page);
void mark_read(Connection& c, int64_t id, int64_t now_ms);
void remove(Connection& c, int64_t id);

}  // namespace agora::store::conversations
