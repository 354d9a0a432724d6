// Whom to follow: follow suggestions and the profile directory.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/account.h"
#include "model/relationship.h"
#include "services/context.h"

namespace agora::services {

// GET /api/v2/suggestions (and v1): discoverable accounts followed by those
// the viewer follows, then the most followed ones, without anyone the viewer
// follows, asked to follow, blocks, mutes, is blocked by or dismissed.
std::vector<model::Suggestion> suggestions(Context& ctx, const model::Account& viewer, int limit, int64_t offset);
// DELETE /api/v1/suggestions/:account_id: never suggest that account again.
// Unknown accounts are ignored, as Mastodon does.
void dismiss_suggestion(Context& ctx, const model::Account& viewer, int64_t account_id);

struct DirectoryQuery {
  int64_t offset = 0;
  int limit = 40;
  bool newest_first = false;  // order=new; otherwise order=active (latest post first)
  bool local_only = false;
};
// GET /api/v1/directory: discoverable accounts; a signed-in viewer does not
// see those they block or mute.
std::vector<model::Account> directory(Context& ctx, const std::optional<model::Account>& viewer,
                                      const DirectoryQuery& query);

}  // namespace agora::services
