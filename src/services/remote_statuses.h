// Statuses that arrive from other servers (Create, Update, Delete, Announce)
// and interactions with ours (Like), applied with the same rules as local
// ones: stored once by ActivityPub id, counted, fanned out to local
// followers' home feeds, and notifying the local accounts they concern.
// Call inside a transaction; the author is resolved and the origin checked.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "activitypub/vocabulary.h"
#include "model/account.h"
#include "model/status.h"
#include "services/context.h"
#include "store/database.h"
#include "store/remote_media.h"

namespace agora::services::remote {

struct RemotePoll {
  std::vector<std::string> options;
  std::vector<int64_t> tallies;
  bool multiple = false;
  std::optional<int64_t> expires_at;
  std::optional<int64_t> voters_count;
};

// A remote status as the inbox understood it, with links resolved locally.
struct IncomingStatus {
  std::string uri, url;
  std::string content;  // sanitized HTML
  std::string spoiler_text;
  bool sensitive = false;
  model::Visibility visibility = model::Visibility::public_;
  std::optional<std::string> language;
  std::optional<int64_t> in_reply_to_id;
  std::vector<int64_t> mentioned_ids;  // known accounts it mentions
  std::vector<std::string> hashtags;   // names as written, without '#'
  std::vector<activitypub::EmojiTag> emojis;  // custom emoji of the author's server
  std::optional<RemotePoll> poll;
  std::vector<store::remote_media::Attachment> attachments;  // at most Mastodon's 4
  int64_t published_at = 0;
  std::optional<int64_t> edited_at;
};

// Stores a new status; an already known uri returns the stored one.
model::Status create(store::Connection& c, const model::Account& author, const IncomingStatus& in);
// Applies an edit to a stored status of `author`; nothing when unknown or older.
void update(store::Connection& c, const model::Account& author, const IncomingStatus& in);
// Deletes `author`'s status with this uri (a boost too); false when unknown.
bool remove(store::Connection& c, const model::Account& author, const std::string& uri);

// A boost by a remote account, stored under the Announce's id.
void reblog(store::Connection& c, const model::Account& booster, const model::Status& original,
            const std::string& announce_uri, model::Visibility visibility, int64_t published_at);

void favourite(store::Connection& c, const model::Account& account, const model::Status& status);
void unfavourite(store::Connection& c, const model::Account& account, const model::Status& status);

// Everything `author` ever posted here, for a Delete of the whole actor.
void remove_all(store::Connection& c, const model::Account& author);

}  // namespace agora::services::remote
