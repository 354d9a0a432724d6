// An e-mail message and its RFC 5322 / MIME form (text and HTML alternatives).
#pragma once
#include <string>

namespace agora::mail {

struct Message {
  std::string from;  // address
  std::string from_name;
  std::string to;
  std::string subject;
  std::string text;
  std::string html;  // optional
  std::string list_unsubscribe;  // a one-click unsubscribe URL (RFC 8058), optional
};

// Header values are stripped of CR/LF (no header injection); non-ASCII
// subjects are RFC 2047 encoded; bodies are UTF-8 in base64.
std::string render(const Message& m, int64_t now_ms, const std::string& message_id_domain);

}  // namespace agora::mail
