// The HTML sanitizer for content from other servers (remote statuses,
// profile bios and field values), as Mastodon 4.3's
// Sanitize::Config::MASTODON_STRICT.
#pragma once
#include <string>
#include <string_view>

namespace agora::text {

// Returns well-formed HTML that keeps only Mastodon's strict set of elements
// (p br span a del s pre blockquote code b strong u i em ul ol li ruby rt rp),
// their allowed attributes and link protocols; h1-h6 become <p><strong>;
// other elements are unwrapped (text kept) or, for script-like ones, dropped
// with their contents. Never throws on hostile input (invalid UTF-8 becomes
// U+FFFD); inputs with more than kMaxSanitizedStartTags tags are cut there.
std::string sanitize_remote_html(std::string_view html);

// Beyond this many start tags the rest of the input is ignored: the HTML5
// parser is quadratic in nesting depth, and depth is bounded by tag count.
inline constexpr size_t kMaxSanitizedStartTags = 5000;

}  // namespace agora::text
