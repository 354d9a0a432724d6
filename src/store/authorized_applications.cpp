#include "store/authorized_applications.h"

#include <algorithm>
#include <map>

#include "store/oauth.h"

namespace agora::store::authorized_applications {

namespace {
constexpr const char* kLive = "user_id = ? AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)";
}  // namespace

std::vector<AuthorizedApplication> list(Connection& c, int64_t user_id, int64_t now) {
  std::vector<AuthorizedApplication> out;
  std::map<int64_t, size_t> index;
  for (const auto& r : c.query(std::string("SELECT application_id, scopes, last_used_at FROM oauth_access_tokens"
                                           " WHERE application_id IS NOT NULL AND ") +
                                   kLive + " ORDER BY created_at DESC, id DESC",
                               {user_id, now})) {
    int64_t app_id = r.int64(0);
    auto found = index.find(app_id);
    if (found == index.end()) {
      auto app = oauth::find_application(c, app_id);
      if (!app) continue;
      index[app_id] = out.size();
      out.push_back({std::move(*app), {}, std::nullopt});
      found = index.find(app_id);
    }
    auto& entry = out[found->second];
    for (const auto& s : oauth::split_scopes(r.text(1)))
      if (std::find(entry.scopes.begin(), entry.scopes.end(), s) == entry.scopes.end()) entry.scopes.push_back(s);
    auto used = r.opt_int64(2);
    if (used && (!entry.last_used_at || *used > *entry.last_used_at)) entry.last_used_at = used;
  }
  return out;
}

std::vector<int64_t> revoke(Connection& c, int64_t application_id, int64_t user_id, int64_t now) {
  std::vector<int64_t> ids;
  for (const auto& r :
       c.query(std::string("SELECT id FROM oauth_access_tokens WHERE application_id = ? AND ") + kLive,
               {application_id, user_id, now}))
    ids.push_back(r.int64(0));
  for (auto id : ids) oauth::revoke_token(c, id, now);
  return ids;
}

}  // namespace agora::store::authorized_applications
