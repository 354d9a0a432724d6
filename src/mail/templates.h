// Named mail templates: each has a subject, paragraphs and an optional action
// link, translated per locale (English is the fallback). One translated text
// renders both the plain-text and the HTML part, so the two never drift.
#pragma once
#include <map>
#include <string>

namespace agora::mail {

// Values for the {name} placeholders. They are escaped in the HTML part.
using Vars = std::map<std::string, std::string>;

struct RenderedMail {
  std::string subject;
  std::string text;
  std::string html;
};

// `name` is a catalog entry (see catalog.h); "link" in `vars` is the target of
// the action button when the template has one. Throws std::out_of_range for an
// unknown template (a programming error).
RenderedMail render_template(const std::string& name, const std::string& locale, const Vars& vars);

// Replaces {name} with vars[name] (escaped for HTML when `html`); an unknown
// placeholder is left as it is.
std::string interpolate(const std::string& pattern, const Vars& vars, bool html);

}  // namespace agora::mail
