// agora domains purge DOMAIN (tootctl domains purge): forgets a remote
// domain entirely — its accounts, their statuses, media and follows, its
// custom emoji and the stored copies of their files. Nothing is sent to it.
#pragma once
#include <string>

#include "services/context.h"
#include "store/domain_purge.h"

namespace agora::services {

// 422 for our own domain or a malformed one.
void check_purgeable(const Context& ctx, const std::string& domain);
// Checks as check_purgeable, then deletes the rows in one transaction and
// the stored files after it commits.
store::domain_purge::Purged purge_domain(Context& ctx, const std::string& domain);

}  // namespace agora::services
