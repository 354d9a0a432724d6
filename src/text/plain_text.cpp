#include "text/plain_text.h"

#include "core/strings.h"
#include "core/utf8.h"
#include "text/entities.h"
#include "text/html.h"

namespace agora::text {

namespace {

bool blank(std::string_view s) { return strip(s).empty(); }

std::string hashtag_link(std::string_view tag, const FormatOptions& o) {
  std::string out = "<a href=\"";
  append_escaped(out, o.base_url + "/tags/" + url_encode_segment(tag));
  out += "\" class=\"mention hashtag\" rel=\"tag\">#<span>";
  append_escaped(out, tag);
  out += "</span></a>";
  return out;
}

std::string mention(const Entity& e, const FormatOptions& o) {
  std::string_view value = e.value;
  size_t at = value.find('@');
  std::string_view username = value.substr(0, at);
  std::string_view domain = at == std::string_view::npos ? std::string_view() : value.substr(at + 1);
  std::optional<MentionTarget> target;
  if (o.resolve_mention) target = o.resolve_mention(username, domain);
  if (!target) return "@" + escape_html(value);
  std::string out = "<span class=\"h-card\" translate=\"no\"><a href=\"";
  append_escaped(out, target->url);
  out += "\" class=\"u-url mention\">@<span>";
  append_escaped(out, target->display_name);
  out += "</span></a></span>";
  return out;
}

std::string linkify(std::string_view text, const FormatOptions& o) {
  std::string out;
  size_t last = 0;
  for (const auto& e : extract_entities(text)) {
    append_escaped(out, text.substr(last, e.begin - last));
    switch (e.kind) {
      case Entity::Kind::url: out += shortened_link(e.value, o.rel_me); break;
      case Entity::Kind::hashtag: out += hashtag_link(e.value, o); break;
      case Entity::Kind::mention: out += mention(e, o); break;
    }
    last = e.end;
  }
  append_escaped(out, text.substr(last));
  return out;
}

// Rails' simple_format without sanitizing (the input is already escaped
// HTML): blank lines separate paragraphs, single newlines become <br />,
// and the newlines themselves are dropped, as Mastodon does.
std::string paragraphs(std::string_view html) {
  std::string text;
  text.reserve(html.size());
  for (size_t i = 0; i < html.size(); ++i) {  // \r\n and \r become \n
    if (html[i] == '\r') {
      text += '\n';
      if (i + 1 < html.size() && html[i + 1] == '\n') ++i;
    } else {
      text += html[i];
    }
  }
  std::string out;
  size_t pos = 0;
  bool any = false;
  while (pos <= text.size()) {
    size_t brk = text.find("\n\n", pos);
    std::string_view para = std::string_view(text).substr(pos, brk == std::string::npos ? std::string::npos : brk - pos);
    size_t next = brk == std::string::npos ? text.size() + 1 : text.find_first_not_of('\n', brk);
    if (next == std::string::npos) next = text.size() + 1;  // trailing blank lines: no more paragraphs
    out += "<p>";
    for (size_t i = 0; i < para.size(); ++i) {
      if (para[i] == '\n') {
        // A line break between two characters of the same paragraph.
        if (i > 0 && i + 1 < para.size() && para[i - 1] != '\n' && para[i + 1] != '\n') out += "<br />";
        continue;
      }
      out += para[i];
    }
    out += "</p>";
    any = true;
    pos = next;
  }
  return any ? out : "<p></p>";
}

}  // namespace

std::string_view strip(std::string_view s) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' || c == '\0'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

std::string shortened_link(std::string_view url, bool rel_me) {
  std::string_view rest = url;
  size_t prefix_len = 0;
  auto lower_starts = [&](std::string_view p) {
    if (rest.size() < p.size()) return false;
    for (size_t i = 0; i < p.size(); ++i)
      if (std::tolower(static_cast<unsigned char>(rest[i])) != p[i]) return false;
    return true;
  };
  if (lower_starts("https://")) prefix_len = 8;
  else if (lower_starts("http://")) prefix_len = 7;
  if (prefix_len && rest.substr(prefix_len).starts_with("www.")) prefix_len += 4;
  std::string_view prefix = url.substr(0, prefix_len);
  std::string_view after = url.substr(prefix_len);
  std::string_view display = utf8_prefix(after, 30);
  std::string_view suffix = after.substr(display.size());
  bool cutoff = !suffix.empty();
  if (utf8_length(suffix) == 1) {  // no ellipsis to hide a single character
    display = after;
    suffix = {};
    cutoff = false;
  }
  std::string out = "<a href=\"";
  append_escaped(out, url);
  out += "\" target=\"_blank\" rel=\"nofollow noopener";
  if (rel_me) out += " me";
  out += "\" translate=\"no\"><span class=\"invisible\">";
  append_escaped(out, prefix);
  out += cutoff ? "</span><span class=\"ellipsis\">" : "</span><span class=\"\">";
  append_escaped(out, display);
  out += "</span><span class=\"invisible\">";
  append_escaped(out, suffix);
  out += "</span></a>";
  return out;
}

std::string format_plain_text(std::string_view text, const FormatOptions& options) {
  if (blank(text)) return "";
  std::string html = linkify(text, options);
  if (!options.multiline) return html;
  return paragraphs(html);
}

}  // namespace agora::text
