#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <map>

#include "activitypub/parse_json_ld.h"
#include "activitypub/parse_origin.h"
#include "activitypub/parse_vocabulary.h"
#include "core/time.h"
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

// --- What the meaningful fixtures must come out as --------------------------

TEST(ActivityPubObjects, ContentWarningMentionAndHashtag) {
  Object o = created("mastodon/create-note-mention-hashtag-cw.json");
  EXPECT_EQ(o.type, "Note");
  EXPECT_EQ(o.summary, "cw");
  EXPECT_TRUE(o.sensitive);
  EXPECT_EQ(o.attributed_to, "http://mastodon.example.org/users/admin");
  EXPECT_EQ(o.url, "http://mastodon.example.org/@admin/99512778738411822");
  EXPECT_EQ(o.in_reply_to, "");
  EXPECT_EQ(o.published, 1518444500000);
  EXPECT_EQ(o.conversation, "tag:mastodon.example.org,2018-02-12:objectId=20:objectType=Conversation");
  ASSERT_EQ(o.tags.mentions.size(), 1u);
  EXPECT_EQ(o.tags.mentions[0].href, "http://localtesting.pleroma.lol/users/lain");
  EXPECT_EQ(o.tags.mentions[0].name, "@lain@localtesting.pleroma.lol");
  ASSERT_EQ(o.tags.hashtags.size(), 1u);
  EXPECT_EQ(o.tags.hashtags[0].name, "moo");
  EXPECT_EQ(o.tags.hashtags[0].href, "http://mastodon.example.org/tags/moo");
  EXPECT_EQ(derive_visibility(o.to, o.cc, "http://mastodon.example.org/users/admin/followers"),
            model::Visibility::public_);
}

TEST(ActivityPubObjects, SummaryAloneMakesSensitiveAndEmojiInSummary) {
  Object o = object("pleroma-akkoma/note-litepub-emoji-in-summary.json");
  EXPECT_EQ(o.summary, ":joker_smile: ");
  EXPECT_TRUE(o.sensitive);  // "sensitive": null, but a CW is present
  ASSERT_EQ(o.tags.emojis.size(), 2u);
  EXPECT_EQ(o.tags.emojis[1].shortcode, "joker_smile");
  EXPECT_EQ(o.tags.emojis[1].icon_url, "https://patch.cx/emoji/custom/joker_smile.png");
  EXPECT_EQ(o.tags.emojis[1].updated, 0);
  EXPECT_EQ(o.conversation, "https://patch.cx/contexts/2c3ce4b4-18b1-4b1a-8965-3932027b5326");
}

TEST(ActivityPubObjects, QuestionWithEndTimeAndCounts) {
  Object o = created("mastodon/create-question-poll.json");
  ASSERT_TRUE(o.poll);
  EXPECT_FALSE(o.poll->multiple);
  EXPECT_FALSE(o.poll->closed);
  ASSERT_EQ(o.poll->options.size(), 4u);
  EXPECT_EQ(o.poll->options[1].title, "Everyone knows that!");
  EXPECT_EQ(o.poll->options[1].votes, 1);
  EXPECT_EQ(o.poll->options[0].votes, 0);
  EXPECT_EQ(o.poll->expires_at, *parse_iso8601("2019-05-11T09:03:36Z"));
  EXPECT_EQ(o.content, "<p>Why is Tenshi eating a corndog so cute?</p>");
  EXPECT_EQ(o.language, "en");
}

TEST(ActivityPubObjects, QuestionClosedWithoutTimezoneAndWithoutEndTime) {
  Object pleroma = object("pleroma-akkoma/question-closed-no-tz.json");
  ASSERT_TRUE(pleroma.poll);
  EXPECT_TRUE(pleroma.poll->closed);
  EXPECT_EQ(pleroma.poll->expires_at, *parse_iso8601("2019-09-19T00:32:36.785Z"));
  EXPECT_EQ(pleroma.poll->options.size(), 2u);
  EXPECT_EQ(pleroma.poll->options[0].votes, 8);
  EXPECT_EQ(pleroma.summary, "");
  EXPECT_FALSE(pleroma.sensitive);

  Object misskey = object("misskey/question-no-endtime.json");
  ASSERT_TRUE(misskey.poll);
  EXPECT_FALSE(misskey.poll->multiple);  // anyOf: null
  EXPECT_FALSE(misskey.poll->expires_at);
  EXPECT_FALSE(misskey.poll->voters_count);
  ASSERT_EQ(misskey.poll->options.size(), 2u);
  EXPECT_EQ(misskey.poll->options[1].title, "Broken af");
  EXPECT_EQ(misskey.poll->options[1].votes, 1);
  ASSERT_EQ(misskey.tags.mentions.size(), 1u);
  EXPECT_EQ(misskey.tags.mentions[0].href, "https://marchgenso.me/users/march");
}

