// Editing statuses (Mastodon's UpdateStatusService) and reading their
// history and source.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/account.h"
#include "model/status.h"
#include "model/status_edit.h"
#include "services/context.h"
#include "services/polls.h"

namespace agora::services {

// PUT /api/v1/statuses/:id as the client sent it. As in Mastodon, what is
// left out is cleared: no poll removes the poll, no media_ids the media.
struct StatusChanges {
  std::string text;
  std::optional<std::string> spoiler_text;
  std::optional<bool> sensitive;
  std::optional<std::string> language;
  std::vector<int64_t> media_ids;
  std::optional<NewPoll> poll;
};

// The author's own status (404 otherwise) edited with the checks of posting.
// The first edit also keeps the original as the first version; new mentions
// are notified, and local members who boosted it get an "update"
// notification. Nothing changes (and no version is kept) when nothing differs.
model::Status edit_status(Context& ctx, const model::Account& author, int64_t status_id, const StatusChanges& changes);

// GET /api/v1/statuses/:id/history: the versions, oldest first; a status
// never edited has one, itself.
std::vector<model::StatusEditView> status_history(Context& ctx, std::optional<int64_t> viewer, int64_t status_id);

// GET /api/v1/statuses/:id/source: the author's own status (404 otherwise).
model::Status status_source(Context& ctx, const model::Account& author, int64_t status_id);

}  // namespace agora::services
