#include "web/public_html.h"

#include <boost/json/array.hpp>
#include <boost/json/value.hpp>

#include "text/html.h"
#include "web/entity_fields.h"
#include "web/html.h"

namespace agora::web {

namespace json = boost::json;

namespace {

std::string attr(std::string_view name, std::string_view value) {
  return " " + std::string(name) + "=\"" + escape(value) + "\"";
}

// Custom emoji of the entity shown as images in text that is already escaped
// (shortcodes are [A-Za-z0-9_], so they cannot meet markup there).
std::string emojify_escaped(std::string text, const json::object& entity) {
  const auto* emojis = array_field(entity, "emojis");
  if (!emojis) return text;
  for (const auto& e : *emojis) {
    if (!e.is_object()) continue;
    auto code = text_field(e.as_object(), "shortcode");
    if (code.empty()) continue;
    std::string needle = ":" + code + ":";
    std::string image = "<img class=\"emoji\"" + attr("src", text_field(e.as_object(), "static_url")) + attr("alt", needle) +
                        attr("title", needle) + " draggable=\"false\">";
    for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + image.size()))
      text.replace(at, needle.size(), image);
  }
  return text;
}

// Links in a member's fields point at their other homes: rel="me" lets those
// sites verify the profile (the field HTML comes from our own formatter).
std::string with_rel_me(std::string html) {
  static const std::string from = "rel=\"nofollow", to = "rel=\"me nofollow";
  for (size_t at = html.find(from); at != std::string::npos; at = html.find(from, at + to.size()))
    html.replace(at, from.size(), to);
  return html;
}

std::string count(int64_t n, std::string_view one, std::string_view many) {
  return "<span><strong>" + std::to_string(n) + "</strong> " + std::string(n == 1 ? one : many) + "</span>";
}

std::string handle_of(const json::object& account) {
  auto acct = text_field(account, "acct");
  if (acct.find('@') != std::string::npos) return "@" + acct;
  // Local accounts: the full handle, so it can be followed from elsewhere.
  auto url = text_field(account, "url");
  auto host_start = url.find("://");
  auto host = host_start == std::string::npos ? "" : url.substr(host_start + 3, url.find('/', host_start + 3) - host_start - 3);
  return "@" + acct + (host.empty() ? "" : "@" + host);
}

std::string author_line(const json::object& account) {
  return "<a class=\"p-author h-card author\"" + attr("href", text_field(account, "url")) + "><img class=\"u-photo avatar\"" +
         attr("src", text_field(account, "avatar_static")) + " alt=\"\" width=\"46\" height=\"46\"><span><bdi class=\"p-name\">" +
         emojify_escaped(escape(display_name(account)), account) + "</bdi> <span class=\"muted\">" +
         escape(handle_of(account)) + "</span></span></a>";
}

std::string media_item(const json::object& m) {
  auto type = text_field(m, "type"), url = text_field(m, "url"), preview = text_field(m, "preview_url"), alt = text_field(m, "description");
  if (url.empty()) url = text_field(m, "remote_url");
  if (type == "video" || type == "gifv")
    return "<video controls preload=\"none\"" + attr("src", url) + attr("poster", preview) + attr("aria-label", alt) +
           (type == "gifv" ? " loop muted playsinline" : "") + "></video>";
  if (type == "audio") return "<audio controls preload=\"none\"" + attr("src", url) + attr("aria-label", alt) + "></audio>";
  if (type == "image")
    return "<a" + attr("href", url) + "><img class=\"u-photo\"" + attr("src", preview.empty() ? url : preview) +
           attr("alt", alt) + " loading=\"lazy\"></a>";
  return "<a" + attr("href", url) + ">" + escape(alt.empty() ? url : alt) + "</a>";
}

std::string media_list(const json::object& status) {
  const auto* media = array_field(status, "media_attachments");
  if (!media || media->empty()) return "";
  std::string items;
  for (const auto& m : *media)
    if (m.is_object()) items += "<li>" + media_item(m.as_object()) + "</li>";
  std::string list = "<ul class=\"media\">" + items + "</ul>";
  if (bool_field(status, "sensitive"))
    return "<details class=\"sensitive\"><summary>Sensitive content</summary>" + list + "</details>";
  return list;
}

std::string poll_results(const json::object& status) {
  const auto* poll = object_field(status, "poll");
  if (!poll) return "";
  const auto* options = array_field(*poll, "options");
  std::string out = "<ul class=\"poll\">";
  if (options)
    for (const auto& o : *options) {
      if (!o.is_object()) continue;
      const auto& option = o.as_object();
      auto votes = option.find("votes_count");
      out += "<li>" + emojify_escaped(escape(text_field(option, "title")), *poll) +
             (votes != option.end() && votes->value().is_int64()
                  ? " <span class=\"muted\">(" + std::to_string(votes->value().as_int64()) + ")</span>"
                  : "") +
             "</li>";
    }
  return out + "</ul><p class=\"muted\">" + std::to_string(int_field(*poll, "votes_count")) + " votes</p>";
}