TEST(ActivityPubObjects, PollVoteIsANoteWithNameAndInReplyTo) {
  Activity a = activity("mastodon/create-poll-vote.json");
  EXPECT_EQ(a.to, std::vector<std::string>{"https://mastodon.example/users/alice"});
  Object vote = object(*a.embedded_object);
  EXPECT_EQ(vote.name, "orange");
  EXPECT_EQ(vote.content, "");
  EXPECT_EQ(vote.in_reply_to, "https://mastodon.example/users/alice/statuses/1009947848598745");
  EXPECT_EQ(derive_visibility(vote.to, vote.cc, "https://mastodon.example/users/bob/followers"),
            model::Visibility::direct);
}

TEST(ActivityPubObjects, ImageWithBlurhashFocalPointAndAltText) {
  Object o = object("mastodon/note-image-blurhash-focalpoint.json");
  ASSERT_EQ(o.attachments.size(), 1u);
  const Attachment& m = o.attachments[0];
  EXPECT_EQ(m.type, "Document");
  EXPECT_EQ(m.media_type, "image/jpeg");
  EXPECT_EQ(m.url, "https://cdn.masto.host/floss/media_attachments/files/113/306/826/682/985/891/original/"
                   "c8d906a2f2ab2334.jpg");
  EXPECT_EQ(m.description,
            "The KDE dragons Katie and Konqi stand on either side of a pot filling up with gold coins. Donate!");
  EXPECT_EQ(m.blurhash, "USQv:h-W-qI-^,W;RPs=^-R%NZxbo#sDobSc");
  ASSERT_TRUE(m.focal_point);
  EXPECT_EQ(*m.focal_point, (std::pair{0.0, 0.0}));
  EXPECT_EQ(m.width, 1500);
  EXPECT_EQ(m.height, 1095);
  EXPECT_EQ(o.in_reply_to, "https://floss.social/users/kde/statuses/113306824627995724");
  ASSERT_EQ(o.tags.mentions.size(), 1u);
  EXPECT_EQ(o.tags.mentions[0].name, "@kde@lemmy.kde.social");
}

TEST(ActivityPubObjects, VideoAttachmentWithNullNameAndContentMapOnly) {
  Object o = object("mastodon/note-hashtag-video-attachment.json");
  ASSERT_EQ(o.attachments.size(), 1u);
  EXPECT_EQ(o.attachments[0].media_type, "video/mp4");
  EXPECT_EQ(o.attachments[0].description, "");
  EXPECT_FALSE(o.attachments[0].focal_point);
  EXPECT_EQ(o.language, "en");
  EXPECT_NE(o.content.find("mastocats"), std::string::npos);
}

TEST(ActivityPubObjects, AttachmentThumbnailFromIcon) {
  auto o = parse_object(*parse_document(R"json({"type":"Note","id":"https://a.example/1","content":"x",
    "attributedTo":"https://a.example/u","attachment":[
    {"type":"Document","mediaType":"video/mp4","url":"https://a.example/v.mp4",
     "icon":{"type":"Image","mediaType":"image/jpeg","url":"https://a.example/thumb.jpg"}},
    {"type":"Document","mediaType":"audio/mpeg","url":"https://a.example/a.mp3","icon":"https://a.example/cover.png"},
    {"type":"Document","mediaType":"audio/mpeg","url":"https://a.example/b.mp3","icon":"javascript:alert(1)"},
    {"type":"Document","mediaType":"image/png","url":"https://a.example/p.png"}]})json"));
  ASSERT_TRUE(o) << o.error;
  ASSERT_EQ(o->attachments.size(), 4u);
  EXPECT_EQ(o->attachments[0].icon_url, "https://a.example/thumb.jpg");
  EXPECT_EQ(o->attachments[1].icon_url, "https://a.example/cover.png");
  EXPECT_EQ(o->attachments[2].icon_url, "");
  EXPECT_EQ(o->attachments[3].icon_url, "");
}

