// Queries on filters (Mastodon's custom filters), their keywords and statuses.
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "model/filter.h"
#include "store/database.h"

namespace agora::store::filters {

// Saves the filter's own columns (not its keywords or statuses).
void insert(Connection& c, const model::Filter& f, int64_t now_ms);
void update(Connection& c, const model::Filter& f, int64_t now_ms);
bool remove(Connection& c, int64_t owner_id, int64_t filter_id);
// The owner's filter with its keywords and statuses, or nullopt.
std::optional<model::Filter> find(Connection& c, int64_t owner_id, int64_t filter_id);
// All the owner's filters, oldest first, with keywords and statuses.
std::vector<model::Filter> owned_by(Connection& c, int64_t owner_id);
// The owner's filters that have not expired at `now_ms`, with keywords and
// statuses (two queries): what statuses are matched against.
std::vector<model::Filter> active_for(Connection& c, int64_t owner_id, int64_t now_ms);

// A keyword or status rule with the filter it belongs to.
struct OwnedKeyword {
  int64_t filter_id = 0;
  model::FilterKeyword keyword;
};
struct OwnedStatus {
  int64_t filter_id = 0;
  model::FilterStatus status;
};

void insert_keyword(Connection& c, int64_t filter_id, const model::FilterKeyword& k, int64_t now_ms);
void update_keyword(Connection& c, const model::FilterKeyword& k);
bool remove_keyword(Connection& c, int64_t keyword_id);
// A keyword of one of the owner's filters, or nullopt.
std::optional<OwnedKeyword> find_keyword(Connection& c, int64_t owner_id, int64_t keyword_id);
// Every keyword of the owner's filters, by id (filters v1 shows each as a filter).
std::vector<OwnedKeyword> keywords_of(Connection& c, int64_t owner_id);
int64_t keyword_count(Connection& c, int64_t filter_id);

// Returns false when the filter already has that status.
bool insert_status(Connection& c, int64_t filter_id, const model::FilterStatus& s, int64_t now_ms);
bool remove_status(Connection& c, int64_t status_rule_id);
std::optional<OwnedStatus> find_status(Connection& c, int64_t owner_id, int64_t status_rule_id);
bool status_exists(Connection& c, int64_t status_id);

}  // namespace agora::store::filters
