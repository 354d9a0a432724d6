#include "activitypub/parse_types.h"

#include <utility>

#include "activitypub/parse_json_ld.h"
#include "activitypub/parse_vocabulary.h"

namespace agora::activitypub {

namespace {

template <class E>
using Table = std::vector<std::pair<std::string_view, E>>;

const Table<ActorType> kActorTypes = {{"Person", ActorType::person},
                                      {"Service", ActorType::service},
                                      {"Group", ActorType::group},
                                      {"Application", ActorType::application},
                                      {"Organization", ActorType::organization}};

// Mastodon's supported (Note, Question) and converted types.
const Table<ObjectType> kObjectTypes = {{"Note", ObjectType::note},   {"Question", ObjectType::question},
                                        {"Article", ObjectType::article}, {"Page", ObjectType::page},
                                        {"Video", ObjectType::video}, {"Image", ObjectType::image},
                                        {"Event", ObjectType::event}, {"Audio", ObjectType::audio}};

const Table<ActivityType> kActivityTypes = {
    {"Follow", ActivityType::follow},       {"Accept", ActivityType::accept},
    {"Reject", ActivityType::reject},       {"Undo", ActivityType::undo},
    {"Create", ActivityType::create},       {"Update", ActivityType::update},
    {"Delete", ActivityType::delete_},      {"Announce", ActivityType::announce},
    {"Like", ActivityType::like},           {"EmojiReact", ActivityType::emoji_react},
    {"Block", ActivityType::block},         {"Flag", ActivityType::flag},
    {"Move", ActivityType::move},           {"Add", ActivityType::add},
    {"Remove", ActivityType::remove}};

template <class E>
std::vector<std::string_view> names_of(const Table<E>& table) {
  std::vector<std::string_view> names;
  for (const auto& [name, value] : table) names.push_back(name);
  return names;
}

template <class E>
std::optional<E> lookup(const Table<E>& table, std::string_view name) {
  for (const auto& [n, value] : table)
    if (n == name) return value;
  return std::nullopt;
}

}  // namespace

const std::vector<std::string_view>& actor_type_names() {
  static const auto names = names_of(kActorTypes);
  return names;
}
const std::vector<std::string_view>& object_type_names() {
  static const auto names = names_of(kObjectTypes);
  return names;
}
const std::vector<std::string_view>& activity_type_names() {
  static const auto names = names_of(kActivityTypes);
  return names;
}

std::optional<ActorType> actor_type(std::string_view name) { return lookup(kActorTypes, name); }
std::optional<ObjectType> object_type(std::string_view name) { return lookup(kObjectTypes, name); }
ActivityType activity_type(std::string_view name) {
  return lookup(kActivityTypes, name).value_or(ActivityType::unknown);
}

std::string id_problem(std::string_view field, const std::string& value) {
  if (value.empty()) return "missing " + std::string(field);
  if (!ld::is_http_url(value)) return std::string(field) + " is not an http(s) URL";
  return {};
}

DocumentKind document_kind(const boost::json::object& doc) {
  for (const std::string& type : ld::types_of(doc)) {
    if (activity_type(type) != ActivityType::unknown) return DocumentKind::activity;
    if (actor_type(type)) return DocumentKind::actor;
    if (object_type(type)) return DocumentKind::object;
  }
  return DocumentKind::other;
}

}  // namespace agora::activitypub
