#include "web/public_layout.h"

#include "web/html.h"

namespace agora::web {

namespace {

constexpr std::string_view kStyle = R"css(
:root{color-scheme:light dark;--fg:#1f2328;--muted:#59636e;--bg:#f4f5f7;--card:#fff;--line:#d1d9e0;--accent:#4f46e5}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9198a1;--bg:#0d1117;--card:#161b22;--line:#30363d;--accent:#8b8cff}}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
a{color:var(--accent)}
.site,main{max-width:40rem;margin:0 auto;padding:0 1rem}
.site{display:flex;justify-content:space-between;gap:1rem;padding-top:1rem;color:var(--muted)}
main>*{margin:1rem 0;padding:1rem 1.25rem;background:var(--card);border:1px solid var(--line);border-radius:12px}
h1{font-size:1.35rem;margin:0}
.muted{color:var(--muted)}
.notice{padding:.7rem .9rem;border-radius:8px;border:1px solid currentColor}
.header{display:block;width:100%;max-height:12rem;object-fit:cover;border-radius:8px;margin-bottom:1rem}
.identity{display:flex;gap:1rem;align-items:center}
.avatar{border-radius:8px;flex:none}
.fields{margin:1rem 0;border-top:1px solid var(--line)}
.fields div{display:flex;gap:1rem;padding:.4rem 0;border-bottom:1px solid var(--line)}
.fields dt{font-weight:600;min-width:8rem}.fields dd{margin:0;overflow-wrap:anywhere}
.verified dd{color:green}
.counts{display:flex;gap:1.25rem;flex-wrap:wrap}
.status header{display:flex;justify-content:space-between;gap:.5rem}
.author{display:flex;gap:.6rem;color:inherit;text-decoration:none}
.emoji{height:1.2em;width:1.2em;vertical-align:middle;object-fit:contain}
.media{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fit,minmax(12rem,1fr));gap:.5rem}
.media img,.media video{width:100%;border-radius:8px}
.e-content{overflow-wrap:anywhere}
.invisible{display:none}.ellipsis::after{content:"…"}
nav.pages{display:flex;justify-content:space-between}
.focus{border:2px solid var(--accent)}
)css";

std::string link(std::string_view rel, std::string_view type, const std::string& href) {
  return "<link rel=\"" + std::string(rel) + "\"" + (type.empty() ? "" : " type=\"" + std::string(type) + "\"") +
         " href=\"" + escape(href) + "\">";
}

std::string meta_property(std::string_view property, const std::string& content) {
  return "<meta property=\"" + std::string(property) + "\" content=\"" + escape(content) + "\">";
}

std::string meta_name(std::string_view name, const std::string& content) {
  return "<meta name=\"" + std::string(name) + "\" content=\"" + escape(content) + "\">";
}

}  // namespace

http::Response public_page(const PublicFrame& frame, const PublicHead& head, const std::string& body, int status) {
  std::string html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" +
                     escape(head.title) + " – " + escape(frame.title) + "</title>";
  html += meta_name("description", head.description);
  if (head.noindex) html += meta_name("robots", "noindex, noarchive");
  html += link("canonical", "", head.canonical_url);
  html += meta_property("og:site_name", frame.title) + meta_property("og:type", head.og_type) +
          meta_property("og:title", head.title) + meta_property("og:description", head.description) +
          meta_property("og:url", head.canonical_url);
  if (head.author) html += meta_property("profile:username", *head.author);
  if (head.image) html += meta_property("og:image", *head.image);
  html += meta_name("twitter:card", "summary");
  if (head.activity_json) html += link("alternate", "application/activity+json", *head.activity_json);
  if (head.rss) html += link("alternate", "application/rss+xml", *head.rss);
  if (head.oembed) html += link("alternate", "application/json+oembed", *head.oembed);
  html += "<style>" + std::string(kStyle) + "</style></head><body><div class=\"site\"><a href=\"/about\">" +
          escape(frame.site) + "</a><a href=\"/web\">Open the web app</a></div><main>" + body + "</main></body></html>\n";
  auto r = http::Response::text(std::move(html), "text/html; charset=utf-8", status);
  // Anonymous pages, the same for everyone: shared caches may keep them briefly.
  r.headers.set("Cache-Control", status == 200 ? "public, max-age=30" : "no-cache");
  r.headers.set("Vary", "Accept");
  r.headers.set("Content-Security-Policy",
                std::string("default-src 'none'; style-src 'unsafe-inline'; img-src 'self' https: data:; "
                            "media-src 'self' https:; base-uri 'none'; form-action 'self'; frame-ancestors ") +
                    (frame.framable ? "*" : "'none'"));
  return r;
}

}  // namespace agora::web
