// The JSON-LD vocabulary every document we emit shares: the @context arrays
// Mastodon sends (so its parsers and ours agree on the extension terms) and
// the well-known addresses.
#pragma once
#include <boost/json/array.hpp>
#include <string>

namespace agora::activitypub {

inline constexpr const char* kActivityStreams = "https://www.w3.org/ns/activitystreams";
inline constexpr const char* kPublic = "https://www.w3.org/ns/activitystreams#Public";
inline constexpr const char* kActivityJson = "application/activity+json";

// For actors: security (publicKey) and Mastodon's profile terms.
boost::json::array actor_context();
// For statuses and the activities that carry them.
boost::json::array note_context();
// For activities with nothing beyond ActivityStreams (Follow, Like, …).
inline std::string plain_context() { return kActivityStreams; }

// Seconds precision, as Mastodon writes `published`: "2024-10-14T16:57:15Z".
std::string timestamp(int64_t ms);

}  // namespace agora::activitypub
