#include "activitypub/parse_json_ld.h"

#include <boost/json.hpp>
#include <boost/url/parse.hpp>
#include <cmath>
#include <limits>

#include "core/strings.h"
#include "core/time.h"

namespace agora::activitypub {

namespace json = boost::json;

ParseResult<json::object> parse_document(std::string_view body, size_t max_bytes) {
  using R = ParseResult<json::object>;
  if (body.size() > max_bytes) return R::fail("document larger than " + std::to_string(max_bytes) + " bytes");
  json::parse_options options;
  options.max_depth = kMaxDocumentDepth;
  options.allow_invalid_utf8 = false;
  options.allow_comments = false;
  options.allow_trailing_commas = false;
  boost::system::error_code ec;
  json::value root = json::parse(json::string_view(body.data(), body.size()), ec, {}, options);
  if (ec == json::error::too_deep) return R::fail("document nested deeper than " + std::to_string(kMaxDocumentDepth));
  if (ec) return R::fail("invalid JSON: " + ec.message());
  if (!root.is_object()) return R::fail("document is not a JSON object");
  return R::ok(std::move(root.get_object()));
}

namespace ld {

const json::value* get(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(json::string_view(key.data(), key.size()));
  return v && !v->is_null() ? v : nullptr;
}

std::vector<const json::value*> items_of(const json::value* v) {
  std::vector<const json::value*> items;
  if (v && v->is_array())
    for (const json::value& item : v->get_array()) items.push_back(&item);
  else if (v)
    items.push_back(v);
  return items;
}

std::optional<std::string> string_of(const json::value* v) {
  if (!v) return std::nullopt;
  if (v->is_string()) return std::string(v->get_string());
  if (v->is_array() && !v->get_array().empty() && v->get_array().front().is_string())
    return std::string(v->get_array().front().get_string());
  return std::nullopt;
}

std::string text(const json::object& o, std::string_view key) { return string_of(get(o, key)).value_or(""); }

std::string id_of(const json::value* v) {
  if (!v) return {};
  if (v->is_string()) return std::string(v->get_string());
  if (v->is_object()) {
    const json::value* id = get(v->get_object(), "id");
    return id && id->is_string() ? std::string(id->get_string()) : std::string();
  }
  if (v->is_array() && !v->get_array().empty()) {
    const json::value& first = v->get_array().front();
    if (first.is_array()) return {};  // ids are never nested arrays
    return id_of(&first);
  }
  return {};
}

std::vector<std::string> ids_of(const json::value* v) {
  std::vector<std::string> ids;
  for (const json::value* item : items_of(v)) {
    if (item->is_array()) continue;
    std::string id = id_of(item);
    if (!id.empty() && id.size() <= kMaxUrlLength) ids.push_back(std::move(id));
  }
  return ids;
}

Ref ref_of(const json::value* v) {
  if (v && v->is_array()) v = v->get_array().empty() ? nullptr : &v->get_array().front();
  if (!v) return {};
  if (v->is_string()) return {std::string(v->get_string()), nullptr};
  if (v->is_object()) return {id_of(v), &v->get_object()};
  return {};
}

std::vector<std::string> types_of(const json::object& o) {
  std::vector<std::string> types;
  const json::value* t = get(o, "type");
  if (!t) return types;
  if (t->is_string()) types.emplace_back(t->get_string());
  if (t->is_array())
    for (const json::value& item : t->get_array())
      if (item.is_string()) types.emplace_back(item.get_string());
  return types;
}

bool has_type(const json::object& o, std::string_view type) {
  for (const std::string& t : types_of(o))
    if (t == type) return true;
  return false;
}

std::string first_known_type(const json::object& o, const std::vector<std::string_view>& known) {
  for (const std::string& t : types_of(o))
    for (std::string_view k : known)
      if (t == k) return t;
  return {};
}

namespace {

// The first (key, value) of a language map whose value is a string.
const json::key_value_pair* first_map_entry(const json::object& o, std::string_view map_key) {
  const json::value* map = get(o, map_key);
  if (!map || !map->is_object()) return nullptr;
  for (const json::key_value_pair& entry : map->get_object())
    if (entry.value().is_string()) return &entry;
  return nullptr;
}

}  // namespace

std::string language_text(const json::object& o, std::string_view key, std::string_view map_key) {
  std::string plain = text(o, key);
  if (!plain.empty()) return plain;
  const json::key_value_pair* entry = first_map_entry(o, map_key);
  return entry ? std::string(entry->value().get_string()) : std::string();
}

std::optional<std::string> map_language(const json::object& o, std::string_view map_key) {
  const json::key_value_pair* entry = first_map_entry(o, map_key);
  if (!entry || entry->key().empty()) return std::nullopt;
  return std::string(entry->key());
}

std::optional<int64_t> timestamp(const json::value* v) {
  std::optional<std::string> s = string_of(v);
  if (!s || s->size() > 64) return std::nullopt;
  if (auto ms = parse_iso8601(*s)) return ms;
  // No zone at all (Pleroma): "YYYY-MM-DDTHH:MM:SS[.fff]" is read as UTC.
  if (s->size() >= 19 && s->find_first_of("Zz+", 19) == std::string::npos &&
      s->find('-', 19) == std::string::npos)
    return parse_iso8601(*s + "Z");
  return std::nullopt;
}

std::optional<bool> boolean(const json::value* v) {
  if (!v) return std::nullopt;
  if (v->is_bool()) return v->get_bool();
  if (v->is_string()) {
    if (v->get_string() == "true") return true;
    if (v->get_string() == "false") return false;
  }
  return std::nullopt;
}

std::optional<int64_t> integer(const json::value* v) {
  if (!v) return std::nullopt;
  if (v->is_int64()) return v->get_int64();
  if (v->is_uint64())
    return v->get_uint64() <= static_cast<uint64_t>(std::numeric_limits<int64_t>::max())
               ? std::optional<int64_t>(static_cast<int64_t>(v->get_uint64()))
               : std::nullopt;
  if (v->is_double()) {
    double d = v->get_double();
    if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9e15) return static_cast<int64_t>(d);
    return std::nullopt;
  }
  if (v->is_string()) {
    std::string_view s = v->get_string();
    if (s.empty() || s.size() > 18) return std::nullopt;
    int64_t n = 0;
    for (char c : s) {
      if (c < '0' || c > '9') return std::nullopt;
      n = n * 10 + (c - '0');
    }
    return n;
  }
  return std::nullopt;
}

std::optional<double> number(const json::value* v) {
  if (!v) return std::nullopt;
  if (v->is_double()) return std::isfinite(v->get_double()) ? std::optional<double>(v->get_double()) : std::nullopt;
  if (v->is_int64()) return static_cast<double>(v->get_int64());
  if (v->is_uint64()) return static_cast<double>(v->get_uint64());
  return std::nullopt;
}

bool is_http_url(std::string_view s) {
  if (s.empty() || s.size() > kMaxUrlLength) return false;
  auto url = boost::urls::parse_uri(boost::core::string_view(s.data(), s.size()));
  if (!url) return false;
  std::string scheme = ascii_lower(url->scheme());
  // ids never carry credentials; "https://a@b" hides the real host from a reader.
  return (scheme == "https" || scheme == "http") && url->has_authority() && !url->encoded_host().empty() &&
         !url->has_userinfo();
}

std::string url_id(const json::object& o, std::string_view key) {
  std::string id = id_of(get(o, key));
  return is_http_url(id) ? id : std::string();
}

namespace {

std::string link_href(const json::value& v) {
  if (v.is_string()) return std::string(v.get_string());
  if (v.is_object()) return text(v.get_object(), "href");
  return {};
}

}  // namespace

std::string href_of(const json::value* v, std::string_view preferred_media_type) {
  if (!v) return {};
  if (!v->is_array()) return link_href(*v);
  const json::array& links = v->get_array();
  if (links.empty()) return {};
  if (!preferred_media_type.empty() && !links.front().is_string())
    for (const json::value& link : links)
      if (link.is_object() && text(link.get_object(), "mediaType") == preferred_media_type) return link_href(link);
  return link_href(links.front());
}

std::string image_url(const json::value* v) {
  if (v && v->is_array()) v = v->get_array().empty() ? nullptr : &v->get_array().front();
  if (!v) return {};
  if (v->is_string()) return std::string(v->get_string());
  if (!v->is_object()) return {};
  const json::object& image = v->get_object();
  if (const json::value* url = get(image, "url")) {
    if (url->is_array()) url = url->get_array().empty() ? nullptr : &url->get_array().front();
    if (url && url->is_string()) return std::string(url->get_string());
    if (url && url->is_object()) return text(url->get_object(), "href");
    return {};
  }
  return text(image, "href");
}

}  // namespace ld
}  // namespace agora::activitypub
