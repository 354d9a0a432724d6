// Plain data of statuses (posts and boosts) and what hangs on them: mentions,
// hashtags, custom emoji, polls, media, and the per-viewer view a Status
// entity is rendered from.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/account.h"
#include "model/filter.h"
#include "model/media.h"
#include "model/poll.h"
#include "model/tag.h"

namespace agora::model {

// Stored as SMALLINT in this order.
enum class Visibility { public_ = 0, unlisted = 1, private_ = 2, direct = 3, limited = 4 };
const char* visibility_name(Visibility v);
std::optional<Visibility> parse_visibility(std::string_view name);  // "public", "unlisted", "private", "direct"

struct Status {
  int64_t id = 0;
  int64_t account_id = 0;
  std::string uri;  // the ActivityPub id
  std::string url;  // the page ("https://DOMAIN/@user/ID")
  bool local = true;
  std::string text;  // the source as typed (local statuses)
  std::string content;  // sanitized HTML
  std::string spoiler_text;
  bool sensitive = false;
  Visibility visibility = Visibility::public_;
  std::optional<std::string> language;
  std::optional<int64_t> in_reply_to_id;
  std::optional<int64_t> in_reply_to_account_id;
  std::optional<int64_t> reblog_of_id;
  std::optional<int64_t> conversation_id;
  std::optional<int64_t> application_id;
  std::optional<int64_t> poll_id;
  int64_t replies_count = 0;
  int64_t reblogs_count = 0;
  int64_t favourites_count = 0;
  int64_t created_at = 0;
  std::optional<int64_t> edited_at;
  int64_t updated_at = 0;

  bool reblog() const { return reblog_of_id.has_value(); }
};

// The application a status was posted with (shown to its author only, as Mastodon 4.3 does for everyone: name and website).
struct StatusApplication {
  std::string name;
  std::optional<std::string> website;
};

// How one viewer stands to a status.
struct StatusViewerState {
  bool favourited = false;
  bool reblogged = false;
  bool muted = false;  // the conversation is muted
  bool bookmarked = false;
  std::optional<bool> pinned;  // only for the author's own statuses that can be pinned
};

// Everything the Status entity renders, loaded beforehand for one viewer
// (serializers never query).
struct StatusView {
  Status status;
  std::shared_ptr<const Account> account;
  std::vector<std::shared_ptr<const Account>> mentions;
  std::vector<Tag> tags;
  std::vector<CustomEmoji> emojis;
  std::vector<MediaAttachment> media;
  std::optional<StatusApplication> application;
  std::optional<PollView> poll;
  std::shared_ptr<const StatusView> reblog;
  std::optional<StatusViewerState> viewer;  // none without a signed-in viewer
  std::vector<FilterResult> filtered;       // filters of the viewer that match, for the context read
};

}  // namespace agora::model
