// Type names of the inbound vocabulary and checks shared by the parsers (internal).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "activitypub/vocabulary.h"

namespace agora::activitypub {

const std::vector<std::string_view>& actor_type_names();
const std::vector<std::string_view>& object_type_names();
const std::vector<std::string_view>& activity_type_names();

std::optional<ActorType> actor_type(std::string_view name);
std::optional<ObjectType> object_type(std::string_view name);
ActivityType activity_type(std::string_view name);  // unknown for anything else

// Why `value` cannot serve as the id named `field` ("missing id", "actor is
// not an http(s) URL"), or "" when it can.
std::string id_problem(std::string_view field, const std::string& value);

}  // namespace agora::activitypub