std::string status_body(const json::object& status) {
  std::string lang = text_field(status, "language");
  std::string content = "<div class=\"e-content\"" + (lang.empty() ? std::string() : attr("lang", lang)) + ">" +
                        text_field(status, "content") + "</div>" + poll_results(status) + media_list(status);
  auto spoiler = text_field(status, "spoiler_text");
  if (spoiler.empty()) return content;
  return "<details><summary class=\"p-summary\">" + emojify_escaped(escape(spoiler), status) + "</summary>" + content +
         "</details>";
}

std::string entry(const json::object& status) {
  const auto* account = object_field(status, "account");
  std::string created = text_field(status, "created_at");
  std::string out = "<article class=\"h-entry status\"" + attr("id", "status-" + text_field(status, "id")) + "><header>" +
                    (account ? author_line(*account) : "") + "<a class=\"u-url u-uid permalink\"" +
                    attr("href", text_field(status, "url")) + "><time class=\"dt-published\"" + attr("datetime", created) +
                    ">" + escape(created.substr(0, 10)) + "</time></a></header>";
  if (!text_field(status, "in_reply_to_id").empty()) out += "<p class=\"muted in-reply-to\">In reply to an earlier post</p>";
  out += status_body(status);
  out += "<footer class=\"muted counts\">" + count(int_field(status, "replies_count"), "reply", "replies") +
         count(int_field(status, "reblogs_count"), "boost", "boosts") +
         count(int_field(status, "favourites_count"), "favourite", "favourites") + "</footer></article>";
  return out;
}

}  // namespace

std::string display_name(const json::object& account) {
  auto name = text_field(account, "display_name");
  return name.empty() ? text_field(account, "username") : name;
}

std::string account_card(const json::object& account) {
  std::string out = "<div class=\"h-card profile\">";
  auto header = text_field(account, "header_static");
  if (!header.empty() && header.find("/missing.png") == std::string::npos)
    out += "<img class=\"header\"" + attr("src", header) + " alt=\"\">";
  out += "<div class=\"identity\"><img class=\"u-photo avatar large\"" + attr("src", text_field(account, "avatar_static")) +
         " alt=\"\" width=\"96\" height=\"96\"><div><h1><a class=\"p-name u-url\" rel=\"me\"" + attr("href", text_field(account, "url")) +
         "><bdi>" + emojify_escaped(escape(display_name(account)), account) + "</bdi></a></h1><p class=\"muted p-nickname\">" +
         escape(handle_of(account)) + "</p></div></div>";
  auto note = text_field(account, "note");
  if (!note.empty()) out += "<div class=\"p-note note\">" + note + "</div>";
  if (const auto* fields = array_field(account, "fields"); fields && !fields->empty()) {
    out += "<dl class=\"fields\">";
    for (const auto& f : *fields) {
      if (!f.is_object()) continue;
      const auto& field = f.as_object();
      bool verified = !text_field(field, "verified_at").empty();
      out += "<div" + std::string(verified ? " class=\"verified\"" : "") + "><dt>" +
             emojify_escaped(escape(text_field(field, "name")), account) + "</dt><dd>" + with_rel_me(text_field(field, "value")) +
             (verified ? " <span class=\"verified-mark\" title=\"Ownership of this link was checked\">✓</span>" : "") +
             "</dd></div>";
    }
    out += "</dl>";
  }
  out += "<p class=\"muted counts\">" + count(int_field(account, "statuses_count"), "post", "posts") +
         count(int_field(account, "following_count"), "following", "following") +
         count(int_field(account, "followers_count"), "follower", "followers") + "</p></div>";
  return out;
}

std::string account_notice(const json::object& account) {
  if (const auto* moved = object_field(account, "moved"))
    return "<p class=\"notice\" role=\"status\">" + escape(display_name(account)) + " has moved to <a" +
           attr("href", text_field(*moved, "url")) + ">" + escape(handle_of(*moved)) + "</a>.</p>";
  return "";
}

std::string status_entry(const json::object& status) {
  if (const auto* reblog = object_field(status, "reblog")) {
    const auto* booster = object_field(status, "account");
    return "<div class=\"boost\"><p class=\"muted\">↻ " + (booster ? escape(display_name(*booster)) : std::string()) +
           " boosted</p>" + entry(*reblog) + "</div>";
  }
  return entry(status);
}

std::string status_summary(const json::object& status, size_t max_chars) {
  auto spoiler = text_field(status, "spoiler_text");
  std::string text = spoiler.empty() ? text::html_to_text(text_field(status, "content")) : "CW: " + spoiler;
  for (auto& c : text)
    if (c == '\n') c = ' ';
  // Cut at a code point boundary.
  size_t chars = 0, at = 0;
  while (at < text.size() && chars < max_chars) {
    ++chars;
    ++at;
    while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) ++at;
  }
  if (at < text.size()) return text.substr(0, at) + "…";
  return text;
}

}  // namespace agora::web
