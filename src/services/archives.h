// A member's archive, as Mastodon's "Request your archive": a zip of
// actor.json (with avatar and header), outbox.json (every post and boost as
// Create/Announce activities, with the media files), likes.json and
// bookmarks.json. Built by a job; one request per 7 days.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "model/account.h"
#include "services/context.h"
#include "store/account_archives.h"

namespace agora::services {

inline constexpr const char* kArchiveJobKind = "build_archive";

// 422 when the last request is less than 7 days old.
store::account_archives::Archive request_archive(Context& ctx, const model::Account& member);
std::vector<store::account_archives::Archive> archives(Context& ctx, const model::Account& member);
// The job. Older archives of the member are removed once the new one is stored.
void build_archive(Context& ctx, int64_t archive_id);
// The zip of one of the member's finished archives; 404 otherwise.
std::string archive_bytes(Context& ctx, const model::Account& member, int64_t archive_id);

}  // namespace agora::services