TEST(ActivityPubObjects, GoToSocialStringAudiencesAltTextInSummaryAndEmoji) {
  Object o = object("gotosocial/note-emoji-hashtag-image-interactionpolicy.json");
  EXPECT_EQ(o.to, std::vector<std::string>{kPublic});
  EXPECT_EQ(o.cc, std::vector<std::string>{"http://localhost:8080/users/admin/followers"});
  EXPECT_EQ(derive_visibility(o.to, o.cc, "http://localhost:8080/users/admin/followers"),
            model::Visibility::public_);
  ASSERT_EQ(o.attachments.size(), 1u);
  EXPECT_EQ(o.attachments[0].description, "Black and white image of some 50's style text saying: Welcome On Board");
  EXPECT_EQ(o.attachments[0].blurhash, "LIIE|gRj00WB-;j[t7j[4nWBj[Rj");
  EXPECT_EQ(*o.attachments[0].focal_point, (std::pair{-0.5, 0.5}));
  ASSERT_EQ(o.tags.emojis.size(), 1u);
  EXPECT_EQ(o.tags.emojis[0].shortcode, "rainbow");
  EXPECT_EQ(o.tags.emojis[0].id, "http://localhost:8080/emoji/01F8MH9H8E4VG3KDYJR9EGPXCQ");
  EXPECT_EQ(o.tags.emojis[0].icon_url,
            "http://localhost:8080/fileserver/01AY6P665V14JJR0AFVRT7311Y/emoji/original/01F8MH9H8E4VG3KDYJR9EGPXCQ.png");
  ASSERT_EQ(o.tags.hashtags.size(), 1u);
  EXPECT_EQ(o.tags.hashtags[0].name, "welcome");
}

TEST(ActivityPubObjects, MisskeyQuoteIsAUrlAndHtmlContentWins) {
  Object o = object("misskey/note-quote.json");
  EXPECT_EQ(o.quote, "https://example.com/objects/43479e20-c0f8-4f49-bf7f-13fab8234924");
  EXPECT_TRUE(o.content.starts_with("<p><span>i quompt u"));  // not _misskey_content / source
  EXPECT_EQ(o.summary, "");
  EXPECT_FALSE(o.sensitive);
}

TEST(ActivityPubObjects, PixelfedSingleTagObject) {
  Object o = created("pixelfed/create-note-pixelfed-social.json");
  ASSERT_EQ(o.tags.mentions.size(), 1u);
  EXPECT_EQ(o.tags.mentions[0].href, "https://gram.social/users/Alice");
  EXPECT_EQ(o.published, *parse_iso8601("2024-01-10T07:13:25Z"));
  EXPECT_EQ(o.in_reply_to, "https://gram.social/p/Alice/650350850687790456");
}

TEST(ActivityPubObjects, PeerTubeVideoAuthorUrlAndTitle) {
  Object o = object("peertube/video.json");
  EXPECT_EQ(o.attributed_to, "https://tilvids.com/accounts/thelinuxexperiment");  // the Person, not the channel
  EXPECT_EQ(o.url, "https://tilvids.com/videos/watch/e7946124-7b72-4ad7-9d22-844a84bb2de1");
  EXPECT_TRUE(o.name.starts_with("Mesa, Wayland & X.org in trouble"));
  EXPECT_EQ(o.kind, ObjectType::video);
}

TEST(ActivityPubObjects, LemmyPageTitleAndLinkAttachment) {
  Object o = object("lemmy/page-post.json");
  EXPECT_EQ(o.kind, ObjectType::page);
  EXPECT_EQ(o.name, "Post title");
  EXPECT_EQ(o.content, "<p>This is a post in the /c/tenforward community</p>\n");
  ASSERT_EQ(o.attachments.size(), 1u);
  EXPECT_EQ(o.attachments[0].type, "Link");
  EXPECT_EQ(o.attachments[0].url, "https://enterprise.lemmy.ml/pictrs/image/eOtYb9iEiB.png");
  ASSERT_EQ(o.tags.mentions.size(), 1u);  // the CommunityPostTag is skipped
  EXPECT_TRUE(o.tags.hashtags.empty());
}

TEST(ActivityPubObjects, KroegInlineActorAndSingleEmojiTag) {
  Activity a = activity("misc/kroeg-create-array-less-emoji.json");
  EXPECT_EQ(a.actor, "https://puckipedia.com/");
  EXPECT_EQ(a.cc, std::vector<std::string>{"https://puckipedia.com/followers"});
  Object o = object(*a.embedded_object);
  ASSERT_EQ(o.tags.emojis.size(), 1u);
  EXPECT_EQ(o.tags.emojis[0].shortcode, "icon_e_smile");
  EXPECT_EQ(derive_visibility(o.to, o.cc, "https://puckipedia.com/followers"), model::Visibility::public_);
}

