#include "model/status.h"

#include <array>

namespace agora::model {

namespace {
constexpr std::array<const char*, 5> kVisibilityNames = {"public", "unlisted", "private", "direct", "limited"};
}

const char* visibility_name(Visibility v) { return kVisibilityNames.at(static_cast<size_t>(v)); }

std::optional<Visibility> parse_visibility(std::string_view name) {
  // "limited" is for remote statuses only; clients cannot ask for it.
  for (size_t i = 0; i < 4; ++i)
    if (name == kVisibilityNames[i]) return static_cast<Visibility>(i);
  return std::nullopt;
}

}  // namespace agora::model
