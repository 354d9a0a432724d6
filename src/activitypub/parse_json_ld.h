// Tolerant reading of ActivityStreams JSON as other servers really emit it:
// a property may be a string, an array, an embedded object or an object with
// only an id; null counts as missing. These accessors never throw and never
// fetch anything (pure); the typed parsers in parse_vocabulary.h use them.
#pragma once
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace agora::activitypub {

// Either a parsed value or the reason it was refused (for logs and 4xx answers).
template <class T>
struct ParseResult {
  std::optional<T> value;
  std::string error;

  static ParseResult ok(T v) { return {std::move(v), {}}; }
  static ParseResult fail(std::string reason) { return {std::nullopt, std::move(reason)}; }
  explicit operator bool() const { return value.has_value(); }
  const T& operator*() const { return *value; }
  const T* operator->() const { return &*value; }
};

inline constexpr size_t kMaxDocumentBytes = 1 << 20;  // inbox bodies and fetched documents
inline constexpr size_t kMaxDocumentDepth = 32;       // Mastodon's own payloads nest < 10 deep
inline constexpr size_t kMaxUrlLength = 2048;         // longer ids and links are dropped

// Parses a request body or fetched document: refuses bodies over `max_bytes`,
// invalid UTF-8, malformed JSON, nesting deeper than kMaxDocumentDepth and
// roots that are not objects.
ParseResult<boost::json::object> parse_document(std::string_view body, size_t max_bytes = kMaxDocumentBytes);

namespace ld {

// The member, or nullptr when absent or JSON null.
const boost::json::value* get(const boost::json::object& o, std::string_view key);

// A property as a list: an array's elements, or the one value sent without
// an array (Pixelfed's single `tag` object); empty when absent.
std::vector<const boost::json::value*> items_of(const boost::json::value* v);

// A string, or the first string of an array ("name": ["x"]); nullopt otherwise.
std::optional<std::string> string_of(const boost::json::value* v);
// string_of(get(o, key)) or "" — for optional text fields.
std::string text(const boost::json::object& o, std::string_view key);

// The id of a reference: the string itself, an object's "id", or the id of an
// array's first element ("" when there is none).
std::string id_of(const boost::json::value* v);
// Every id of a string / array / object property (to, cc, alsoKnownAs, Flag's object).
std::vector<std::string> ids_of(const boost::json::value* v);

// A reference that may carry its object inline (object-or-id). For arrays the first element.
struct Ref {
  std::string id;
  const boost::json::object* embedded = nullptr;  // points into the parsed document
};
Ref ref_of(const boost::json::value* v);

// `type` as a string or an array of strings (["Person", "vcard:individual"]).
std::vector<std::string> types_of(const boost::json::object& o);
bool has_type(const boost::json::object& o, std::string_view type);
// The first of `types_of(o)` that is in `known` ("" when none is).
std::string first_known_type(const boost::json::object& o, const std::vector<std::string_view>& known);

// Text that may come as `content` or as a language map `contentMap`
// ({"en": "..."}): the plain property wins when non-empty, else the map's first value.
std::string language_text(const boost::json::object& o, std::string_view key, std::string_view map_key);
// The first key of a non-empty language map ("en"), as Mastodon reads the language.
std::optional<std::string> map_language(const boost::json::object& o, std::string_view map_key);

// xsd:dateTime as ms since the epoch. A timestamp without a zone (Pleroma's
// "2019-09-19T00:32:36.785333") reads as UTC; anything unparsable is nullopt.
std::optional<int64_t> timestamp(const boost::json::value* v);
// Booleans that may be missing, null, or (rarely) the strings "true"/"false".
std::optional<bool> boolean(const boost::json::value* v);
// Integers sent as numbers (int, uint or integral double) or decimal strings.
std::optional<int64_t> integer(const boost::json::value* v);
std::optional<double> number(const boost::json::value* v);

// True for absolute http(s) URLs with a host and no userinfo, at most kMaxUrlLength long.
bool is_http_url(std::string_view s);
// The http(s) URL in a property, or "" (ids, inbox, followers, …).
std::string url_id(const boost::json::object& o, std::string_view key);

// Mastodon's url_to_href: a string, a Link {href}, or an array of either in
// which the Link of `preferred_media_type` wins (PeerTube's text/html page).
std::string href_of(const boost::json::value* v, std::string_view preferred_media_type = {});
// An image's URL from a string, an Image {url} (url itself maybe a Link or
// array), a Link {href}, or an array of those (first wins).
std::string image_url(const boost::json::value* v);

}  // namespace ld
}  // namespace agora::activitypub
