#include "activitypub/context.h"

#include <boost/json/object.hpp>
#include <ctime>

namespace agora::activitypub {

namespace json = boost::json;

namespace {
json::object id_term(const char* id) { return {{"@id", id}, {"@type", "@id"}}; }
json::object focal_point_term() { return {{"@container", "@list"}, {"@id", "toot:focalPoint"}}; }
}  // namespace

json::array actor_context() {
  return {kActivityStreams, "https://w3id.org/security/v1",
          json::object{{"manuallyApprovesFollowers", "as:manuallyApprovesFollowers"},
                       {"toot", "http://joinmastodon.org/ns#"},
                       {"featured", id_term("toot:featured")},
                       {"featuredTags", id_term("toot:featuredTags")},
                       {"alsoKnownAs", id_term("as:alsoKnownAs")},
                       {"movedTo", id_term("as:movedTo")},
                       {"schema", "http://schema.org#"},
                       {"PropertyValue", "schema:PropertyValue"},
                       {"value", "schema:value"},
                       {"discoverable", "toot:discoverable"},
                       {"suspended", "toot:suspended"},
                       {"memorial", "toot:memorial"},
                       {"indexable", "toot:indexable"},
                       {"Emoji", "toot:Emoji"},
                       {"Hashtag", "as:Hashtag"},
                       {"focalPoint", focal_point_term()}}};
}

json::array note_context() {
  return {kActivityStreams,
          json::object{{"ostatus", "http://ostatus.org#"},
                       {"atomUri", "ostatus:atomUri"},
                       {"inReplyToAtomUri", "ostatus:inReplyToAtomUri"},
                       {"conversation", "ostatus:conversation"},
                       {"sensitive", "as:sensitive"},
                       {"toot", "http://joinmastodon.org/ns#"},
                       {"votersCount", "toot:votersCount"},
                       {"blurhash", "toot:blurhash"},
                       {"focalPoint", focal_point_term()},
                       {"Hashtag", "as:Hashtag"},
                       {"Emoji", "toot:Emoji"}}};
}

std::string timestamp(int64_t ms) {
  std::time_t seconds = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace agora::activitypub