// --- Actors -------------------------------------------------------------------

TEST(ActivityPubActors, MastodonSocialPersonInFull) {
  Actor a = actor("mastodon/actor-person-mastodon-social.json");
  EXPECT_EQ(a.kind, ActorType::person);
  EXPECT_EQ(a.preferred_username, "emelie");
  EXPECT_EQ(a.inbox, "https://mastodon.social/users/emelie/inbox");
  EXPECT_EQ(a.shared_inbox, "https://mastodon.social/inbox");
  EXPECT_EQ(a.followers, "https://mastodon.social/users/emelie/followers");
  EXPECT_EQ(a.featured, "https://mastodon.social/users/emelie/collections/featured");
  ASSERT_EQ(a.public_keys.size(), 1u);
  EXPECT_EQ(a.public_keys[0].id, "https://mastodon.social/users/emelie#main-key");
  EXPECT_EQ(a.public_keys[0].owner, "https://mastodon.social/users/emelie");
  EXPECT_TRUE(a.public_keys[0].pem.starts_with("-----BEGIN PUBLIC KEY-----"));
  EXPECT_FALSE(a.fields.empty());
  EXPECT_TRUE(a.summary.starts_with("<p>"));
  EXPECT_FALSE(a.avatar_url.empty());
  EXPECT_FALSE(a.header_url.empty());
  EXPECT_EQ(a.url, "https://mastodon.social/@emelie");
}

TEST(ActivityPubActors, TypeArrayWithVcard) {
  Actor a = actor("mastodon/actor-person-type-array-vcard.json");
  EXPECT_EQ(a.type, "Person");
  EXPECT_EQ(a.name, "");
  EXPECT_EQ(a.preferred_username, "foo");
  EXPECT_EQ(a.url, "https://ap.example.com/@foo");
}

TEST(ActivityPubActors, GoToSocialMainKeyPathAndSharedInbox) {
  Actor a = actor("gotosocial/actor-person-shared-inbox.json");
  ASSERT_EQ(a.public_keys.size(), 1u);
  EXPECT_EQ(a.public_keys[0].id, "http://localhost:8080/users/the_mighty_zork/main-key");
  EXPECT_EQ(a.shared_inbox, "http://localhost:8080/sharedInbox");
  EXPECT_TRUE(a.discoverable);
  EXPECT_FALSE(a.manually_approves_followers);
  EXPECT_EQ(a.avatar_url,
            "http://localhost:8080/fileserver/01F8MH1H7YV1Z7D2C8K2730QBF/avatar/original/01F8MH58A357CV5K7R7TJMSH6S.jpg");

  Actor stub = actor("gotosocial/actor-key-only-stub.json");
  EXPECT_EQ(stub.inbox, "");
  ASSERT_EQ(stub.public_keys.size(), 1u);
  EXPECT_EQ(stub.public_keys[0].id, "https://example.org/users/example_user/main-key");
}

TEST(ActivityPubActors, ProfileFieldsAsPropertyValues) {
  Actor a = actor("gotosocial/actor-profile-fields.json");
  ASSERT_FALSE(a.fields.empty());
  for (const PropertyValue& f : a.fields) EXPECT_FALSE(f.name.empty());
}

TEST(ActivityPubActors, LemmyGroupAndPeerTubeChannel) {
  Actor lemmy = actor("lemmy/group-community.json");
  EXPECT_EQ(lemmy.kind, ActorType::group);
  EXPECT_EQ(lemmy.preferred_username, "tenforward");
  EXPECT_EQ(lemmy.name, "Ten Forward");
  EXPECT_EQ(lemmy.shared_inbox, "https://enterprise.lemmy.ml/inbox");
  EXPECT_EQ(lemmy.avatar_url, "https://enterprise.lemmy.ml/pictrs/image/waqyZwLAy4.webp");
  EXPECT_EQ(lemmy.header_url, "https://enterprise.lemmy.ml/pictrs/image/Wt8zoMcCmE.jpg");
  EXPECT_EQ(lemmy.published, *parse_iso8601("2019-06-02T16:43:50.799Z"));

  Actor peertube = actor("peertube/group-video-channel.json");
  EXPECT_EQ(peertube.kind, ActorType::group);
}

TEST(ActivityPubActors, MisskeyTopLevelSharedInbox) {
  Actor a = actor("misskey/actor-person-iscat.json");
  EXPECT_FALSE(a.shared_inbox.empty());
  EXPECT_EQ(a.public_keys.size(), 1u);
}

// --- Activities -----------------------------------------------------------------

