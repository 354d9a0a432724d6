#include "mail/message.h"

#include "core/crypto.h"
#include "core/time.h"

namespace agora::mail {

namespace {

std::string single_line(std::string s) {
  for (char& c : s)
    if (c == '\r' || c == '\n') c = ' ';
  return s;
}

bool ascii(const std::string& s) {
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}

std::string encode_header(const std::string& value) {
  std::string v = single_line(value);
  if (ascii(v)) return v;
  return "=?UTF-8?B?" + crypto::base64(v) + "?=";
}

// Base64 in lines of 76 characters, as MIME wants.
std::string base64_lines(const std::string& data) {
  std::string b = crypto::base64(data), out;
  for (size_t i = 0; i < b.size(); i += 76) out += b.substr(i, 76) + "\r\n";
  return out;
}

}  // namespace

std::string render(const Message& m, int64_t now, const std::string& id_domain) {
  std::string boundary = "agora-" + crypto::random_token(12);
  std::string from = m.from_name.empty() ? single_line(m.from)
                                         : "\"" + encode_header(m.from_name) + "\" <" + single_line(m.from) + ">";
  std::string out;
  out += "From: " + from + "\r\n";
  out += "To: " + single_line(m.to) + "\r\n";
  out += "Subject: " + encode_header(m.subject) + "\r\n";
  std::string date = format_http_date(now);
  date.replace(date.size() - 3, 3, "+0000");  // RFC 5322 wants a numeric zone
  out += "Date: " + date + "\r\n";
  out += "Message-ID: <" + crypto::random_token(16) + "@" + single_line(id_domain) + ">\r\n";
  if (!m.list_unsubscribe.empty()) {
    out += "List-Unsubscribe: <" + single_line(m.list_unsubscribe) + ">\r\n";
    out += "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n";
  }
  out += "MIME-Version: 1.0\r\n";
  if (m.html.empty()) {
    out += "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n";
    out += base64_lines(m.text);
    return out;
  }
  out += "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\r\n\r\n";
  out += "--" + boundary + "\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n";
  out += base64_lines(m.text);
  out += "--" + boundary + "\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n";
  out += base64_lines(m.html);
  out += "--" + boundary + "--\r\n";
  return out;
}

}  // namespace agora::mail
