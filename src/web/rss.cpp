#include "web/rss.h"

#include <chrono>
#include <cstdio>

#include "text/html.h"
#include "web/entity_fields.h"

namespace agora::web {

namespace json = boost::json;

namespace {

// XML text and attribute values: the same five characters as HTML.
std::string xml(std::string_view s) { return text::escape_html(s); }

std::string element(std::string_view name, std::string_view value) {
  return "<" + std::string(name) + ">" + xml(value) + "</" + std::string(name) + ">";
}

std::string media_content(const json::object& m, bool sensitive) {
  auto type = text_field(m, "type");
  std::string medium = type == "gifv" ? "video" : type == "unknown" ? "document" : type;
  std::string out = "<media:content url=\"" + xml(text_field(m, "url")) + "\" medium=\"" + xml(medium) +
                    "\"><media:rating scheme=\"urn:simple\">" + (sensitive ? "adult" : "nonadult") + "</media:rating>";
  auto alt = text_field(m, "description");
  if (!alt.empty()) out += "<media:description type=\"plain\">" + xml(alt) + "</media:description>";
  return out + "</media:content>";
}

std::string item(const json::object& status) {
  auto url = text_field(status, "url");
  auto spoiler = text_field(status, "spoiler_text");
  std::string content = text_field(status, "content");
  if (!spoiler.empty()) content = "<p>" + xml(spoiler) + "</p><hr />" + content;
  std::string out = "<item><guid isPermaLink=\"true\">" + xml(url) + "</guid>" + element("link", url) +
                    element("pubDate", rfc822_date(text_field(status, "created_at"))) + element("description", content);
  bool is_sensitive = bool_field(status, "sensitive");
  if (const auto* media = array_field(status, "media_attachments"))
    for (const auto& a : *media)
      if (a.is_object()) out += media_content(a.as_object(), is_sensitive);
  if (const auto* tags = array_field(status, "tags"))
    for (const auto& tag : *tags)
      if (tag.is_object()) out += element("category", text_field(tag.as_object(), "name"));
  return out + "</item>";
}

}  // namespace

std::string rfc822_date(std::string_view iso) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  if (std::sscanf(std::string(iso).c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d, &h, &mi, &s) != 6 || mo < 1 ||
      mo > 12)
    return "";
  using namespace std::chrono;
  year_month_day date{year{y}, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(d)}};
  if (!date.ok()) return "";
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char out[40];
  std::snprintf(out, sizeof out, "%s, %02d %s %04d %02d:%02d:%02d +0000", kDays[weekday{sys_days{date}}.c_encoding()], d,
                kMonths[mo - 1], y, h, mi, s);
  return out;
}

std::string rss_feed(const FeedChannel& channel, const json::array& statuses) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:webfeeds=\"http://webfeeds.org/rss/1.0\" "
      "xmlns:media=\"http://search.yahoo.com/mrss/\"><channel>" +
      element("title", channel.title) + element("description", channel.description) + element("link", channel.link);
  if (channel.image)
    out += "<image>" + element("url", *channel.image) + element("title", channel.title) +
           element("link", channel.link) + "</image>" + element("webfeeds:icon", *channel.image);
  if (!statuses.empty() && statuses.front().is_object())
    out += element("lastBuildDate", rfc822_date(text_field(statuses.front().as_object(), "created_at")));
  out += element("generator", "agora");
  for (const auto& s : statuses)
    if (s.is_object()) out += item(s.as_object());
  return out + "</channel></rss>\n";
}

}  // namespace agora::web
