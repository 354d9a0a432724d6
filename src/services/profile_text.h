// Rendering what members type on their profile (bio, field values) to HTML,
// with mentions of accounts this instance knows linked to their profiles.
#pragma once
#include <string>
#include <string_view>

#include "services/context.h"
#include "store/database.h"

namespace agora::services {

std::string render_bio(store::Connection& c, const Context& ctx, std::string_view note);
// Single line, links with rel="me" (for verification), mentions with domains.
std::string render_field_value(store::Connection& c, const Context& ctx, std::string_view value);

}  // namespace agora::services
