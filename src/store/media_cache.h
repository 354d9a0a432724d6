// The cache of remote files: which attachments and profile images of remote
// accounts have a local copy, storing and dropping those copies, and the
// sizes `agora media usage` reports.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/media.h"
#include "store/database.h"

namespace agora::store::media_cache {

// A remote attachment's cached files, for removing them.
struct CachedAttachment {
  int64_t id = 0;
  std::vector<std::string> keys;  // file, preview, thumbnail (those set)
  int64_t file_size = 0;
};
// Remote attachments created before `cutoff` that have a local copy, by id
// after `after_id` (for batches).
std::vector<CachedAttachment> cached_attachments_before(Connection& c, int64_t cutoff, int64_t after_id, int limit);
// Records the local copy (keys, type, meta, blurhash) unless the row is gone or
// has one already; false then (the caller removes what it stored).
bool set_attachment_files(Connection& c, const model::MediaAttachment& m, int64_t now);
// Forgets the local copy; the row keeps its remote_url so it can be fetched again.
void clear_attachment_files(Connection& c, int64_t id, int64_t now);

// Where a remote account's avatar and header are fetched from, and the copies we have.
struct ProfileImages {
  int64_t id = 0;
  std::string domain;
  std::string avatar_remote_url, avatar_file;
  std::string header_remote_url, header_file;
};
std::optional<ProfileImages> profile_images(Connection& c, int64_t account_id);
// Stores the key of a cached copy ("" for none) unless the remote URL changed meanwhile;
// false when it changed (the caller then removes the file it stored).
bool set_avatar_file(Connection& c, int64_t account_id, const std::string& remote_url, const std::string& key);
bool set_header_file(Connection& c, int64_t account_id, const std::string& remote_url, const std::string& key);
// Remote accounts whose copies may be pruned: updated before `cutoff`, not
// followed by a local account (unless `followed_too`), with a cached avatar or
// header; by id after `after_id`.
std::vector<ProfileImages> prunable_profiles(Connection& c, int64_t cutoff, int64_t after_id, int limit,
                                             bool followed_too = false);

// Which remote files `agora media refresh` looks at; unset parts do not narrow.
struct MissingScope {
  std::optional<int64_t> account_id;
  std::optional<std::string> domain;  // lower case
  std::optional<int64_t> since;       // attachments created, accounts updated, at or after (ms)
};
// Remote attachments without a local copy, by id after `after_id`.
std::vector<int64_t> missing_attachments(Connection& c, const MissingScope& scope, int64_t after_id, int limit);
// Remote accounts with an avatar or header that has no local copy, by id after `after_id`.
std::vector<int64_t> missing_profile_images(Connection& c, const MissingScope& scope, int64_t after_id, int limit);

// Sizes and counts for `agora media usage`.
struct Usage {
  int64_t files = 0, bytes = 0;              // everything with a stored file
  int64_t local_files = 0, local_bytes = 0;  // of local accounts (or local emoji)
};
Usage attachment_usage(Connection& c);  // bytes: the originals' file_size
Usage avatar_usage(Connection& c);      // counts only: profile images have no stored size
Usage header_usage(Connection& c);
Usage emoji_usage(Connection& c);

}  // namespace agora::store::media_cache
