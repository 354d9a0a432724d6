// Markup of the public pages (profiles, statuses, tags), built from the
// REST API's own entities, so a page shows exactly what the API shows an
// anonymous visitor. Marked up with microformats (h-card, h-entry) so other
// sites can read them. Pure functions: every outside string is escaped here,
// and content/note/field HTML is already sanitized by the time it is an entity.
#pragma once
#include <boost/json/object.hpp>
#include <string>

namespace agora::web {

// The profile's header: avatar, names, bio, fields (links with rel="me" for
// verification elsewhere), counts. An h-card.
std::string account_card(const boost::json::object& account);
// A moved or suspended account's notice, or "" for a usual one.
std::string account_notice(const boost::json::object& account);

// One status as an h-entry: author, time (linking to its page), content
// behind its content warning, media, poll, counts. A boost shows the
// boosted status under a "boosted" line.
std::string status_entry(const boost::json::object& status);

// The plain text of a status for titles and descriptions (tags stripped,
// entities kept escaped-safe by the caller), cut to `max_chars` code points.
std::string status_summary(const boost::json::object& status, size_t max_chars = 200);
// "Alice" or the username when no display name is set.
std::string display_name(const boost::json::object& account);

}  // namespace agora::web