TEST(ActivityPubActivities, HubzillaInlineActorObject) {
  Activity a = activity("hubzilla/follow-inline-actor.json");
  EXPECT_EQ(a.kind, ActivityType::follow);
  EXPECT_EQ(a.actor, "https://hubzilla.example.org/channel/kaniini");
  EXPECT_EQ(a.object, "https://localtesting.pleroma.lol/users/lain");
  EXPECT_FALSE(a.embedded_object);
}

TEST(ActivityPubActivities, LemmyAnnounceWrapsCreatePage) {
  Activity a = activity("lemmy/announce-create-page.json");
  EXPECT_EQ(a.kind, ActivityType::announce);
  EXPECT_EQ(a.actor, "http://enterprise.lemmy.ml/c/main");
  ASSERT_TRUE(a.inner);
  EXPECT_EQ(a.inner->kind, ActivityType::create);
  EXPECT_EQ(a.inner->actor, "http://enterprise.lemmy.ml/u/lemmy_beta");
  EXPECT_EQ(a.inner->object, "http://enterprise.lemmy.ml/post/7");
  Object page = object(*a.inner->embedded_object);
  EXPECT_EQ(page.kind, ObjectType::page);
  EXPECT_EQ(page.name, "post 4");
  EXPECT_EQ(page.content, "");
}

TEST(ActivityPubActivities, UndoWithEmbeddedOrCompactObject) {
  Activity follow = activity("mastodon/undo-follow.json");
  ASSERT_TRUE(follow.inner);
  EXPECT_EQ(follow.inner->kind, ActivityType::follow);
  EXPECT_EQ(follow.inner->actor, follow.actor);

  Activity announce = activity("mastodon/undo-announce.json");
  ASSERT_TRUE(announce.inner);
  EXPECT_EQ(announce.inner->kind, ActivityType::announce);

  Activity compact = activity("mastodon/undo-like-compact-object.json");
  EXPECT_EQ(compact.object, "http://mastodon.example.org/users/admin#likes/2");
  EXPECT_FALSE(compact.inner);
  EXPECT_FALSE(compact.embedded_object);
}

TEST(ActivityPubActivities, AcceptAndRejectOfFollow) {
  Activity accept = activity("mastodon/accept-follow.json");
  ASSERT_TRUE(accept.inner);
  EXPECT_EQ(accept.inner->kind, ActivityType::follow);
  EXPECT_EQ(accept.object, accept.inner->id);
  Activity reject = activity("mastodon/reject-follow.json");
  EXPECT_EQ(reject.kind, ActivityType::reject);
  ASSERT_TRUE(reject.inner);
}

TEST(ActivityPubActivities, FlagWithSeveralObjectsAndComment) {
  Activity a = activity("mastodon/flag-report.json");
  EXPECT_EQ(a.kind, ActivityType::flag);
  EXPECT_EQ(a.object_ids, (std::vector<std::string>{"https://example.com/users/1", "https://example.com/posts/380590",
                                                    "https://example.com/posts/380591"}));
  EXPECT_EQ(a.object, "https://example.com/users/1");
  EXPECT_EQ(a.content, "Please take a look at this user and their posts");
  EXPECT_EQ(a.to, std::vector<std::string>{"https://example.com/users/1"});
}

TEST(ActivityPubActivities, MoveTarget) {
  Activity a = activity("mastodon/move.json");
  EXPECT_EQ(a.kind, ActivityType::move);
  EXPECT_EQ(a.object, "https://mastodon.example/users/alice");
  EXPECT_EQ(a.target, "https://alice.com/users/109835986274379");
}

TEST(ActivityPubActivities, DeleteOfActorAndOfTombstone) {
  Activity actor_delete = activity("mastodon/delete-actor.json");
  EXPECT_EQ(actor_delete.kind, ActivityType::delete_);
  EXPECT_EQ(actor_delete.object, actor_delete.actor);
  EXPECT_EQ(actor_delete.object_type, "Person");

  Activity tombstone = activity("mastodon/delete-tombstone.json");
  EXPECT_EQ(tombstone.object_type, "Tombstone");
  EXPECT_FALSE(tombstone.object.empty());
  EXPECT_FALSE(tombstone.inner);
}

