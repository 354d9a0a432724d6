// RSS 2.0 feeds of public posts (/@alice.rss, /tags/cats.rss) as Mastodon
// writes them, from the REST API's Status entities.
#pragma once
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <optional>
#include <string>

namespace agora::web {

struct FeedChannel {
  std::string title;
  std::string description;
  std::string link;
  std::optional<std::string> image;  // the account's avatar
};

std::string rss_feed(const FeedChannel& channel, const boost::json::array& statuses);

// "2026-11-26T21:05:07.000Z" → "Thu, 26 Nov 2026 21:05:07 +0000" (RFC 822, as RSS wants).
std::string rfc822_date(std::string_view iso8601);

}  // namespace agora::web
