// Relationships between accounts: follows and follow requests, blocks,
// mutes, endorsements, notes and user-level domain blocks.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/account.h"

namespace agora::model {

// What a follower chose for one follow (or follow request).
struct FollowOptions {
  std::optional<bool> reblogs;  // show their boosts in my home feed (default true)
  std::optional<bool> notify;   // notify me of their new posts (default false)
  // Only these languages in my home feed. nullopt: leave as it is (all for a
  // new follow); an empty list: back to all languages.
  std::optional<std::vector<std::string>> languages;
};

// A follow, or a follow request waiting for the target's decision.
struct Follow {
  int64_t id = 0;
  int64_t account_id = 0;         // the follower
  int64_t target_account_id = 0;  // the followed
  bool show_reblogs = true;
  bool notify = false;
  std::optional<std::vector<std::string>> languages;  // nullopt: all
  std::string uri;  // the ActivityPub Follow's id, for remote sides
  int64_t created_at = 0;
};

// How the viewer stands to one account (Mastodon's Relationship entity).
struct Relationship {
  int64_t account_id = 0;
  bool following = false;
  bool showing_reblogs = false;
  bool notifying = false;
  std::optional<std::vector<std::string>> languages;
  bool followed_by = false;
  bool blocking = false;
  bool blocked_by = false;
  bool muting = false;
  bool muting_notifications = false;
  std::optional<int64_t> muting_expires_at;
  bool requested = false;
  bool requested_by = false;
  bool domain_blocking = false;
  bool endorsed = false;
  std::string note;
};

// An account the viewer mutes, with when the mute ends (never: nullopt).
struct MutedAccount {
  Account account;
  std::optional<int64_t> expires_at;
};

// Accounts the viewer follows that also follow `account_id`.
struct FamiliarFollowers {
  int64_t account_id = 0;
  std::vector<Account> accounts;
};

// A suggested account and why ("friends_of_friends", "most_followed").
struct Suggestion {
  Account account;
  std::vector<std::string> sources;
};

}  // namespace agora::model
