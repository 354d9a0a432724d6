// The HTML frame shared by every mail: inline styles only (mail clients drop
// <style> blocks), a header with the server's name, the body, small print.
#pragma once
#include <string>

namespace agora::mail {

// `body_html` and `footer_html` are already-escaped HTML; `title` is text.
std::string html_layout(const std::string& title, const std::string& body_html, const std::string& footer_html);

// An action link styled as a button (`url` and `label` are text).
std::string html_button(const std::string& url, const std::string& label);

}  // namespace agora::mail
