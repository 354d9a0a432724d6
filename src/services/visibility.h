// Who may see a status: the one place every read path asks (Mastodon's
// StatusPolicy#show?). Timelines additionally leave out what the viewer
// chose not to see (blocks, mutes, domain blocks); that is not a question of
// permission and lives with them.
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "model/status.h"
#include "store/database.h"

namespace agora::services::visibility {

// What decides one viewer's access to one (non-boost) status.
struct Facts {
  bool signed_in = false;
  bool own = false;                // the viewer wrote it
  bool author_suspended = false;
  bool blocked_by_author = false;  // the author blocks the viewer
  bool follows_author = false;
  bool mentioned = false;          // the status mentions the viewer
};

// Public and unlisted: anyone the author does not block. Private
// (followers-only): the author, followers and mentioned accounts. Direct: the
// author and mentioned accounts. Nothing of suspended authors.
bool may_see(model::Visibility visibility, const Facts& facts);

// The statuses among `statuses` the viewer (nobody: nullopt) may see, in
// their order. A boost is visible when both it and the boosted status are;
// `originals` must hold the boosted statuses (find them with the store).
std::vector<model::Status> visible(store::Connection& c, std::optional<int64_t> viewer,
                                   const std::vector<model::Status>& statuses,
                                   const std::vector<model::Status>& originals = {});
bool visible(store::Connection& c, std::optional<int64_t> viewer, const model::Status& status);

// The status by id if it exists and the viewer may see it; else 404 "Record not found".
model::Status require_visible(store::Connection& c, std::optional<int64_t> viewer, int64_t id);

}  // namespace agora::services::visibility
