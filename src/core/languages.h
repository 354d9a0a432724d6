// The language codes Mastodon accepts (ISO 639-1, a few ISO 639-3 codes and
// regional variants), for follows' language filters and statuses.
#pragma once
#include <string_view>

namespace agora {

bool supported_language(std::string_view code);

}  // namespace agora
