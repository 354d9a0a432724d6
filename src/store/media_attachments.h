// Media attachment rows: uploads, their processing state, and which status
// (or scheduled status) they belong to.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/media.h"
#include "store/database.h"

namespace agora::store::media_attachments {

void insert(Connection& c, const model::MediaAttachment& m);
std::optional<model::MediaAttachment> find(Connection& c, int64_t id);
// In the order of `ids`; missing ids are left out.
std::vector<model::MediaAttachment> find_many(Connection& c, const std::vector<int64_t>& ids);
// The current attachments of these statuses, ordered by status and position.
std::vector<model::MediaAttachment> for_statuses(Connection& c, const std::vector<int64_t>& status_ids);
// The attachments waiting with these scheduled statuses, ordered by position.
std::vector<model::MediaAttachment> for_scheduled(Connection& c, const std::vector<int64_t>& scheduled_ids);
// Every row of a status, including those an edit took out (for deletion).
std::vector<model::MediaAttachment> all_of_status(Connection& c, int64_t status_id);

// queued → processing; false when another worker has it or it is finished.
bool claim_for_processing(Connection& c, int64_t id, int64_t now);
// Stores the renditions' keys and meta and marks it done. Both keep
// upload_key: the caller removes the upload's file, then clear_upload_key,
// so a crash between the two leaves a key to find the file by, not an orphan.
void finish_processing(Connection& c, const model::MediaAttachment& m, int64_t now);
void fail_processing(Connection& c, int64_t id, const std::string& reason, int64_t now);
void clear_upload_key(Connection& c, int64_t id);

// Description, focus, thumbnail (and its blurhash/meta) as edited by the owner.
void update_details(Connection& c, const model::MediaAttachment& m, int64_t now);

// Attaches in the given order (position 0, 1, …); attachments of the status
// not in `ids` keep their row (edit history shows them) at position -1.
void attach_to_status(Connection& c, int64_t status_id, const std::vector<int64_t>& ids, int64_t now);
void attach_to_scheduled(Connection& c, int64_t scheduled_status_id, const std::vector<int64_t>& ids, int64_t now);

void remove(Connection& c, int64_t id);
// Unattached uploads created before `cutoff`, oldest first.
std::vector<model::MediaAttachment> unattached_before(Connection& c, int64_t cutoff, int limit);

}  // namespace agora::store::media_attachments
