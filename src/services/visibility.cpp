#include "services/visibility.h"

#include <map>
#include <set>

#include "core/errors.h"
#include "store/statuses.h"
#include "store/visibility.h"

namespace agora::services::visibility {

bool may_see(model::Visibility v, const Facts& f) {
  if (f.author_suspended) return false;
  if (f.own) return true;
  if (f.blocked_by_author) return false;
  switch (v) {
    case model::Visibility::public_:
    case model::Visibility::unlisted: return true;
    case model::Visibility::private_: return f.follows_author || f.mentioned;
    case model::Visibility::direct:
    case model::Visibility::limited: return f.mentioned;
  }
  return false;
}

std::vector<model::Status> visible(store::Connection& c, std::optional<int64_t> viewer,
                                   const std::vector<model::Status>& statuses,
                                   const std::vector<model::Status>& originals) {
  std::map<int64_t, const model::Status*> by_id;
  std::set<int64_t> author_set;
  std::vector<int64_t> status_ids;
  auto consider = [&](const model::Status& s) {
    by_id[s.id] = &s;
    author_set.insert(s.account_id);
    // Only statuses some viewers may not see need their mentions looked up.
    if (s.visibility >= model::Visibility::private_) status_ids.push_back(s.id);
  };
  for (const auto& s : statuses) consider(s);
  for (const auto& s : originals) consider(s);
  std::vector<int64_t> authors(author_set.begin(), author_set.end());

  auto known = store::visibility::facts(c, viewer, authors, status_ids);
  auto sees = [&](const model::Status& s) {
    Facts f;
    f.signed_in = viewer.has_value();
    f.own = viewer && *viewer == s.account_id;
    f.author_suspended = known.suspended.contains(s.account_id);
    f.blocked_by_author = known.blocking.contains(s.account_id);
    f.follows_author = known.followed.contains(s.account_id);
    f.mentioned = known.mentioning.contains(s.id);
    return may_see(s.visibility, f);
  };

  std::vector<model::Status> out;
  for (const auto& s : statuses) {
    if (!sees(s)) continue;
    if (s.reblog_of_id) {
      auto original = by_id.find(*s.reblog_of_id);
      if (original == by_id.end() || !sees(*original->second)) continue;
    }
    out.push_back(s);
  }
  return out;
}

bool visible(store::Connection& c, std::optional<int64_t> viewer, const model::Status& status) {
  std::vector<model::Status> originals;
  if (status.reblog_of_id)
    if (auto o = store::statuses::find(c, *status.reblog_of_id)) originals.push_back(*o);
  return !visible(c, viewer, {status}, originals).empty();
}

model::Status require_visible(store::Connection& c, std::optional<int64_t> viewer, int64_t id) {
  auto s = store::statuses::find(c, id);
  if (!s || !visible(c, viewer, *s)) throw Error::not_found();
  return *s;
}

}  // namespace agora::services::visibility
