#include "store/domain_purge.h"

#include "store/account_removal.h"

namespace agora::store::domain_purge {

namespace {

int64_t count(Connection& c, const std::string& sql, const std::string& domain) {
  auto row = c.query_one(sql, {domain});
  return row ? row->int64(0) : 0;
}

}  // namespace

Purged purge(Connection& c, const std::string& domain) {
  const std::string of_domain = "(SELECT id FROM accounts WHERE lower(domain) = lower(?))";
  Purged p;
  p.accounts = count(c, "SELECT COUNT(*) FROM accounts WHERE lower(domain) = lower(?)", domain);
  p.statuses = count(c, "SELECT COUNT(*) FROM statuses WHERE account_id IN " + of_domain, domain);
  p.media = count(c, "SELECT COUNT(*) FROM media_attachments WHERE account_id IN " + of_domain, domain);
  p.emojis = count(c, "SELECT COUNT(*) FROM custom_emojis WHERE lower(domain) = lower(?)", domain);
  for (const auto& r : c.query("SELECT image_key FROM custom_emojis WHERE lower(domain) = lower(?)"
                               " AND image_key IS NOT NULL",
                               {domain}))
    p.file_keys.push_back(r.text(0));
  auto keys = account_removal::remove_accounts(c, "lower(domain) = lower(?)", domain);
  p.file_keys.insert(p.file_keys.end(), keys.begin(), keys.end());
  c.execute("DELETE FROM custom_emojis WHERE lower(domain) = lower(?)", {domain});
  return p;
}

}  // namespace agora::store::domain_purge
