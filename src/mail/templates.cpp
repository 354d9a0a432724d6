#include "mail/templates.h"

#include "mail/catalog.h"
#include "mail/layout.h"
#include "text/html.h"

namespace agora::mail {

std::string interpolate(const std::string& pattern, const Vars& vars, bool html) {
  std::string out;
  size_t i = 0;
  while (i < pattern.size()) {
    size_t open = pattern.find('{', i);
    size_t close = open == std::string::npos ? open : pattern.find('}', open);
    if (close == std::string::npos) {
      out += html ? text::escape_html(pattern.substr(i)) : pattern.substr(i);
      break;
    }
    std::string literal = pattern.substr(i, open - i);
    out += html ? text::escape_html(literal) : literal;
    auto it = vars.find(pattern.substr(open + 1, close - open - 1));
    std::string value = it == vars.end() ? pattern.substr(open, close - open + 1) : it->second;
    out += html ? text::escape_html(value) : value;
    i = close + 1;
  }
  return out;
}

RenderedMail render_template(const std::string& name, const std::string& locale, const Vars& vars) {
  const MailStrings& s = mail_strings(name, locale);
  RenderedMail out;
  out.subject = interpolate(s.subject, vars, false);
  std::string body_html;
  for (const auto& p : s.paragraphs) {
    if (interpolate(p, vars, false).empty()) continue;  // e.g. a warning without text
    out.text += interpolate(p, vars, false) + "\n\n";
    body_html += "<p style=\"margin:0 0 16px;white-space:pre-line\">" + interpolate(p, vars, true) + "</p>";
  }
  auto link = vars.find("link");
  if (!s.action.empty() && link != vars.end()) {
    std::string label = interpolate(s.action, vars, false);
    out.text += label + ":\n" + link->second + "\n\n";
    body_html += html_button(link->second, label);
  }
  std::string footer_html;
  if (!s.footer.empty()) {
    out.text += "-- \n" + interpolate(s.footer, vars, false) + "\n";
    footer_html = interpolate(s.footer, vars, true);
  }
  out.html = html_layout(out.subject, body_html, footer_html);
  return out;
}

}  // namespace agora::mail
