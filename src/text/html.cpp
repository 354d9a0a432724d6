#include "text/html.h"

#include <utility>

namespace agora::text {

void append_escaped(std::string& out, std::string_view s) {
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
}

std::string escape_html(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  append_escaped(out, s);
  return out;
}

std::string html_to_text(std::string_view html) {
  static constexpr std::pair<std::string_view, char> kEntities[] = {
      {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}, {"&apos;", '\''}};
  std::string out;
  out.reserve(html.size());
  for (size_t i = 0; i < html.size();) {
    if (html[i] == '<') {
      size_t end = html.find('>', i);
      if (end == std::string_view::npos) break;
      std::string_view tag = html.substr(i + 1, end - i - 1);
      if ((tag.starts_with("br") || tag.starts_with("/p")) && !out.empty() && out.back() != '\n') out += '\n';
      i = end + 1;
      continue;
    }
    if (html[i] == '&') {
      bool decoded = false;
      for (const auto& [name, ch] : kEntities)
        if (html.substr(i).starts_with(name)) {
          out += ch;
          i += name.size();
          decoded = true;
          break;
        }
      if (decoded) continue;
    }
    out += html[i++];
  }
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

}  // namespace agora::text
