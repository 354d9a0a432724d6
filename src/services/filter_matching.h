// Which of a member's filters match a status, as Mastodon decides before
// rendering it (CustomFilter.apply_cached_filters). Pure: the caller loads
// the active filters (store::filters::active_for drops expired ones) and
// the status's searchable text.
#pragma once
#include <string_view>
#include <vector>

#include "model/filter.h"
#include "model/status.h"

namespace agora::services {

// Filters whose context includes `context` ("home", "notifications",
// "public", "thread", "account") and that match by keyword or by status.
// `searchable_text`: the status's spoiler text, content with HTML stripped,
// and media descriptions (of the boosted status for a boost). Keywords match
// case-insensitively; a whole_word keyword needs a word boundary at each of
// its edges that is a word character (Ruby's \b). keyword_matches holds the
// first match as written in the text; status_matches the ids of the status
// and of what it boosts that the filter lists.
std::vector<model::FilterResult> match_filters(const std::vector<model::Filter>& active_filters,
                                               std::string_view context, const model::Status& status,
                                               std::string_view searchable_text);

}  // namespace agora::services
