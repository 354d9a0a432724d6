// Mastodon's Filter entities: Filter (v2), FilterKeyword, FilterStatus,
// FilterResult (what a Status carries in `filtered`) and the v1 Filter.
#pragma once
#include <boost/json/object.hpp>

#include "model/filter.h"

namespace agora::entities {

// With `with_rules` (the filters API) it lists keywords and statuses; inside
// a FilterResult it does not, as Mastodon's rules_requested option.
boost::json::object filter(const model::Filter& f, bool with_rules = true);
boost::json::object filter_keyword(const model::FilterKeyword& k);
boost::json::object filter_status(const model::FilterStatus& s);
// keyword_matches / status_matches are null when nothing of that kind matched.
boost::json::object filter_result(const model::FilterResult& r);
// The v1 shape: one keyword with its filter's context, expiry and action.
boost::json::object v1_filter(const model::Filter& f, const model::FilterKeyword& k);

}  // namespace agora::entities
