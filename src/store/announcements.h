// Announcements, who dismissed them and members' reactions to them.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/announcement.h"
#include "store/database.h"

namespace agora::store::announcements {

void insert(Connection& c, const model::Announcement& a);
std::optional<model::Announcement> find(Connection& c, int64_t id);  // published or not
// Writes every editable column of `a`; false when there is no such row.
bool update(Connection& c, const model::Announcement& a);
// Published and not yet ended at `now`, oldest first as Mastodon orders them
// (by start, else publication, else creation). `read` is set for `viewer`.
std::vector<model::Announcement> active(Connection& c, int64_t viewer, int64_t now, bool with_dismissed);
std::optional<model::Announcement> find_active(Connection& c, int64_t id, int64_t now);
std::vector<model::Announcement> all(Connection& c);  // for the CLI and staff, newest first
bool remove(Connection& c, int64_t id);

void dismiss(Connection& c, int64_t announcement_id, int64_t account_id);

// Reaction names with counts, whether `viewer` reacted, ordered by first use.
// `emoji` is left empty here; services attach custom emoji.
std::vector<model::AnnouncementReaction> reactions(Connection& c, int64_t announcement_id, int64_t viewer);
bool has_reaction(Connection& c, int64_t announcement_id, int64_t account_id, const std::string& name);
int64_t distinct_reaction_names(Connection& c, int64_t announcement_id);
bool reaction_name_used(Connection& c, int64_t announcement_id, const std::string& name);
// Throws UniqueViolation when the member already reacted with this name.
void add_reaction(Connection& c, int64_t announcement_id, int64_t account_id, const std::string& name, int64_t now);
bool remove_reaction(Connection& c, int64_t announcement_id, int64_t account_id, const std::string& name);

}  // namespace agora::store::announcements
