#include "services/conversations.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/errors.h"
#include "core/time.h"
#include "services/rendered_accounts.h"
#include "services/threads.h"
#include "services/stream_events.h"
#include "store/accounts.h"
#include "store/conversations.h"

namespace agora::services {

namespace {

// Everyone in the status (author and mentioned) but `member`, sorted.
std::vector<int64_t> others(const model::Status& s, const std::vector<int64_t>& mentioned, int64_t member) {
  std::set<int64_t> ids(mentioned.begin(), mentioned.end());
  ids.insert(s.account_id);
  ids.erase(member);
  return {ids.begin(), ids.end()};
}

std::vector<ConversationView> load_views(store::Connection& c, const model::Account& viewer,
                                         const std::vector<store::conversations::AccountConversation>& rows) {
  std::set<int64_t> account_ids;
  std::vector<int64_t> status_ids;
  for (const auto& r : rows) {
    account_ids.insert(r.participant_account_ids.begin(), r.participant_account_ids.end());
    if (r.last_status_id) status_ids.push_back(*r.last_status_id);
  }
  auto accounts = load_rendered_accounts(c, {account_ids.begin(), account_ids.end()});
  std::map<int64_t, model::StatusView> statuses;
  for (auto& v : viewable_statuses(c, viewer.id, status_ids)) statuses.emplace(v.status.id, std::move(v));
  auto self = std::make_shared<const model::Account>(viewer);

  std::vector<ConversationView> out;
  for (const auto& r : rows) {
    ConversationView v{r.id, r.unread, {}, std::nullopt};
    for (int64_t id : r.participant_account_ids)
      if (auto a = accounts.find(id); a != accounts.end()) v.accounts.push_back(a->second);
    if (v.accounts.empty()) v.accounts.push_back(self);  // a note to oneself, as Mastodon shows it
    if (r.last_status_id)
      if (auto s = statuses.find(*r.last_status_id); s != statuses.end()) v.last_status = s->second;
    out.push_back(std::move(v));
  }
  return out;
}

}  // namespace

void add_direct_status(store::Connection& c, const model::Status& s, const std::vector<int64_t>& mentioned,
                       const std::vector<int64_t>& recipients, int64_t now) {
  if (s.visibility != model::Visibility::direct || !s.conversation_id || s.reblog()) return;
  store::conversations::add_status(c, s.account_id, *s.conversation_id, others(s, mentioned, s.account_id), s.id,
                                   false, now);
  stream_events::conversation_changed(c, s.account_id, s.id);
  for (int64_t r : recipients)
    if (r != s.account_id) {
      store::conversations::add_status(c, r, *s.conversation_id, others(s, mentioned, r), s.id, true, now);
      stream_events::conversation_changed(c, r, s.id);
    }
}

void remove_direct_status(store::Connection& c, const model::Status& s, int64_t now) {
  if (s.visibility != model::Visibility::direct || !s.conversation_id) return;
  for (const auto& row : store::conversations::with_last_status(c, *s.conversation_id, s.id)) {
    auto previous = store::conversations::latest_direct_status(c, row.account_id, row.conversation_id);
    if (previous && *previous != s.id) store::conversations::set_last_status(c, row.id, *previous, now);
    else store::conversations::remove(c, row.id);
  }
}

model::Paginated<ConversationView> list_conversations(Context& ctx, const model::Account& viewer,
                                                      const model::PageRequest& page) {
  auto lease = ctx.db.acquire();
  auto rows = store::conversations::page(*lease, viewer.id, page);
  model::Paginated<ConversationView> out;
  if (rows.empty()) return out;
  out.prev_since_id = rows.front().last_status_id;
  if (static_cast<int>(rows.size()) >= page.limit) out.next_max_id = rows.back().last_status_id;
  out.items = load_views(*lease, viewer, rows);
  return out;
}

ConversationView read_conversation(Context& ctx, const model::Account& viewer, int64_t id) {
  auto lease = ctx.db.acquire();
  auto row = store::conversations::find(*lease, viewer.id, id);
  if (!row) throw Error::not_found();
  store::conversations::mark_read(*lease, row->id, now_ms());
  row->unread = false;
  return load_views(*lease, viewer, {*row}).front();
}

void remove_conversation(Context& ctx, const model::Account& viewer, int64_t id) {
  auto lease = ctx.db.acquire();
  auto row = store::conversations::find(*lease, viewer.id, id);
  if (!row) throw Error::not_found();
  store::conversations::remove(*lease, row->id);
}

}  // namespace agora::services
