// OrderedCollection documents (followers, following, outbox, featured …):
// a summary with totalItems and a first page, and the pages themselves, as
// Mastodon pages them (`?page=true`, then `max_id`/`min_id` cursors).
#pragma once
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <optional>
#include <string>

namespace agora::activitypub {

// `first`: the URL of the first page, or nullopt to inline `items` (small collections, e.g. featured).
boost::json::object ordered_collection(const std::string& id, int64_t total_items, std::optional<std::string> first,
                                       std::optional<boost::json::array> items = std::nullopt);

struct CollectionPage {
  std::string id;       // this page's URL
  std::string part_of;  // the collection's id
  boost::json::array items;
  std::optional<std::string> next, prev;
};
boost::json::object ordered_collection_page(CollectionPage page);

}  // namespace agora::activitypub
