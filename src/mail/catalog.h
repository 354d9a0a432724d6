// The translated strings of every mail, per locale (en, de, es).
#pragma once
#include <string>
#include <vector>

namespace agora::mail {

struct MailStrings {
  std::string subject;
  std::vector<std::string> paragraphs;
  std::string action;  // label of the link button; empty when there is none
  std::string footer;  // small print, e.g. why the mail came
};

// The strings of `name` in `locale` ("de", "de-AT" → de), English when that
// locale has none. Throws std::out_of_range when no locale has `name`.
const MailStrings& mail_strings(const std::string& name, const std::string& locale);

}  // namespace agora::mail
