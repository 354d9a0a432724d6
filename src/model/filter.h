// Filters members set on what they read (Mastodon's filters v2).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace agora::model {

struct FilterKeyword {
  int64_t id = 0;
  std::string keyword;
  bool whole_word = true;
};

struct FilterStatus {
  int64_t id = 0;
  int64_t status_id = 0;
};

struct Filter {
  int64_t id = 0;
  int64_t account_id = 0;
  std::string title;
  std::vector<std::string> context;  // home, notifications, public, thread, account
  std::string action = "warn";       // warn, hide, blur
  std::optional<int64_t> expires_at;
  std::vector<FilterKeyword> keywords;
  std::vector<FilterStatus> statuses;
};

// A filter that matched a status, and what in it matched.
struct FilterResult {
  Filter filter;
  std::vector<std::string> keyword_matches;
  std::vector<std::string> status_matches;  // status ids
};

}  // namespace agora::model
