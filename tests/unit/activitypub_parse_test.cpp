#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <map>

#include "activitypub/parse_json_ld.h"
#include "activitypub/parse_origin.h"
#include "activitypub/parse_vocabulary.h"
#include "fixtures.h"

using namespace agora;
using namespace agora::activitypub;
using test_support::read_fixture;

namespace {

boost::json::object document(const std::string& fixture) {
  auto doc = parse_document(read_fixture(fixture));
  if (!doc) throw std::runtime_error(fixture + ": " + doc.error);
  return *doc;
}

Actor actor(const std::string& fixture) {
  auto a = parse_actor(document(fixture));
  if (!a) throw std::runtime_error(fixture + ": " + a.error);
  return *a;
}

Object object(const boost::json::object& doc) {
  auto o = parse_object(doc);
  if (!o) throw std::runtime_error(o.error);
  return *o;
}
Object object(const std::string& fixture) { return object(document(fixture)); }

Activity activity(const std::string& fixture) {
  auto a = parse_activity(document(fixture));
  if (!a) throw std::runtime_error(fixture + ": " + a.error);
  return *a;
}

// The embedded object of a Create/Update, parsed as a status-like object.
Object created(const std::string& fixture) {
  Activity a = activity(fixture);
  if (!a.embedded_object) throw std::runtime_error(fixture + ": nothing embedded");
  return object(*a.embedded_object);
}

std::string describe_embedded(const Activity& a);

// A one-line account of how a document parses: "actor Person",
// "activity Create{object Note}", or "rejected: <reason>".
std::string describe(const boost::json::object& doc) {
  switch (document_kind(doc)) {
    case DocumentKind::actor: {
      auto a = parse_actor(doc);
      return a ? "actor " + a->type : "rejected: " + a.error;
    }
    case DocumentKind::object: {
      auto o = parse_object(doc);
      return o ? "object " + o->type : "rejected: " + o.error;
    }
    case DocumentKind::activity: {
      auto a = parse_activity(doc);
      if (!a) return "rejected: " + a.error;
      std::string out = "activity " + a->type;
      if (a->embedded_object) out += "{" + describe_embedded(*a) + "}";
      if (a->object_ids.size() > 1) out += "[" + std::to_string(a->object_ids.size()) + " objects]";
      return out;
    }
    case DocumentKind::other: {
      auto a = parse_activity(doc);
      return a && a->kind == ActivityType::unknown ? "unknown " + a->type : "rejected";
    }
  }
  return "?";
}

// Create/Update carry an object or actor to parse; other activities embed an
// activity (Undo{Follow}) or something of which only the id counts (Delete{Tombstone}).
std::string describe_embedded(const Activity& a) {
  const boost::json::object& doc = *a.embedded_object;
  bool carries_content = a.kind == ActivityType::create || a.kind == ActivityType::update;
  if (a.inner || (carries_content && document_kind(doc) != DocumentKind::other)) return describe(doc);
  if (carries_content) return "rejected: " + parse_object(doc).error;
  return a.object_type.empty() ? "untyped" : a.object_type;
}

std::string describe_fixture(const std::string& fixture) {
  auto doc = parse_document(read_fixture(fixture));
  if (!doc) return "rejected: " + doc.error;
  if (fixture.starts_with("webfinger/")) {
    auto w = parse_webfinger(*doc);
    return w ? "webfinger " + w->self : "rejected: " + w.error;
  }
  return describe(*doc);
}

// Every ActivityPub and WebFinger fixture, and how it must come out.
const std::map<std::string, std::string> kExpected = {
    {"friendica/actor-person.json", "actor Person"},
    {"friendica/update-note-edited.json", "activity Update{object Note}"},
    {"gotosocial/accept-reply-approval.json", "activity Accept"},
    {"gotosocial/actor-key-only-stub.json", "actor Person"},
    {"gotosocial/actor-person-shared-inbox.json", "actor Person"},
    {"gotosocial/actor-profile-fields.json", "actor Person"},
    {"gotosocial/note-emoji-hashtag-image-interactionpolicy.json", "object Note"},
    {"hubzilla/follow-inline-actor.json", "activity Follow"},
    {"lemmy/announce-create-page.json", "activity Announce{activity Create{object Page}}"},
    {"lemmy/group-community.json", "actor Group"},
    {"lemmy/page-post.json", "object Page"},
    {"mastodon/accept-follow.json", "activity Accept{activity Follow}"},
    // A template with "{{DOMAIN}}" placeholders, not a real document.
    {"mastodon/actor-application-instance-actor.json", "rejected: actor: id is not an http(s) URL"},
    {"mastodon/actor-person-mastodon-4.0-full-context.json", "actor Person"},
    {"mastodon/actor-person-mastodon-social.json", "actor Person"},
    {"mastodon/actor-person-type-array-vcard.json", "actor Person"},
    {"mastodon/announce.json", "activity Announce"},
    {"mastodon/block.json", "activity Block"},
    {"mastodon/create-note-mention-hashtag-cw.json", "activity Create{object Note}"},
    {"mastodon/create-poll-vote.json", "activity Create{object Note}"},
    {"mastodon/create-question-poll.json", "activity Create{object Question}"},
    {"mastodon/delete-actor.json", "activity Delete{Person}"},
    {"mastodon/delete-tombstone.json", "activity Delete{Tombstone}"},
    {"mastodon/flag-report.json", "activity Flag[3 objects]"},
    {"mastodon/follow.json", "activity Follow"},
    {"mastodon/like.json", "activity Like"},
    {"mastodon/move.json", "activity Move"},
    {"mastodon/note-hashtag-video-attachment.json", "object Note"},
    {"mastodon/note-image-blurhash-focalpoint.json", "object Note"},
    {"mastodon/reject-follow.json", "activity Reject{activity Follow}"},
    {"mastodon/undo-announce.json", "activity Undo{activity Announce}"},
    {"mastodon/undo-follow.json", "activity Undo{activity Follow}"},
    {"mastodon/undo-like-compact-object.json", "activity Undo"},
    {"mastodon/update-person.json", "activity Update{actor Person}"},
    {"misc/kroeg-create-array-less-emoji.json", "activity Create{object Note}"},
    {"misc/mitra-actor-multikey.json", "actor Person"},
    {"misc/mitra-create-data-integrity-proof.json", "activity Create{object Note}"},
    {"misc/mobilizon-event.json", "object Event"},
    {"misskey/actor-person-iscat.json", "actor Person"},
    {"misskey/like-custom-emoji-reaction.json", "activity Like"},
    {"misskey/note-quote.json", "object Note"},
    {"misskey/question-no-endtime.json", "object Question"},
    {"peertube/group-video-channel.json", "actor Group"},
    {"peertube/video.json", "object Video"},
    {"pixelfed/create-note-pixelfed-social.json", "activity Create{object Note}"},
    // Pleroma chat messages are not statuses (Mastodon drops them too).
    {"pleroma-akkoma/create-chat-message.json", "activity Create{rejected: unsupported object type ChatMessage}"},
    {"pleroma-akkoma/emoji-react.json", "activity EmojiReact"},
    {"pleroma-akkoma/note-litepub-emoji-in-summary.json", "object Note"},
    {"pleroma-akkoma/question-closed-no-tz.json", "object Question"},
    {"plume/article.json", "object Article"},
    // OStatus only: nothing to follow over ActivityPub.
    {"webfinger/gnusocial-escaped-slashes.json", "rejected: webfinger: no ActivityPub self link"},
    {"webfinger/hubzilla-properties.json", "webfinger https://gerzilla.de/channel/kaniini"},
    {"webfinger/mastodon-docs-current.json", "webfinger https://mastodon.social/users/Gargron"},
    {"webfinger/mastodon-social-legacy-ostatus.json", "webfinger https://mastodon.social/users/emelie"},
    {"webfinger/peertube-minimal.json", "webfinger https://framatube.org/accounts/framasoft"},
    {"wordpress/actor-person.json", "actor Person"},
    {"wordpress/create-article-pterotype.json", "activity Create{object Article}"},
};

}  // namespace

TEST(ActivityPubFixtures, EveryFixtureIsAcceptedOrRejectedAsListed) {
  auto files = test_support::fixture_files(".json", {"mastodon-api", "mastodon-api-recorded", "httpsig", "nodeinfo"});
  ASSERT_GE(files.size(), 50u);
  for (const std::string& file : files) {
    SCOPED_TRACE(file);
    auto expected = kExpected.find(file);
    std::string actual = describe_fixture(file);
    if (expected == kExpected.end()) {
      ADD_FAILURE() << "fixture not listed: {\"" << file << "\", \"" << actual << "\"},";
      continue;
    }
    EXPECT_EQ(actual, expected->second);
  }
  EXPECT_EQ(files.size(), kExpected.size()) << "a listed fixture is missing";
}
