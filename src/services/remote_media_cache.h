// The cache of remote media, as Mastodon keeps it: attachments of remote
// statuses and the avatars and headers of remote accounts are downloaded
// (in jobs) through the guarded client, processed like uploads (metadata
// stripped, previews, blurhash when missing) and stored with the instance's
// other files. A refused or failed download leaves the record without a file;
// entities then fall back as Mastodon's do. Nothing is fetched from domains
// blocked with reject_media or suspended.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/account.h"

#include "services/context.h"
#include "store/database.h"

namespace agora::services::media_cache {

// A file from another server through the guarded client, at most `max_bytes`
// (a redirect must lead to a host as welcome as the first). No bytes when it
// was refused or failed; `transient` when trying again later may succeed.
struct Download {
  std::optional<std::string> bytes;
  bool transient = false;  // timeout, network, 5xx
};
Download download(Context& ctx, const std::string& url, size_t max_bytes);

// Whether files of accounts on `domain` (or hosted on it) may be downloaded.
bool media_allowed(store::Connection& c, const std::string& domain);

// The jobs, enqueued in the caller's transaction: cache_remote_attachment
// per attachment, cache_remote_profile per account.
void enqueue_attachment(store::Connection& c, int64_t media_id);
void enqueue_profile(store::Connection& c, int64_t account_id);

// After an actor was stored: forgets copies of images whose remote URL
// changed (returns their keys, to remove after the commit) and enqueues the
// download of what is missing. `before` is the account as it was, if known.
std::vector<std::string> refresh_profile_images(store::Connection& c, int64_t account_id,
                                                const model::Account* before);

// Downloads and stores the attachment's file unless it is cached already;
// true when a local copy exists afterwards. Never throws for a bad remote file.
bool cache_attachment(Context& ctx, int64_t media_id);
// The same for the job: throws (to be retried) when the failure may pass (timeout, network, 5xx).
void cache_attachment_job(Context& ctx, int64_t media_id);
// Caches the account's avatar and header (each unless cached already).
void cache_profile(Context& ctx, int64_t account_id);

// GET /media_proxy/:id/:style: the storage key of our copy of a remote
// attachment the viewer may see (`small`: its preview when it has one),
// downloaded now when missing, as Mastodon's MediaProxyController; 404 when
// there is none (not remote, not visible, refused or rejected).
std::string proxied_file_key(Context& ctx, std::optional<int64_t> viewer, int64_t media_id, bool small);

// `agora media remove`: drops local copies of remote attachments created
// before `cutoff` (the rows stay, to be fetched again). Returns how many and their bytes.
struct Removed {
  int64_t count = 0, bytes = 0;
};
Removed remove_cached_attachments(Context& ctx, int64_t cutoff);
// --prune-profiles / --remove-headers: copies of avatars (unless headers_only)
// and headers of remote accounts updated before `cutoff` that no local account
// follows (unless `followed_too`). Counts images; no bytes (they have no stored size).
Removed remove_cached_profiles(Context& ctx, int64_t cutoff, bool headers_only, bool followed_too = false);

}  // namespace agora::services::media_cache
