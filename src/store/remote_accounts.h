// Accounts of other servers as we last fetched them: created on first sight,
// refreshed on later fetches and Update activities, keyed by ActivityPub id.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/account.h"
#include "store/database.h"

namespace agora::store::remote_accounts {

// What an actor document tells about a remote account.
struct Profile {
  std::string uri, username, domain, actor_type = "Person";
  std::string display_name, note /* sanitized */, fields_json = "[]";
  std::string url, inbox_url, outbox_url, shared_inbox_url, followers_url, following_url, featured_url;
  std::string public_key_pem, key_id;
  std::string avatar_remote_url, header_remote_url;
  bool locked = false;
  std::optional<bool> discoverable;
  bool indexable = false, memorial = false;
  std::string also_known_as_json = "[]";
};

// Inserts or refreshes the account with this uri; returns its id.
int64_t upsert(Connection& c, const Profile& p, int64_t now_ms);
void set_moved_to(Connection& c, int64_t account_id, std::optional<int64_t> target_id, int64_t now_ms);

// The actor was deleted on its server: kept as a suspended shell so that its
// id is not taken again, as Mastodon keeps deleted accounts.
void mark_deleted(Connection& c, int64_t account_id, int64_t now_ms);

// The actor ids an account says it is also known as (its aliases).
std::vector<std::string> also_known_as(Connection& c, int64_t account_id);
void set_also_known_as(Connection& c, int64_t account_id, const std::vector<std::string>& uris, int64_t now_ms);

// The account's featured (pinned statuses) collection, "" if it has none.
std::string featured_url(Connection& c, int64_t account_id);

// The private key of a local account, for signing what it sends.
std::optional<std::string> private_key(Connection& c, int64_t account_id);

}  // namespace agora::store::remote_accounts
