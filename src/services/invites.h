// Invite links (Mastodon's InvitesController, Admin::InvitesController and
// InvitePolicy): members whose role has invite_users make and expire their
// own; manage_invites lists and expires everyone's. Signing up through a
// usable invite works while registrations are closed and skips approval.
#pragma once
#include <optional>
#include <string>

#include "model/invite.h"
#include "model/pagination.h"
#include "services/context.h"
#include "services/roles.h"

namespace agora::services {

struct InviteFields {
  std::optional<int64_t> max_uses;    // 1, 5, 10, 25, 50 or 100; none: unlimited
  std::optional<int64_t> expires_in;  // seconds: 1800, 3600, 21600, 43200, 86400 or 604800; none: never
  bool autofollow = false;
  std::string comment;                // at most 420 characters
};

// 403 without invite_users.
model::Paginated<model::Invite> list_own_invites(Context& ctx, const Staff& member, const model::PageRequest& page);
// 403 without invite_users; 422 for a value outside Mastodon's choices.
model::Invite create_invite(Context& ctx, const Staff& member, const InviteFields& in);
// Expires an invite now: the creator's own, or anyone's with manage_invites (404 otherwise).
model::Invite expire_invite(Context& ctx, const Staff& member, int64_t id);

// state: "available", "expired" or "" (all). 403 without manage_invites.
model::Paginated<model::Invite> list_all_invites(Context& ctx, const Staff& staff, const std::string& state,
                                                 const model::PageRequest& page);
int64_t expire_all_invites(Context& ctx, const Staff& staff);

// The invite with this code when it can be used now, else nullopt.
std::optional<model::Invite> usable_invite(store::Connection& c, const std::string& code, int64_t now_ms);

// Mastodon's BootstrapTimelineService: once a member who signed up through an
// invite with autofollow is confirmed and approved, they follow its creator
// (one way; a locked creator gets a request). Nothing when the creator can no
// longer be followed (suspended, blocking, gone).
void autofollow_inviter(Context& ctx, int64_t user_id);

}  // namespace agora::services
