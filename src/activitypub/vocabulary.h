// Inbound ActivityStreams vocabulary as typed structs: what inbox handlers and
// the resolver see after parse_vocabulary.h has read a document tolerantly.
// Text fields hold remote HTML unsanitized (callers sanitize); URL fields hold
// http(s) URLs or "" (anything else is dropped while parsing).
#pragma once
#include <boost/json/object.hpp>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "activitypub/context.h"

namespace agora::activitypub {


struct MentionTag {
  std::string href;
  std::string name;  // "@alice@example.com" as sent (may be "@alice")
};

struct HashtagTag {
  std::string name;  // without the leading '#'
  std::string href;
};

struct EmojiTag {
  std::string shortcode;  // without the colons
  std::string icon_url;
  std::string id;
  std::optional<int64_t> updated;
};

// The `tag` property sorted by kind; other kinds (CommunityPostTag, …) are skipped.
struct Tags {
  std::vector<MentionTag> mentions;
  std::vector<HashtagTag> hashtags;
  std::vector<EmojiTag> emojis;
};

struct PublicKey {
  std::string id;     // "…#main-key" or GoToSocial's "…/main-key"
  std::string owner;  // "" when not given
  std::string pem;
};

struct PropertyValue {
  std::string name;
  std::string value;  // HTML
};

enum class ActorType { person, service, group, application, organization };

struct Actor {
  std::string id;
  ActorType kind = ActorType::person;
  std::string type;  // "Person", … (the first known one of a type array)
  std::string preferred_username;
  std::string name;
  std::string summary;  // HTML
  std::string url;      // profile page (text/html preferred)
  std::string inbox;    // "" for key-only stubs
  std::string outbox;
  std::string shared_inbox;  // endpoints.sharedInbox (or Misskey's top-level sharedInbox)
  std::string followers;
  std::string following;
  std::string featured;
  std::string featured_tags;
  std::vector<PublicKey> public_keys;  // the first is the actor's main key
  std::string avatar_url;              // icon
  std::string header_url;              // image
  bool manually_approves_followers = false;
  bool discoverable = false;
  bool indexable = false;
  bool memorial = false;
  bool suspended = false;
  std::vector<std::string> also_known_as;
  std::string moved_to;
  std::vector<PropertyValue> fields;
  Tags tags;  // emojis used in name/summary/fields, featured hashtags
  std::optional<int64_t> published;
};

// Status-like objects (Mastodon's supported and converted types).
enum class ObjectType { note, question, article, page, video, image, event, audio };

struct Attachment {
  std::string type;  // Document, Image, Video, Audio, Link
  std::string url;
  std::string media_type;
  std::string icon_url;     // a thumbnail (`icon`), as Mastodon sends for video and audio
  std::string description;  // alt text: summary (GoToSocial) or name
  std::string blurhash;
  std::optional<std::pair<double, double>> focal_point;  // x, y in [-1, 1]
  std::optional<int64_t> width;
  std::optional<int64_t> height;
};

struct PollOption {
  std::string title;
  int64_t votes = 0;  // replies.totalItems
};

struct Poll {
  bool multiple = false;  // anyOf rather than oneOf
  std::vector<PollOption> options;
  std::optional<int64_t> expires_at;  // endTime, or `closed` when it is a time
  bool closed = false;                // `closed` given (true or a time): the poll is over
  std::optional<int64_t> voters_count;
};

struct Object {
  std::string id;
  ObjectType kind = ObjectType::note;
  std::string type;
  std::string attributed_to;  // the author's id (a Person rather than a Group when several)
  std::string content;        // HTML: content, else contentMap's first value
  std::optional<std::string> language;  // contentMap / nameMap / summaryMap key
  std::string name;           // title of Article/Page/Video…, or a poll vote's choice
  std::string summary;        // content warning
  bool sensitive = false;     // `sensitive`, or implied by a non-empty summary
  std::string in_reply_to;
  std::optional<int64_t> published;
  std::optional<int64_t> updated;
  std::string url;            // human-facing page (text/html preferred)
  std::vector<std::string> to;
  std::vector<std::string> cc;
  std::string conversation;   // `conversation` or `context`
  Tags tags;
  std::vector<Attachment> attachments;
  std::optional<Poll> poll;   // Questions only
  std::string quote;          // quoted object's id (quote, _misskey_quote, quoteUrl, quoteUri)
};

enum class ActivityType {
  follow, accept, reject, undo, create, update, delete_, announce, like, emoji_react,
  block, flag, move, add, remove, unknown
};

struct Activity {
  std::string id;
  ActivityType kind = ActivityType::unknown;
  std::string type;
  std::string actor;  // id (also when the actor came inline, as Hubzilla and Kroeg send it)
  std::string object;                     // the (first) object's id
  std::vector<std::string> object_ids;    // every object id (Flag sends several)
  std::optional<boost::json::object> embedded_object;  // the object when sent inline
  std::string object_type;                // the embedded object's first type, "" for bare ids
  // The embedded object parsed as an activity when it is one: the Follow of
  // Accept/Reject/Undo, the Create an Announce relays (Lemmy).
  std::shared_ptr<const Activity> inner;
  std::string target;
  std::vector<std::string> to;
  std::vector<std::string> cc;
  std::optional<int64_t> published;
  std::string content;   // Flag's comment, a reaction's emoji
  std::string reaction;  // EmojiReact content, or Misskey's Like _misskey_reaction
  Tags tags;             // the custom emoji of a reaction
};

// WebFinger JRD (RFC 7033) as the resolver needs it.
struct WebFinger {
  std::string subject;  // "acct:alice@example.com"
  std::vector<std::string> aliases;  // profile URLs and acct: URIs, as sent
  std::string self;     // the ActivityPub actor id (rel=self, type activity+json or ld+json)
  std::string profile_page;
  std::string subscribe_template;  // OStatus subscribe / remote-follow template
};

}  // namespace agora::activitypub
