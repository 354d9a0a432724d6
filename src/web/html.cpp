#include "web/html.h"

#include "text/html.h"

namespace agora::web {

namespace {

constexpr std::string_view kStyle = R"css(
:root{color-scheme:light dark;--fg:#1f2328;--muted:#59636e;--bg:#f4f5f7;--card:#fff;--line:#d1d9e0;--accent:#4f46e5;--danger:#b42318}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9198a1;--bg:#0d1117;--card:#161b22;--line:#30363d;--accent:#8b8cff;--danger:#ff7b72}}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
header,main{max-width:30rem;margin:0 auto;padding:0 1rem}
header{display:flex;justify-content:space-between;align-items:center;gap:1rem;padding-top:1.5rem;color:var(--muted)}
main>section{margin:1rem 0 3rem;padding:1.5rem;background:var(--card);border:1px solid var(--line);border-radius:12px}
h1{font-size:1.35rem;margin:0 0 1rem}
p{margin:0 0 1rem}
label{display:block;margin:0 0 1rem;font-weight:600}
fieldset{border:1px solid var(--line);border-radius:8px;margin:0 0 1rem}fieldset label{font-weight:400}
table{width:100%;border-collapse:collapse;margin:0 0 1rem}th,td{text-align:left;padding:.35rem .4rem;border-bottom:1px solid var(--line)}
select,input[type=email],input[type=password],input[type=text]{display:block;width:100%;margin-top:.35rem;padding:.6rem .7rem;font:inherit;color:inherit;background:transparent;border:1px solid var(--line);border-radius:8px}
button{font:inherit;font-weight:600;padding:.55rem 1.1rem;border-radius:8px;border:1px solid var(--accent);background:var(--accent);color:#fff;cursor:pointer}
button.secondary{background:transparent;color:var(--accent)}
form.inline{display:inline}
.actions{display:flex;gap:.75rem;flex-wrap:wrap}
.alert{padding:.7rem .9rem;border-radius:8px;border:1px solid var(--danger);color:var(--danger)}
.notice{padding:.7rem .9rem;border-radius:8px;border:1px solid currentColor}
.muted{color:var(--muted)}
.scopes li{margin-bottom:.4rem}
.scopes code,.secret{font-family:ui-monospace,SFMono-Regular,Menlo,monospace}
.secret{display:block;padding:.7rem;border:1px dashed var(--line);border-radius:8px;word-break:break-all;font-size:1.05rem}
)css";

}  // namespace

std::string escape(std::string_view text) { return text::escape_html(text); }

std::string hidden_field(std::string_view name, std::string_view value) {
  return "<input type=\"hidden\" name=\"" + escape(name) + "\" value=\"" + escape(value) + "\">";
}

http::Response page(const Layout& layout, std::string_view title, const std::string& body, int status) {
  std::string html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                     "<meta name=\"referrer\" content=\"same-origin\"><title>" +
                     escape(title) + " – " + escape(layout.site) + "</title><style>" + std::string(kStyle) +
                     "</style></head><body><header><strong>" + escape(layout.site) + "</strong>";
  if (layout.signed_in_as) {
    html += "<span>" + escape(*layout.signed_in_as) +
            " <form class=\"inline\" method=\"post\" action=\"/auth/sign_out\">" +
            hidden_field("authenticity_token", layout.csrf_token) +
            "<button class=\"secondary\" type=\"submit\">Sign out</button></form></span>";
  }
  html += "</header><main><section><h1>" + escape(title) + "</h1>" + body + "</section></main></body></html>\n";
  auto r = http::Response::text(std::move(html), "text/html; charset=utf-8", status);
  r.headers.set("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
  // No scripts at all; no form-action, since approving an authorization
  // redirects to the client's own URI, which may use any scheme.
  r.headers.set("Content-Security-Policy",
                "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; "
                "frame-ancestors 'none'");
  return r;
}

http::Response redirect(const std::string& location) {
  http::Response r;
  r.status = 302;
  r.headers.set("Location", location);
  r.headers.set("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
  return r;
}

std::string alert(std::string_view message) {
  return message.empty() ? "" : "<p class=\"alert\" role=\"alert\">" + escape(message) + "</p>";
}

std::string notice(std::string_view message) {
  return message.empty() ? "" : "<p class=\"notice\" role=\"status\">" + escape(message) + "</p>";
}

}  // namespace agora::web