TEST(ActivityPubActivities, ReactionsLikeEmojiReactAndAnnounce) {
  Activity misskey = activity("misskey/like-custom-emoji-reaction.json");
  EXPECT_EQ(misskey.kind, ActivityType::like);
  EXPECT_EQ(misskey.reaction, ":hanapog:");
  ASSERT_EQ(misskey.tags.emojis.size(), 1u);
  EXPECT_EQ(misskey.tags.emojis[0].shortcode, "hanapog");

  Activity react = activity("pleroma-akkoma/emoji-react.json");
  EXPECT_EQ(react.kind, ActivityType::emoji_react);
  EXPECT_FALSE(react.reaction.empty());

  Activity like = activity("mastodon/like.json");
  EXPECT_EQ(like.reaction, "");

  Activity boost = activity("mastodon/announce.json");
  EXPECT_EQ(boost.kind, ActivityType::announce);
  EXPECT_FALSE(boost.embedded_object);
  EXPECT_TRUE(boost.object.starts_with("http"));
}

TEST(ActivityPubActivities, UpdatePersonCarriesTheActor) {
  Activity a = activity("mastodon/update-person.json");
  ASSERT_TRUE(a.embedded_object);
  auto person = parse_actor(*a.embedded_object);
  ASSERT_TRUE(person) << person.error;
  EXPECT_EQ(person->id, a.actor);
  EXPECT_FALSE(person->fields.empty());
}

