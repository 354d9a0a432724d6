#include "services/relationships.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/errors.h"
#include "core/time.h"
#include "services/account_emojis.h"
#include "store/accounts.h"
#include "store/relationships.h"

namespace agora::services {

model::Account require_account(store::Connection& c, int64_t id) {
  auto account = store::accounts::find(c, id);
  if (!account) throw Error::not_found();
  if (account->local()) {
    auto user = store::accounts::find_user_by_account(c, id);
    if (!user || !user->confirmed_at || !user->approved) throw Error::not_found();
  }
  return *account;
}

model::Relationship relationship(store::Connection& c, int64_t viewer, int64_t target_id) {
  auto found = store::relationships::load(c, viewer, {target_id}, true, now_ms());
  if (auto it = found.find(target_id); it != found.end()) return it->second;
  model::Relationship none;
  none.account_id = target_id;
  return none;
}

namespace {
std::vector<int64_t> capped(std::vector<int64_t> ids) {
  if (ids.size() > kMaxRelationshipIds) ids.resize(kMaxRelationshipIds);
  return ids;
}

// The distinct ids, for one query.
std::vector<int64_t> distinct(const std::vector<int64_t>& ids) {
  std::set<int64_t> seen(ids.begin(), ids.end());
  return {seen.begin(), seen.end()};
}
}  // namespace

std::vector<model::Relationship> relationships(Context& ctx, int64_t viewer, const std::vector<int64_t>& asked,
                                               bool with_suspended) {
  auto ids = capped(asked);
  std::vector<model::Relationship> out;
  if (ids.empty()) return out;
  auto conn = ctx.db.acquire();
  auto found = store::relationships::load(*conn, viewer, distinct(ids), with_suspended, now_ms());
  for (int64_t id : ids)
    if (auto it = found.find(id); it != found.end()) out.push_back(it->second);
  return out;
}

std::vector<model::FamiliarFollowers> familiar_followers(Context& ctx, int64_t viewer,
                                                         const std::vector<int64_t>& asked) {
  auto ids = distinct(capped(asked));
  std::vector<model::FamiliarFollowers> out;
  if (ids.empty()) return out;
  auto conn = ctx.db.acquire();
  std::map<int64_t, model::Account> targets;
  for (auto& a : store::accounts::find_many(*conn, ids))
    if (!a.suspended_at) targets.emplace(a.id, std::move(a));
  auto known = store::relationships::familiar_followers(*conn, viewer, ids);
  std::set<int64_t> done;
  for (int64_t id : capped(asked)) {
    auto target = targets.find(id);
    if (target == targets.end() || !done.insert(id).second) continue;
    model::FamiliarFollowers entry{id, {}};
    // Someone who hides their followers does not have them shown this way either.
    if (!target->second.hide_collections.value_or(false)) entry.accounts = accounts_in_order(*conn, known[id]);
    out.push_back(std::move(entry));
  }
  return out;
}

std::vector<model::Account> accounts_in_order(store::Connection& c, const std::vector<int64_t>& ids) {
  std::vector<model::Account> out;
  if (ids.empty()) return out;
  // In batches, so a long list never becomes one statement with thousands of parameters.
  constexpr size_t kBatch = 40;
  std::map<int64_t, model::Account> by_id;
  for (size_t start = 0; start < ids.size(); start += kBatch) {
    std::vector<int64_t> batch(ids.begin() + start, ids.begin() + std::min(ids.size(), start + kBatch));
    for (auto& a : store::accounts::find_many(c, batch)) by_id.emplace(a.id, std::move(a));
  }
  for (int64_t id : ids)
    if (auto it = by_id.find(id); it != by_id.end()) out.push_back(it->second);
  attach_emojis(c, out);
  return out;
}

}  // namespace agora::services
