// Instance-wide domain policy in the admin API: domain blocks and allows
// (manage_federation) and e-mail domain blocks (manage_blocks). Each change
// writes the audit log.
#pragma once
#include <exception>
#include <optional>
#include <string>
#include <string_view>

#include "model/domain_block.h"
#include "model/pagination.h"
#include "services/context.h"
#include "services/roles.h"

namespace agora::services {

struct DomainBlockFields {
  std::optional<std::string> domain;  // create only
  std::optional<std::string> severity;
  std::optional<bool> reject_media, reject_reports, obfuscate;
  std::optional<std::string> private_comment, public_comment;
};

// Creating a block where one at least as strict covers the domain already
// (itself or a parent domain): Mastodon answers 422 with that block.
struct ExistingDomainBlock : std::exception {
  explicit ExistingDomainBlock(model::DomainBlock b) : block(std::move(b)) {}
  const char* what() const noexcept override { return "existing domain block"; }
  model::DomainBlock block;
};

model::Paginated<model::DomainBlock> list_domain_blocks(Context& ctx, const Staff& staff,
                                                        const model::PageRequest& page);
model::DomainBlock show_domain_block(Context& ctx, const Staff& staff, int64_t id);
model::DomainBlock create_domain_block(Context& ctx, const Staff& staff, const DomainBlockFields& in);
model::DomainBlock update_domain_block(Context& ctx, const Staff& staff, int64_t id, const DomainBlockFields& in);
void delete_domain_block(Context& ctx, const Staff& staff, int64_t id);

// A block made or raised to severity suspend leaves this job (the request
// answers at once): it suspends the domain's accounts, ends their follows and
// deletes their content, unless the block was lifted or softened meanwhile.
inline constexpr const char* kDomainSuspensionJobKind = "suspend_domain";
void run_domain_suspension(Context& ctx, int64_t block_id);

enum class DomainList { allows, email_blocks };
model::Paginated<model::DomainEntry> list_domain_entries(Context& ctx, const Staff& staff, DomainList which,
                                                         const model::PageRequest& page);
model::DomainEntry show_domain_entry(Context& ctx, const Staff& staff, DomainList which, int64_t id);
// A domain allow that exists already is answered as it is; an e-mail domain
// block that exists already is 422 "Domain has already been taken".
model::DomainEntry create_domain_entry(Context& ctx, const Staff& staff, DomainList which, const std::string& domain);
void delete_domain_entry(Context& ctx, const Staff& staff, DomainList which, int64_t id);

}  // namespace agora::services
