// Media attachments: the rules of uploading, processing (in a worker),
// describing, attaching to statuses and removing, as Mastodon's
// MediaAttachment and its controllers.
#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/account.h"
#include "model/media.h"
#include "services/context.h"

namespace agora::services::attachments {

struct MediaDetails {
  std::optional<std::string> description;
  std::optional<std::string> focus;                 // "x,y"
  std::optional<std::string_view> thumbnail;        // bytes of an uploaded still
};

// Checks the upload's real type and size (422 with Mastodon's messages),
// stores it, creates the row "queued" and enqueues process_media.
model::MediaAttachment upload(Context& ctx, const model::Account& owner, std::string_view bytes,
                              const MediaDetails& details);

// The job: turns the stored upload into renditions; a refused file marks the
// row failed with the reason. Runs in a worker, never in a request.
void process(Context& ctx, int64_t media_id);

// The row once processed (or failed), polling up to `bound`; the row as it
// is then otherwise.
model::MediaAttachment wait_for_processing(Context& ctx, int64_t media_id, std::chrono::milliseconds bound);

// The member's own attachment; 404 for anyone else's.
model::MediaAttachment find_own(Context& ctx, const model::Account& owner, int64_t media_id);
model::MediaAttachment update(Context& ctx, const model::Account& owner, int64_t media_id, const MediaDetails& details);
// Mastodon 4.4: only attachments not yet in a status may be deleted (422 otherwise).
void destroy(Context& ctx, const model::Account& owner, int64_t media_id);
// Removes a row that failed processing in a synchronous upload.
void discard(Context& ctx, int64_t media_id);

// For posting and editing: the attachments `ids` in that order, checked as
// Mastodon does (own, not in another status, processed, at most 4, no video,
// gifv or audio next to anything else). `status_id` is the status being edited.
std::vector<model::MediaAttachment> attachable(store::Connection& c, int64_t owner_id, const std::vector<int64_t>& ids,
                                               std::optional<int64_t> status_id = std::nullopt);

// Deletes the rows of a status and their files (by remove_files_later).
void remove_for_status(store::Connection& c, int64_t status_id);
void remove_files(Context& ctx, const std::vector<model::MediaAttachment>& media);

// Enqueues, in c's transaction, the removal of stored files: committed with
// the change that freed them, a crash after the commit cannot orphan them.
// After `delay_ms`, the job keeps any key the row (if still there) names, so
// a file written before its row was updated is removed only if the update
// never happened.
void remove_files_later(store::Connection& c, int64_t media_id, const std::vector<std::string>& keys,
                        int64_t delay_ms = 0);
void remove_files_later(store::Connection& c, const std::vector<model::MediaAttachment>& media);
// The job: removes those of `keys` that the row `media_id` does not name.
void remove_unnamed_files(Context& ctx, int64_t media_id, const std::vector<std::string>& keys);

// The cleanup job: an upload never attached is deleted a day after it was made.
void remove_if_unattached(Context& ctx, int64_t media_id);
constexpr int64_t kUnattachedGraceMs = 24LL * 60 * 60 * 1000;

}  // namespace agora::services::attachments
