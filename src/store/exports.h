// Everything a member's CSV exports list, read whole (their own data).
// Accounts come as (username, domain), domain empty for local ones.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "store/database.h"

namespace agora::store::exports {

struct AccountRef {
  int64_t id = 0;
  std::string username;
  std::string domain;
};

struct FollowedAccount {
  AccountRef account;
  bool show_reblogs = true;
  bool notify = false;
  std::string languages_json;  // "" for all languages
};

struct ListMember {
  int64_t list_id = 0;
  std::string list_title;
  AccountRef account;
};

struct MutedAccount {
  AccountRef account;
  bool hide_notifications = true;
};

std::vector<FollowedAccount> following(Connection& c, int64_t account_id);
std::vector<AccountRef> followers(Connection& c, int64_t account_id);
std::vector<ListMember> list_members(Connection& c, int64_t account_id);
std::vector<AccountRef> blocks(Connection& c, int64_t account_id);
std::vector<MutedAccount> mutes(Connection& c, int64_t account_id, int64_t now_ms);
std::vector<std::string> domain_blocks(Connection& c, int64_t account_id);
struct Bookmark {
  int64_t status_id = 0;
  std::string uri;
};
std::vector<Bookmark> bookmarks(Connection& c, int64_t account_id);
// The ActivityPub ids of the statuses the member favourited, oldest first.
std::vector<std::string> favourite_uris(Connection& c, int64_t account_id);

}  // namespace agora::store::exports
