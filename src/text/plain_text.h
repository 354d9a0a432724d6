// Plain text as members type it (bios, profile field values; later statuses)
// turned into the small, safe HTML Mastodon serves: everything escaped,
// http(s) links, hashtags and known mentions linked, paragraphs and line
// breaks as <p> and <br />.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace agora::text {

struct MentionTarget {
  std::string url;           // the profile page to link
  std::string display_name;  // "alice", or "alice@example.org"
};

struct FormatOptions {
  std::string base_url;   // for hashtag links: BASE/tags/NAME
  bool multiline = true;  // paragraphs and line breaks; off for profile field values
  bool rel_me = false;    // rel="me" on links (profile field values, for verification)
  // Resolves "user" / "user@domain"; unresolved mentions stay plain text.
  std::function<std::optional<MentionTarget>(std::string_view username, std::string_view domain)> resolve_mention;
};

std::string format_plain_text(std::string_view text, const FormatOptions& options);

// Mastodon's shortened link: the scheme and "www." hidden, the rest cut
// after 30 characters with an ellipsis class.
std::string shortened_link(std::string_view url, bool rel_me);

// Ruby's String#strip: ASCII whitespace and NUL off both ends.
std::string_view strip(std::string_view s);

}  // namespace agora::text
