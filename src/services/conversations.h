// Direct-message threads (Mastodon's AccountConversation): kept up to date
// as direct statuses are posted and deleted, listed, read and dismissed.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "model/account.h"
#include "model/conversation.h"
#include "model/pagination.h"
#include "model/status.h"
#include "services/context.h"
#include "store/database.h"

namespace agora::services {

// Records a just-posted direct status in the threads of its author (read)
// and of `recipients`, the mentioned local accounts who may see it (unread).
// Other statuses do nothing. In the posting transaction.
void add_direct_status(store::Connection& c, const model::Status& s, const std::vector<int64_t>& mentioned_ids,
                       const std::vector<int64_t>& recipients, int64_t now_ms);
// After a direct status is deleted: threads it ended fall back to their
// previous status, or go when none is left. In the deleting transaction.
void remove_direct_status(store::Connection& c, const model::Status& s, int64_t now_ms);

using model::ConversationView;

// GET /api/v1/conversations, paged by the last status's id.
model::Paginated<ConversationView> list_conversations(Context& ctx, const model::Account& viewer,
                                                      const model::PageRequest& page);
// POST /api/v1/conversations/:id/read; 404 when it is not the member's.
ConversationView read_conversation(Context& ctx, const model::Account& viewer, int64_t id);
// DELETE /api/v1/conversations/:id; 404 when it is not the member's.
void remove_conversation(Context& ctx, const model::Account& viewer, int64_t id);

}  // namespace agora::services
