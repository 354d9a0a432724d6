// Filters (Mastodon's custom filters, API v2) and the v1 view of them, where
// each keyword shows as a filter of its own.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/account.h"
#include "model/filter.h"
#include "services/context.h"

namespace agora::services {

// One entry of keywords_attributes[] (Rails' nested attributes).
struct KeywordAttributes {
  std::optional<int64_t> id;  // an existing keyword of the filter
  std::optional<std::string> keyword;
  std::optional<bool> whole_word;
  bool destroy = false;
  bool all_blank = false;  // Rails rejects a new entry whose values are all blank
};

// What a client sends; unset fields stay as they are.
struct FilterChanges {
  std::optional<std::string> title;
  std::optional<std::vector<std::string>> context;
  std::optional<std::string> action;
  // Seconds from now; set to nullopt when sent blank (never expires).
  std::optional<std::optional<int64_t>> expires_in;
  std::vector<KeywordAttributes> keywords;
};

std::vector<model::Filter> filters(Context& ctx, const model::Account& owner);
// 404 "Record not found" unless `owner` owns it.
model::Filter filter(Context& ctx, const model::Account& owner, int64_t filter_id);
// 422 with Mastodon's messages for a blank title, a blank or unknown context,
// an unknown action or a blank keyword; 404 for a keyword id of another filter.
model::Filter create_filter(Context& ctx, const model::Account& owner, const FilterChanges& changes);
model::Filter update_filter(Context& ctx, const model::Account& owner, int64_t filter_id, const FilterChanges& changes);
void delete_filter(Context& ctx, const model::Account& owner, int64_t filter_id);

std::vector<model::FilterKeyword> filter_keywords(Context& ctx, const model::Account& owner, int64_t filter_id);
model::FilterKeyword add_filter_keyword(Context& ctx, const model::Account& owner, int64_t filter_id,
                                        const KeywordAttributes& attributes);
model::FilterKeyword filter_keyword(Context& ctx, const model::Account& owner, int64_t keyword_id);
model::FilterKeyword update_filter_keyword(Context& ctx, const model::Account& owner, int64_t keyword_id,
                                           const KeywordAttributes& attributes);
void delete_filter_keyword(Context& ctx, const model::Account& owner, int64_t keyword_id);

std::vector<model::FilterStatus> filter_statuses(Context& ctx, const model::Account& owner, int64_t filter_id);
// 422 "Validation failed: Status must exist" for an unknown status.
model::FilterStatus add_filter_status(Context& ctx, const model::Account& owner, int64_t filter_id,
                                      const std::optional<std::string>& status_id);
model::FilterStatus filter_status(Context& ctx, const model::Account& owner, int64_t status_rule_id);
void delete_filter_status(Context& ctx, const model::Account& owner, int64_t status_rule_id);

// Filters v1: a keyword and the filter it belongs to.
struct V1Filter {
  model::Filter filter;
  model::FilterKeyword keyword;
};
struct V1FilterChanges {
  std::optional<std::string> phrase;
  std::optional<std::vector<std::string>> context;
  std::optional<bool> irreversible;
  std::optional<bool> whole_word;
  std::optional<std::optional<int64_t>> expires_in;
};
std::vector<V1Filter> v1_filters(Context& ctx, const model::Account& owner);
V1Filter v1_filter(Context& ctx, const model::Account& owner, int64_t keyword_id);
V1Filter create_v1_filter(Context& ctx, const model::Account& owner, const V1FilterChanges& changes);
// 422 when the change would touch a filter with other keywords too.
V1Filter update_v1_filter(Context& ctx, const model::Account& owner, int64_t keyword_id, const V1FilterChanges& changes);
// Deletes the keyword (its filter stays, as Mastodon does).
void delete_v1_filter(Context& ctx, const model::Account& owner, int64_t keyword_id);

}  // namespace agora::services
