// Parsing inbound ActivityPub documents into the structs of vocabulary.h.
// Each parser takes an object from parse_document() and returns the struct or
// a precise reason for refusing it; none fetches, stores or sanitizes.
#pragma once
#include <boost/json/object.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "activitypub/parse_json_ld.h"
#include "activitypub/vocabulary.h"
#include "model/status.h"

namespace agora::activitypub {

// What a document is, judged by its type (first known type wins).
enum class DocumentKind { activity, actor, object, other };
DocumentKind document_kind(const boost::json::object& doc);

ParseResult<Actor> parse_actor(const boost::json::object& doc);
ParseResult<Object> parse_object(const boost::json::object& doc);
// Unknown activity types parse with kind `unknown` (callers answer 202 and drop them).
ParseResult<Activity> parse_activity(const boost::json::object& doc);
ParseResult<WebFinger> parse_webfinger(const boost::json::object& doc);

// The `tag` property of any document.
Tags parse_tags(const boost::json::object& doc);

// "as:Public", "Public" and the full IRI all name the public collection.
bool is_public_collection(std::string_view id);
// Mastodon's rule: public in `to` → public; public in `cc` → unlisted; the
// author's followers collection in `to` → private; otherwise direct.
model::Visibility derive_visibility(const std::vector<std::string>& to, const std::vector<std::string>& cc,
                                    std::string_view followers_url);

}  // namespace agora::activitypub
