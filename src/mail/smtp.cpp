#include "mail/smtp.h"

#include <curl/curl.h>

#include <cstring>
#include <memory>
#include <stdexcept>

namespace agora::mail {

namespace {

struct Upload {
  const std::string& data;
  size_t offset = 0;
};

size_t read_chunk(char* buffer, size_t size, size_t count, void* user) {
  auto* up = static_cast<Upload*>(user);
  size_t n = std::min(size * count, up->data.size() - up->offset);
  std::memcpy(buffer, up->data.data() + up->offset, n);
  up->offset += n;
  return n;
}

}  // namespace

void send_smtp(const SmtpSettings& smtp, const std::string& from, const std::string& to, const std::string& data) {
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl) throw std::runtime_error("curl_easy_init failed");
  std::string scheme = smtp.tls == "tls" ? "smtps://" : "smtp://";
  std::string url = scheme + smtp.server + ":" + std::to_string(smtp.port);
  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  if (smtp.tls == "starttls") curl_easy_setopt(c, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
  if (!smtp.login.empty()) {
    curl_easy_setopt(c, CURLOPT_USERNAME, smtp.login.c_str());
    curl_easy_setopt(c, CURLOPT_PASSWORD, smtp.password.c_str());
  }
  std::string mail_from = "<" + from + ">";
  curl_easy_setopt(c, CURLOPT_MAIL_FROM, mail_from.c_str());
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> rcpt(
      curl_slist_append(nullptr, ("<" + to + ">").c_str()), curl_slist_free_all);
  curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt.get());
  Upload up{data};
  curl_easy_setopt(c, CURLOPT_READFUNCTION, read_chunk);
  curl_easy_setopt(c, CURLOPT_READDATA, &up);
  curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 15L);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, 60L);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  char error[CURL_ERROR_SIZE] = {0};
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);
  CURLcode rc = curl_easy_perform(c);
  if (rc == CURLE_OK) return;
  std::string reason = std::string("SMTP to ") + url + " failed: " + (error[0] ? error : curl_easy_strerror(rc));
  long reply = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &reply);
  if (reply >= 500 && reply < 600) throw PermanentSmtpError(reason + " (" + std::to_string(reply) + ")");
  throw std::runtime_error(reason);
}

}  // namespace agora::mail
