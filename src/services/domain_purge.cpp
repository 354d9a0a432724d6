#include "services/domain_purge.h"

#include <algorithm>
#include <cctype>

#include "core/errors.h"
#include "core/strings.h"
#include "services/storage.h"

namespace agora::services {

namespace {

bool plausible_domain(const std::string& d) {
  if (d.empty() || d.size() > 253) return false;
  return std::all_of(d.begin(), d.end(), [](unsigned char ch) {
    return std::isalnum(ch) || ch == '.' || ch == '-' || ch == ':' || ch == '_';
  });
}

}  // namespace

void check_purgeable(const Context& ctx, const std::string& domain) {
  if (!plausible_domain(domain)) throw Error::unprocessable("Not a domain: " + domain);
  if (ascii_lower(domain) == ascii_lower(ctx.config.domain))
    throw Error::unprocessable("Refusing to purge this instance's own domain " + domain);
}

store::domain_purge::Purged purge_domain(Context& ctx, const std::string& domain) {
  check_purgeable(ctx, domain);
  auto conn = ctx.db.acquire();
  auto purged = store::in_transaction(*conn, [&] { return store::domain_purge::purge(*conn, domain); });
  remove_stored_files(ctx, purged.file_keys);
  return purged;
}

}  // namespace agora::services
