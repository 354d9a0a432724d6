#include <boost/json.hpp>

#include "activitypub/parse_types.h"
#include "activitypub/parse_vocabulary.h"

namespace agora::activitypub {

namespace json = boost::json;

namespace {

constexpr size_t kMaxBlurhashLength = 128;

// attributedTo may list several actors (PeerTube: [Person, Group]); the
// author is the first that is not a Group, else the first at all.
std::string author_of(const json::value* value) {
  if (value && value->is_array())
    for (const json::value& item : value->get_array())
      if (item.is_object() && ld::first_known_type(item.get_object(), actor_type_names()) != "" &&
          !ld::has_type(item.get_object(), "Group"))
        return ld::id_of(&item);
  return ld::id_of(value);
}

std::optional<std::pair<double, double>> focal_point(const json::value* value) {
  if (!value || !value->is_array() || value->get_array().size() != 2) return std::nullopt;
  auto x = ld::number(&value->get_array()[0]);
  auto y = ld::number(&value->get_array()[1]);
  if (!x || !y || *x < -1 || *x > 1 || *y < -1 || *y > 1) return std::nullopt;
  return std::pair{*x, *y};
}

std::vector<Attachment> attachments(const json::object& doc) {
  std::vector<Attachment> out;
  for (const json::value* item : ld::items_of(ld::get(doc, "attachment"))) {
    if (!item->is_object()) continue;
    const json::object& a = item->get_object();
    Attachment m;
    auto types = ld::types_of(a);
    m.type = types.empty() ? "" : types.front();
    m.url = ld::href_of(ld::get(a, "url"));
    if (m.url.empty()) m.url = ld::text(a, "href");  // a bare Link (Lemmy)
    if (!ld::is_http_url(m.url)) continue;
    m.media_type = ld::text(a, "mediaType");
    m.icon_url = ld::image_url(ld::get(a, "icon"));
    if (!ld::is_http_url(m.icon_url)) m.icon_url.clear();
    // GoToSocial puts the alt text in summary, Mastodon in name (summary wins, as in Mastodon).
    m.description = ld::text(a, "summary");
    if (m.description.empty()) m.description = ld::text(a, "name");
    m.blurhash = ld::text(a, "blurhash");
    if (m.blurhash.size() > kMaxBlurhashLength) m.blurhash.clear();
    m.focal_point = focal_point(ld::get(a, "focalPoint"));
    m.width = ld::integer(ld::get(a, "width"));
    m.height = ld::integer(ld::get(a, "height"));
    out.push_back(std::move(m));
  }
  return out;
}

// Question: options in oneOf (single choice) or anyOf (multiple choice).
std::optional<Poll> poll_of(const json::object& doc) {
  const json::value* any_of = ld::get(doc, "anyOf");
  const json::value* one_of = ld::get(doc, "oneOf");
  Poll poll;
  poll.multiple = any_of && any_of->is_array();
  const json::value* items = poll.multiple ? any_of : one_of;
  if (!items || !items->is_array()) return std::nullopt;
  for (const json::value& item : items->get_array()) {
    if (!item.is_object()) continue;
    const json::object& option = item.get_object();
    PollOption o{ld::text(option, "name"), 0};
    if (o.title.empty()) o.title = ld::text(option, "content");
    if (o.title.empty()) continue;
    if (const json::value* replies = ld::get(option, "replies"); replies && replies->is_object())
      o.votes = std::max<int64_t>(0, ld::integer(ld::get(replies->get_object(), "totalItems")).value_or(0));
    poll.options.push_back(std::move(o));
  }
  // `closed` is a time (Pleroma) or true; either way the poll is over.
  const json::value* closed = ld::get(doc, "closed");
  if (closed && !(closed->is_bool() && !closed->get_bool())) {
    poll.closed = true;
    poll.expires_at = ld::timestamp(closed);
  } else {
    poll.expires_at = ld::timestamp(ld::get(doc, "endTime"));
  }
  if (auto voters = ld::integer(ld::get(doc, "votersCount")); voters && *voters >= 0) poll.voters_count = voters;
  return poll;
}

// The quoted post, under any of the names servers use for it (Mastodon's order).
std::string quote_of(const json::object& doc) {
  for (std::string_view key : {"quote", "_misskey_quote", "quoteUrl", "quoteUri"}) {
    std::string id = ld::ref_of(ld::get(doc, key)).id;
    if (ld::is_http_url(id)) return id;
  }
  return {};
}

}  // namespace

ParseResult<Object> parse_object(const json::object& doc) {
  using R = ParseResult<Object>;
  Object o;
  o.id = ld::id_of(ld::get(doc, "id"));
  if (std::string problem = id_problem("id", o.id); !problem.empty()) return R::fail("object: " + problem);
  o.type = ld::first_known_type(doc, object_type_names());
  if (o.type.empty()) {
    auto types = ld::types_of(doc);
    return R::fail(types.empty() ? "object: missing type" : "unsupported object type " + types.front());
  }
  o.kind = *object_type(o.type);
  o.attributed_to = author_of(ld::get(doc, "attributedTo"));
  if (std::string problem = id_problem("attributedTo", o.attributed_to); !problem.empty())
    return R::fail("object: " + problem);
  // Misskey's _misskey_content and `source` are ignored: content is the HTML to show.
  o.content = ld::language_text(doc, "content", "contentMap");
  o.name = ld::language_text(doc, "name", "nameMap");
  o.summary = ld::language_text(doc, "summary", "summaryMap");
  o.language = ld::map_language(doc, "contentMap");
  if (!o.language) o.language = ld::map_language(doc, "nameMap");
  if (!o.language) o.language = ld::map_language(doc, "summaryMap");
  o.sensitive = ld::boolean(ld::get(doc, "sensitive")).value_or(false) || !o.summary.empty();
  o.in_reply_to = ld::url_id(doc, "inReplyTo");
  o.published = ld::timestamp(ld::get(doc, "published"));
  o.updated = ld::timestamp(ld::get(doc, "updated"));
  o.url = ld::href_of(ld::get(doc, "url"), "text/html");
  if (!ld::is_http_url(o.url)) o.url.clear();
  o.to = ld::ids_of(ld::get(doc, "to"));
  o.cc = ld::ids_of(ld::get(doc, "cc"));
  o.conversation = ld::id_of(ld::get(doc, "conversation"));
  if (o.conversation.empty()) o.conversation = ld::id_of(ld::get(doc, "context"));
  if (o.conversation.size() > kMaxUrlLength) o.conversation.clear();
  o.tags = parse_tags(doc);
  o.attachments = attachments(doc);
  if (o.kind == ObjectType::question) o.poll = poll_of(doc);
  o.quote = quote_of(doc);
  return R::ok(std::move(o));
}

}  // namespace agora::activitypub
