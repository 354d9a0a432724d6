// Mastodon's id-based paging: what a client asks for, and what a service
// answers so the face can write the Link header.
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

namespace agora::model {

struct PageRequest {
  std::optional<int64_t> max_id;    // older than
  std::optional<int64_t> since_id;  // newer than (newest first)
  std::optional<int64_t> min_id;    // newer than (oldest first: the page right after min_id)
  int limit = 20;
};

// One page, newest first, with the cursors for the next (older) and the
// previous (newer) page. Cursors are row ids, not necessarily item ids: a
// list of followers pages by the follow's id.
template <class T>
struct Paginated {
  std::vector<T> items;
  std::optional<int64_t> next_max_id;    // set only when the page is full, as Mastodon does
  std::optional<int64_t> prev_since_id;  // set when the page is not empty
};

}  // namespace agora::model
