// The numbers behind Mastodon's admin dashboard (Admin::Metrics): events per
// UTC day for each measure, the top entries of each dimension, and who
// signed in again among the members who signed up in a period (retention).
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace agora::store::admin_metrics {

constexpr int64_t kDayMs = 24LL * 3600 * 1000;

enum class Series {
  active_users, new_users, interactions, opened_reports, resolved_reports,
  tag_accounts, tag_uses, tag_servers,
  instance_accounts, instance_media_attachments, instance_reports, instance_statuses, instance_follows,
  instance_followers,
};

// What a tag_* or instance_* series is about: a tag id or a domain.
struct Subject {
  std::optional<int64_t> tag_id;
  std::string domain;
};

// Events (or bytes, for media) in [from, to), and per UTC day number (ms / kDayMs).
int64_t total(Connection& c, Series s, const Subject& of, int64_t from, int64_t to);
std::map<int64_t, int64_t> per_day(Connection& c, Series s, const Subject& of, int64_t from, int64_t to);

struct Entry {
  std::string key;
  int64_t value = 0;
};
// The largest groups of a dimension, largest first.
std::vector<Entry> user_locales(Connection& c, int64_t from, int64_t to, int limit);  // members who signed in
std::vector<Entry> sign_up_sources(Connection& c, int64_t from, int64_t to, int limit);
std::vector<Entry> status_servers(Connection& c, int64_t from, int64_t to, int limit);  // "" for here
std::vector<Entry> tag_servers(Connection& c, int64_t tag_id, int64_t from, int64_t to, int limit);
std::vector<Entry> tag_languages(Connection& c, int64_t tag_id, int64_t from, int64_t to, int limit);
std::vector<Entry> instance_accounts(Connection& c, const std::string& domain, int limit);  // by followers
std::vector<Entry> instance_languages(Connection& c, const std::string& domain, int64_t from, int64_t to,
                                      int limit);
int64_t database_bytes(Connection& c);
int64_t media_bytes(Connection& c);
std::string database_version(Connection& c);

// Members who signed up in [from, to): when, and when they last signed in.
struct Member {
  int64_t created_at = 0;
  std::optional<int64_t> last_seen_at;
};
std::vector<Member> members_created(Connection& c, int64_t from, int64_t to);

}  // namespace agora::store::admin_metrics
