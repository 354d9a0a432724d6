#include "mail/layout.h"

#include "text/html.h"

namespace agora::mail {

std::string html_layout(const std::string& title, const std::string& body_html, const std::string& footer_html) {
  return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + text::escape_html(title) +
         "</title></head>"
         "<body style=\"margin:0;padding:0;background:#f2f2f7;font-family:sans-serif;color:#282c37\">"
         "<div style=\"max-width:600px;margin:0 auto;padding:24px\">"
         "<div style=\"background:#ffffff;border-radius:8px;padding:24px;font-size:16px;line-height:1.5\">" +
         body_html +
         "</div>"
         "<div style=\"padding:16px 24px;font-size:13px;color:#6e6e85;line-height:1.4\">" +
         footer_html + "</div></div></body></html>";
}

std::string html_button(const std::string& url, const std::string& label) {
  return "<p style=\"margin:24px 0\"><a href=\"" + text::escape_html(url) +
         "\" style=\"display:inline-block;background:#6364ff;color:#ffffff;text-decoration:none;"
         "padding:10px 20px;border-radius:4px;font-weight:bold\">" +
         text::escape_html(label) + "</a></p>";
}

}  // namespace agora::mail
