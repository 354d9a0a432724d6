#include <boost/json.hpp>

#include "activitypub/parse_types.h"
#include "activitypub/parse_vocabulary.h"

namespace agora::activitypub {

namespace json = boost::json;

namespace {

// The object of a known activity: bare ids, an embedded object with an id, or
// (Flag) an array of ids and objects. Returns why it is unusable, or "".
std::string read_object(const json::object& doc, Activity& a) {
  const json::value* value = ld::get(doc, "object");
  if (!value) return "missing object";
  for (const json::value* item : ld::items_of(value))
    if (!item->is_string() && !item->is_object()) return "object is not an object or an id";
  ld::Ref ref = ld::ref_of(value);
  if (ref.id.empty()) return ref.embedded ? "embedded object has no id" : "missing object";
  a.object_ids = ld::ids_of(value);
  for (const std::string& id : a.object_ids)
    if (std::string problem = id_problem("object id", id); !problem.empty()) return problem;
  a.object = ref.id;
  if (ref.embedded) {
    a.embedded_object = *ref.embedded;
    auto types = ld::types_of(*ref.embedded);
    a.object_type = types.empty() ? "" : types.front();
    // An embedded activity (Undo{Follow}, Announce{Create}) is parsed too;
    // one that does not parse leaves only its id, as a compact object would.
    if (activity_type(ld::first_known_type(*ref.embedded, activity_type_names())) != ActivityType::unknown)
      if (auto inner = parse_activity(*ref.embedded)) a.inner = std::make_shared<const Activity>(*inner);
  }
  return {};
}

}  // namespace

ParseResult<Activity> parse_activity(const json::object& doc) {
  using R = ParseResult<Activity>;
  Activity a;
  a.type = ld::first_known_type(doc, activity_type_names());
  a.kind = activity_type(a.type);
  if (a.kind == ActivityType::unknown) {
    auto types = ld::types_of(doc);
    a.type = types.empty() ? "" : types.front();
  }
  a.id = ld::id_of(ld::get(doc, "id"));
  // Hubzilla and Kroeg send the actor inline; only its id counts (it is fetched and verified).
  a.actor = ld::id_of(ld::get(doc, "actor"));
  a.target = ld::id_of(ld::get(doc, "target"));
  if (!ld::is_http_url(a.target)) a.target.clear();
  a.to = ld::ids_of(ld::get(doc, "to"));
  a.cc = ld::ids_of(ld::get(doc, "cc"));
  a.published = ld::timestamp(ld::get(doc, "published"));
  a.content = ld::language_text(doc, "content", "contentMap");
  a.tags = parse_tags(doc);
  if (a.kind == ActivityType::emoji_react) a.reaction = a.content;
  if (a.kind == ActivityType::like) a.reaction = ld::text(doc, "_misskey_reaction");
  if (a.kind == ActivityType::unknown) return R::ok(std::move(a));  // ignored by the caller

  if (std::string problem = id_problem("id", a.id); !problem.empty()) return R::fail(a.type + ": " + problem);
  if (std::string problem = id_problem("actor", a.actor); !problem.empty()) return R::fail(a.type + ": " + problem);
  if (std::string problem = read_object(doc, a); !problem.empty()) return R::fail(a.type + ": " + problem);
  if (a.kind == ActivityType::move && a.target.empty()) return R::fail("Move: missing target");
  return R::ok(std::move(a));
}

}  // namespace agora::activitypub
