// Posting and deleting statuses (Mastodon's PostStatusService and
// RemoveStatusService): validate, format, store with mentions and hashtags,
// notify and fan out, all in one transaction.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/account.h"
#include "model/status.h"
#include "services/context.h"
#include "services/polls.h"
#include "store/database.h"

namespace agora::services {


// POST /api/v1/statuses as the client sent it.
struct NewStatus {
  std::string text;
  std::string spoiler_text;
  std::optional<bool> sensitive;
  std::optional<std::string> visibility;  // nullopt: the member's default
  std::optional<std::string> language;    // nullopt or unknown: the member's default
  std::optional<int64_t> in_reply_to_id;
  std::vector<int64_t> media_ids;
  std::optional<NewPoll> poll;
  std::optional<int64_t> application_id;
  std::optional<std::string> idempotency_key;
};

// Posts `status` as `author` (a local account). 422 when it is empty, too
// long, or of an unknown visibility; 404 when the status it replies to does
// not exist or is hidden from the author. A retry with the same
// Idempotency-Key returns the first status.
model::Status post_status(Context& ctx, const model::Account& author, const NewStatus& status);
// The same inside the caller's transaction (a scheduled status is posted as
// its row is deleted).
model::Status post_status_in(store::Connection& c, Context& ctx, const model::Account& author, const NewStatus& status);
// The checks of post_status alone (422 with Mastodon's messages), for
// statuses that are scheduled or edited; the limits are the server's settings.
void validate_status(store::Connection& c, const NewStatus& status);

// The HTML of `text`, and the accounts its mentions resolved to.
struct FormattedText {
  std::string html;
  std::vector<model::Account> mentioned;
};
FormattedText format_status_text(store::Connection& c, const Context& ctx, const std::string& text);

// DELETE /api/v1/statuses/:id: the author's own status (404 otherwise),
// returned as it was, with its source (the client may redraft it).
model::StatusView delete_status(Context& ctx, const model::Account& author, int64_t status_id,
                                bool delete_media = false);

// The status's URIs on this instance.
std::string status_uri(const std::string& base_url, const model::Account& author, int64_t id);
std::string status_url(const std::string& base_url, const model::Account& author, int64_t id);

}  // namespace agora::services

namespace agora::services {

// GET /api/v1/statuses/:id: the status if the viewer may see it; else 404.
model::StatusView show_status(Context& ctx, std::optional<int64_t> viewer, int64_t id);
// GET /api/v1/statuses?id[]=…: those of `ids` the viewer may see, in that order.
std::vector<model::StatusView> show_statuses(Context& ctx, std::optional<int64_t> viewer,
                                             const std::vector<int64_t>& ids);

}  // namespace agora::services
