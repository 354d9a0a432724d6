// HTML escaping for text placed into HTML (as ERB's h()).
#pragma once
#include <string>
#include <string_view>

namespace agora::text {

// Escapes & < > " ' (the apostrophe as &#39;, as Rails does).
std::string escape_html(std::string_view s);
void append_escaped(std::string& out, std::string_view s);

}  // namespace agora::text