TEST(ActivityPubActivities, UnknownTypesParseAsUnknown) {
  auto a = parse_activity(*parse_document(R"({"type":"Read","id":"https://a.example/1","actor":"https://a.example/u"})"));
  ASSERT_TRUE(a);
  EXPECT_EQ(a->kind, ActivityType::unknown);
  EXPECT_EQ(a->type, "Read");
  EXPECT_EQ(document_kind(*parse_document(R"({"type":"Read"})")), DocumentKind::other);
}

TEST(ActivityPubActivities, RejectionsSayWhy) {
  auto reason = [](std::string_view body) {
    auto doc = parse_document(body);
    EXPECT_TRUE(doc) << doc.error;
    auto a = parse_activity(*doc);
    EXPECT_FALSE(a);
    return a.error;
  };
  EXPECT_EQ(reason(R"({"type":"Like","actor":"https://a.example/u","object":"https://b.example/1"})"),
            "Like: missing id");
  EXPECT_EQ(reason(R"({"type":"Like","id":"urn:x:1","actor":"https://a.example/u","object":"https://b.example/1"})"),
            "Like: id is not an http(s) URL");
  EXPECT_EQ(reason(R"({"type":"Like","id":"https://a.example/1","object":"https://b.example/1"})"),
            "Like: missing actor");
  EXPECT_EQ(reason(R"({"type":"Like","id":"https://a.example/1","actor":{"name":"x"},"object":"https://b.example/1"})"),
            "Like: missing actor");
  EXPECT_EQ(reason(R"({"type":"Like","id":"https://a.example/1","actor":"https://a.example/u"})"),
            "Like: missing object");
  EXPECT_EQ(reason(R"({"type":"Like","id":"https://a.example/1","actor":"https://a.example/u","object":5})"),
            "Like: object is not an object or an id");
  EXPECT_EQ(reason(R"({"type":"Create","id":"https://a.example/1","actor":"https://a.example/u","object":{"type":"Note"}})"),
            "Create: embedded object has no id");
  EXPECT_EQ(reason(R"({"type":"Like","id":"https://a.example/1","actor":"https://a.example/u","object":"javascript:x"})"),
            "Like: object id is not an http(s) URL");
  EXPECT_EQ(reason(R"({"type":"Move","id":"https://a.example/1","actor":"https://a.example/u","object":"https://a.example/u"})"),
            "Move: missing target");

  auto note = parse_object(*parse_document(R"({"type":"Note","id":"https://a.example/1","content":"x"})"));
  EXPECT_EQ(note.error, "object: missing attributedTo");
  auto person = parse_actor(*parse_document(R"({"type":"Person","id":"https://a.example/u"})"));
  EXPECT_EQ(person.error, "actor: missing preferredUsername");
  auto tombstone = parse_object(*parse_document(R"({"type":"Tombstone","id":"https://a.example/1"})"));
  EXPECT_EQ(tombstone.error, "unsupported object type Tombstone");
}

// --- Visibility, origins, WebFinger ------------------------------------------

TEST(ActivityPubAudience, VisibilityAsMastodonDerivesIt) {
  const std::string followers = "https://a.example/users/alice/followers";
  EXPECT_EQ(derive_visibility({"as:Public"}, {}, followers), model::Visibility::public_);
  EXPECT_EQ(derive_visibility({"Public"}, {}, followers), model::Visibility::public_);
  EXPECT_EQ(derive_visibility({followers}, {kPublic}, followers), model::Visibility::unlisted);
  EXPECT_EQ(derive_visibility({followers}, {}, followers), model::Visibility::private_);
  EXPECT_EQ(derive_visibility({"https://b.example/users/bob"}, {followers}, followers), model::Visibility::direct);
  EXPECT_EQ(derive_visibility({}, {}, ""), model::Visibility::direct);
}

TEST(ActivityPubOrigin, SameOriginComparesSchemeHostAndPort) {
  EXPECT_TRUE(same_origin("https://Example.COM/users/a", "https://example.com/notes/1#x"));
  EXPECT_TRUE(same_origin("https://example.com/a", "https://example.com:443/b"));
  EXPECT_FALSE(same_origin("https://example.com/a", "http://example.com/a"));
  EXPECT_FALSE(same_origin("https://example.com/a", "https://example.com:8443/a"));
  EXPECT_FALSE(same_origin("https://example.com/a", "https://evil.example.com/a"));
  EXPECT_FALSE(same_origin("https://example.com.evil.net/a", "https://example.com/a"));
  EXPECT_FALSE(same_origin("https://example.com/a", "not a url"));
  EXPECT_FALSE(same_origin("", ""));
  EXPECT_EQ(host_of("https://Mastodon.Social/users/x"), "mastodon.social");
  EXPECT_EQ(host_of("https://user@evil.example@good.example/"), "");
  EXPECT_EQ(host_of("ftp://example.com/x"), "");
}

TEST(WebFinger, MastodonCurrentAndHubzillaWithoutHost) {
  auto mastodon = parse_webfinger(document("webfinger/mastodon-docs-current.json"));
  ASSERT_TRUE(mastodon) << mastodon.error;
  EXPECT_EQ(mastodon->subject, "acct:Gargron@mastodon.social");
  EXPECT_EQ(mastodon->self, "https://mastodon.social/users/Gargron");
  EXPECT_EQ(mastodon->profile_page, "https://mastodon.social/@Gargron");
  EXPECT_FALSE(mastodon->aliases.empty());

  auto hubzilla = parse_webfinger(document("webfinger/hubzilla-properties.json"));
  ASSERT_TRUE(hubzilla) << hubzilla.error;
  EXPECT_EQ(hubzilla->subject, "acct:kaniini");
  EXPECT_EQ(hubzilla->aliases, (std::vector<std::string>{"https://gerzilla.de/channel/kaniini",
                                                         "https://gerzilla.de/~kaniini", "acct:kaniini@gerzilla.de"}));

  auto legacy = parse_webfinger(document("webfinger/mastodon-social-legacy-ostatus.json"));
  ASSERT_TRUE(legacy);
  EXPECT_EQ(legacy->subscribe_template, "https://mastodon.social/authorize_interaction?uri={uri}");
}

// --- Hostile input ----------------------------------------------------------------

TEST(ActivityPubDocuments, RefusesWhatIsNotABoundedJsonObject) {
  EXPECT_EQ(parse_document("[1,2]").error, "document is not a JSON object");
  EXPECT_EQ(parse_document("\"x\"").error, "document is not a JSON object");
  EXPECT_TRUE(parse_document("{\"a\":").error.starts_with("invalid JSON"));
  EXPECT_TRUE(parse_document("").error.starts_with("invalid JSON"));
  EXPECT_TRUE(parse_document("{\"a\":1} trailing").error.starts_with("invalid JSON"));
  EXPECT_TRUE(parse_document("{\"a\":\"\xff\xfe\"}").error.starts_with("invalid JSON"));      // bad UTF-8
  EXPECT_TRUE(parse_document("{\"a\":\"\xed\xa0\x80\"}").error.starts_with("invalid JSON"));  // surrogate
  EXPECT_TRUE(parse_document("{\"a\":\"\xc0\xaf\"}").error.starts_with("invalid JSON"));      // overlong

  std::string bomb = "{\"a\":" + std::string(10000, '[') + std::string(10000, ']') + "}";
  EXPECT_EQ(parse_document(bomb).error, "document nested deeper than 32");
  std::string deep_ok = "{\"a\":" + std::string(20, '[') + std::string(20, ']') + "}";
  EXPECT_TRUE(parse_document(deep_ok));

  std::string huge = "{\"type\":\"Note\",\"content\":\"" + std::string(kMaxDocumentBytes, 'x') + "\"}";
  EXPECT_EQ(parse_document(huge).error, "document larger than 1048576 bytes");
  EXPECT_EQ(parse_document("{\"content\":\"0123456789\"}", 10).error, "document larger than 10 bytes");
}

TEST(ActivityPubDocuments, OverlongIdsAndWrongShapesAreDroppedNotTrusted) {
  std::string long_url = "https://a.example/" + std::string(5000, 'a');
  auto doc = parse_document(R"({"type":"Note","id":"https://a.example/1","attributedTo":"https://a.example/u",
    "inReplyTo":")" + long_url + R"(","to":[")" + long_url + R"(","as:Public",7,[["x"]],{"id":"https://a.example/f"}],
    "url":{"href":5},"sensitive":"yes","published":"not a date","tag":[5,"x",{"type":"Emoji","name":":a:"}],
    "attachment":[{"type":"Image","url":"javascript:alert%281%29"},{"type":"Image","url":"https://a.example/i.png",
    "focalPoint":[5,0],"width":"12","blurhash":")" + std::string(500, 'b') + R"("}],
    "type2":null,"oneOf":[{"name":"x"}]})");
  ASSERT_TRUE(doc) << doc.error;
  Object o = object(*doc);
  EXPECT_EQ(o.in_reply_to, "");
  EXPECT_EQ(o.to, (std::vector<std::string>{"as:Public", "https://a.example/f"}));
  EXPECT_EQ(o.url, "");
  EXPECT_FALSE(o.sensitive);
  EXPECT_FALSE(o.published);
  EXPECT_TRUE(o.tags.emojis.empty());  // an emoji without an icon is useless
  ASSERT_EQ(o.attachments.size(), 1u);
  EXPECT_FALSE(o.attachments[0].focal_point);
  EXPECT_EQ(o.attachments[0].width, 12);
  EXPECT_EQ(o.attachments[0].blurhash, "");
  EXPECT_FALSE(o.poll);  // only Questions carry polls
}

TEST(JsonLd, TolerantAccessors) {
  auto doc = *parse_document(R"({"s":"x","a":["y","z"],"n":null,"o":{"id":"https://a.example/o","type":"Note"},
    "ids":["https://a.example/1",{"id":"https://a.example/2"},{"name":"no id"}],"t":["Person","vcard:individual"],
    "map":{"de":"Hallo"},"b":true,"i":3.0,"u":18446744073709551615,"ts":"2019-09-19T00:32:36Z","nz":"2019-09-19T00:32:36",
    "links":[{"mediaType":"application/x-mpegURL","href":"https://a.example/m3u8"},{"mediaType":"text/html","href":"https://a.example/page"}]})");
  EXPECT_EQ(ld::text(doc, "s"), "x");
  EXPECT_EQ(ld::text(doc, "a"), "y");
  EXPECT_EQ(ld::text(doc, "n"), "");
  EXPECT_EQ(ld::get(doc, "n"), nullptr);
  EXPECT_EQ(ld::id_of(ld::get(doc, "o")), "https://a.example/o");
  EXPECT_EQ(ld::ids_of(ld::get(doc, "ids")), (std::vector<std::string>{"https://a.example/1", "https://a.example/2"}));
  ld::Ref ref = ld::ref_of(ld::get(doc, "o"));
  ASSERT_NE(ref.embedded, nullptr);
  EXPECT_TRUE(ld::has_type(*ref.embedded, "Note"));
  EXPECT_EQ(ld::types_of(doc).size(), 0u);
  boost::json::object typed{{"type", boost::json::array{"Person", "vcard:individual"}}};
  EXPECT_TRUE(ld::has_type(typed, "vcard:individual"));
  EXPECT_EQ(ld::language_text(doc, "missing", "map"), "Hallo");
  EXPECT_EQ(ld::map_language(doc, "map"), "de");
  EXPECT_EQ(ld::boolean(ld::get(doc, "b")), true);
  EXPECT_FALSE(ld::boolean(ld::get(doc, "missing")));
  EXPECT_EQ(ld::integer(ld::get(doc, "i")), 3);
  EXPECT_FALSE(ld::integer(ld::get(doc, "u")));
  EXPECT_EQ(ld::timestamp(ld::get(doc, "ts")), ld::timestamp(ld::get(doc, "nz")));
  EXPECT_EQ(ld::href_of(ld::get(doc, "links"), "text/html"), "https://a.example/page");
  EXPECT_EQ(ld::href_of(ld::get(doc, "links")), "https://a.example/m3u8");
  EXPECT_FALSE(ld::is_http_url("https://"));
  EXPECT_FALSE(ld::is_http_url("mailto:a@b.c"));
  EXPECT_TRUE(ld::is_http_url("https://a.example/users/x#main-key"));
}
