// HTML escaping for text placed into HTML (as ERB's h()).
#pragma once
#include <string>
#include <string_view>

namespace agora::text {

// Escapes & < > " ' (the apostrophe as &#39;, as Rails does).
std::string escape_html(std::string_view s);
void append_escaped(std::string& out, std::string_view s);

// The text of sanitized HTML (status content): tags dropped, <br> and
// paragraph breaks as newlines, the common entities decoded. For matching
// filters and for search, not for display.
std::string html_to_text(std::string_view html);

}  // namespace agora::text
