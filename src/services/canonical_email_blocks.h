// Canonical e-mail blocks in the admin API (/api/v1/admin/canonical_email_blocks; manage_blocks).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "model/pagination.h"
#include "services/context.h"
#include "services/roles.h"
#include "store/canonical_email_blocks.h"

namespace agora::services {

using CanonicalEmailBlock = store::canonical_email_blocks::Block;

// Mastodon's email_to_canonical_email: lower case, the local part without dots and +suffix.
std::string canonical_email(std::string_view email);
std::string canonical_email_hash(std::string_view email);

model::Paginated<CanonicalEmailBlock> list_canonical_email_blocks(Context& ctx, const Staff& staff,
                                                                  const model::PageRequest& page);
CanonicalEmailBlock show_canonical_email_block(Context& ctx, const Staff& staff, int64_t id);
// The blocks an address matches.
std::vector<CanonicalEmailBlock> test_canonical_email(Context& ctx, const Staff& staff, const std::string& email);
// From `email`, else `hash`; 422 when neither is given or the hash is blocked already.
CanonicalEmailBlock create_canonical_email_block(Context& ctx, const Staff& staff, const std::string& email,
                                                 const std::string& hash);
void delete_canonical_email_block(Context& ctx, const Staff& staff, int64_t id);

}  // namespace agora::services
