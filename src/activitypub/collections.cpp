#include "activitypub/collections.h"

#include "activitypub/context.h"

namespace agora::activitypub {

namespace json = boost::json;

json::object ordered_collection(const std::string& id, int64_t total_items, std::optional<std::string> first,
                                std::optional<json::array> items) {
  json::object o{{"@context", plain_context()}, {"id", id}, {"type", "OrderedCollection"}, {"totalItems", total_items}};
  if (first) o["first"] = *first;
  if (items) o["orderedItems"] = std::move(*items);
  return o;
}

json::object ordered_collection_page(CollectionPage page) {
  json::object o{{"@context", plain_context()}, {"id", page.id}, {"type", "OrderedCollectionPage"}};
  if (page.next) o["next"] = *page.next;
  if (page.prev) o["prev"] = *page.prev;
  o["partOf"] = page.part_of;
  o["orderedItems"] = std::move(page.items);
  return o;
}

}  // namespace agora::activitypub
