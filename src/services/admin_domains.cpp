#include "services/admin_domains.h"

#include <cctype>

#include "core/domain.h"
#include "core/errors.h"
#include "core/snowflake.h"
#include "core/time.h"
#include "jobs/queue.h"
#include "services/storage.h"
#include "services/suspensions.h"
#include "store/admin_action_logs.h"
#include "store/admin_domains.h"

namespace agora::services {

namespace {

using model::Permission;
using store::admin_domains::Entries;

constexpr size_t kMaxComment = 1000;

template <class T>
model::Paginated<T> paginated(std::vector<T> items, const model::PageRequest& page) {
  model::Paginated<T> out;
  if (!items.empty()) {
    if (static_cast<int>(items.size()) == page.limit) out.next_max_id = items.back().id;
    out.prev_since_id = items.front().id;
  }
  out.items = std::move(items);
  return out;
}

void check_block_fields(const DomainBlockFields& in) {
  if (in.severity && *in.severity != "noop" && *in.severity != "silence" && *in.severity != "suspend")
    throw Error::unprocessable("Validation failed: Severity is not included in the list");
  for (const auto* comment : {&in.private_comment, &in.public_comment})
    if (*comment && comment->value().size() > kMaxComment)
      throw Error::unprocessable("Validation failed: Comment is too long (maximum is 1000 characters)");
}

void apply(model::DomainBlock& b, const DomainBlockFields& in) {
  if (in.severity) b.severity = *in.severity;
  if (in.reject_media) b.reject_media = *in.reject_media;
  if (in.reject_reports) b.reject_reports = *in.reject_reports;
  if (in.obfuscate) b.obfuscate = *in.obfuscate;
  // An empty comment is no comment, as Rails stores a blank string from a form.
  if (in.private_comment) b.private_comment = in.private_comment->empty() ? std::nullopt : in.private_comment;
  if (in.public_comment) b.public_comment = in.public_comment->empty() ? std::nullopt : in.public_comment;
}

model::DomainBlock find_block(store::Connection& c, int64_t id) {
  auto b = store::admin_domains::find_block(c, id);
  if (!b) throw Error::not_found();
  return *b;
}

Entries entries(DomainList which) {
  return which == DomainList::allows ? Entries::domain_allows : Entries::email_domain_blocks;
}

// Domain allows and blocks are federation (manage_federation); e-mail domains are sign-up blocks (manage_blocks).
Permission permission_for(DomainList which) {
  return which == DomainList::allows ? Permission::manage_federation : Permission::manage_blocks;
}

const char* log_type(DomainList which) { return which == DomainList::allows ? "DomainAllow" : "EmailDomainBlock"; }

model::DomainEntry find_entry(store::Connection& c, DomainList which, int64_t id) {
  auto e = store::admin_domains::find_entry(c, entries(which), id);
  if (!e) throw Error::not_found();
  return *e;
}

// Mastodon's DomainBlockWorker: suspending every account of a domain may
// take long, so the request only writes the block and leaves this job.
void enqueue_domain_suspension(store::Connection& c, int64_t block_id) {
  jobs::Job job;
  job.kind = kDomainSuspensionJobKind;
  job.payload = {{"domain_block_id", block_id}};
  jobs::enqueue(c, job);
}

}  // namespace

void run_domain_suspension(Context& ctx, int64_t block_id) {
  auto conn = ctx.db.acquire();
  store::in_transaction(*conn, [&] {
    // Lifted or softened before the job ran: nothing to do (lifting already unsuspended whoever was).
    auto block = store::admin_domains::find_block(*conn, block_id);
    if (!block || block->severity != "suspend") return;
    remove_stored_files_later(*conn, suspensions::suspend_domain(*conn, block->domain, block->created_at));
  });
}

model::Paginated<model::DomainBlock> list_domain_blocks(Context& ctx, const Staff& staff,
                                                        const model::PageRequest& page) {
  authorize(can(staff, Permission::manage_federation));
  auto conn = ctx.db.acquire();
  return paginated(store::admin_domains::list_blocks(*conn, page), page);
}

model::DomainBlock show_domain_block(Context& ctx, const Staff& staff, int64_t id) {
  auto conn = ctx.db.acquire();
  auto b = find_block(*conn, id);
  authorize(can(staff, Permission::manage_federation));
  return b;
}

model::DomainBlock create_domain_block(Context& ctx, const Staff& staff, const DomainBlockFields& in) {
  authorize(can(staff, Permission::manage_federation));
  if (!in.domain || in.domain->empty()) throw Error::unprocessable("Validation failed: Domain can't be blank");
  auto domain = normalize_domain(*in.domain);
  if (!domain) throw Error::unprocessable("Validation failed: Domain is not a valid domain name");
  check_block_fields(in);
  model::DomainBlock block;
  block.id = next_id();
  block.domain = *domain;
  apply(block, in);
  auto conn = ctx.db.acquire();
  int64_t now = now_ms();
  store::in_transaction(*conn, [&] {
    // The same domain, or a parent domain blocked at least as strictly, is a conflict.
    if (auto existing = store::admin_domains::block_rule_for(*conn, *domain))
      if (existing->domain == *domain || !block.stricter_than(*existing)) throw ExistingDomainBlock(*existing);
    store::admin_domains::insert_block(*conn, block, now);
    if (block.severity == "suspend") enqueue_domain_suspension(*conn, block.id);
    store::admin_action_logs::record(*conn, staff.account.id, "create", "DomainBlock", block.id, block.domain, now);
  });
  block.created_at = now;
  return block;
}

model::DomainBlock update_domain_block(Context& ctx, const Staff& staff, int64_t id, const DomainBlockFields& in) {
  auto conn = ctx.db.acquire();
  auto block = find_block(*conn, id);
  authorize(can(staff, Permission::manage_federation));
  check_block_fields(in);
  std::string severity_before = block.severity;
  apply(block, in);
  int64_t now = now_ms();
  store::in_transaction(*conn, [&] {
    store::admin_domains::update_block(*conn, block, now);
    // Mastodon's UpdateDomainBlock: suspending now suspends the domain's accounts, no longer suspending lifts it.
    if (block.severity == "suspend" && severity_before != "suspend") enqueue_domain_suspension(*conn, block.id);
    if (block.severity != "suspend" && severity_before == "suspend")
      suspensions::unsuspend_domain(*conn, block.domain, block.created_at);
    store::admin_action_logs::record(*conn, staff.account.id, "update", "DomainBlock", id, block.domain, now);
  });
  return block;
}

void delete_domain_block(Context& ctx, const Staff& staff, int64_t id) {
  auto conn = ctx.db.acquire();
  auto block = find_block(*conn, id);
  authorize(can(staff, Permission::manage_federation));
  int64_t now = now_ms();
  store::in_transaction(*conn, [&] {
    store::admin_domains::delete_block(*conn, id);
    if (block.severity == "suspend") suspensions::unsuspend_domain(*conn, block.domain, block.created_at);
    store::admin_action_logs::record(*conn, staff.account.id, "destroy", "DomainBlock", id, block.domain, now);
  });
}

model::Paginated<model::DomainEntry> list_domain_entries(Context& ctx, const Staff& staff, DomainList which,
                                                         const model::PageRequest& page) {
  authorize(can(staff, permission_for(which)));
  auto conn = ctx.db.acquire();
  return paginated(store::admin_domains::list_entries(*conn, entries(which), page), page);
}

model::DomainEntry show_domain_entry(Context& ctx, const Staff& staff, DomainList which, int64_t id) {
  auto conn = ctx.db.acquire();
  auto e = find_entry(*conn, which, id);
  authorize(can(staff, permission_for(which)));
  return e;
}

model::DomainEntry create_domain_entry(Context& ctx, const Staff& staff, DomainList which, const std::string& text) {
  authorize(can(staff, permission_for(which)));
  if (text.empty()) throw Error::unprocessable("Validation failed: Domain can't be blank");
  auto domain = normalize_domain(text);
  if (!domain) throw Error::unprocessable("Validation failed: Domain is not a valid domain name");
  auto conn = ctx.db.acquire();
  model::DomainEntry entry{next_id(), *domain, now_ms()};
  std::optional<model::DomainEntry> existing;
  store::in_transaction(*conn, [&] {
    existing = store::admin_domains::find_entry_by_domain(*conn, entries(which), *domain);
    if (existing) {
      if (which == DomainList::email_blocks)
        throw Error::unprocessable("Validation failed: Domain has already been taken");
      return;
    }
    store::admin_domains::insert_entry(*conn, entries(which), entry);
    store::admin_action_logs::record(*conn, staff.account.id, "create", log_type(which), entry.id, entry.domain,
                                     entry.created_at);
  });
  return existing ? *existing : entry;
}

void delete_domain_entry(Context& ctx, const Staff& staff, DomainList which, int64_t id) {
  auto conn = ctx.db.acquire();
  auto entry = find_entry(*conn, which, id);
  authorize(can(staff, permission_for(which)));
  int64_t now = now_ms();
  store::in_transaction(*conn, [&] {
    store::admin_domains::delete_entry(*conn, entries(which), id);
    store::admin_action_logs::record(*conn, staff.account.id, "destroy", log_type(which), id, entry.domain, now);
  });
}

}  // namespace agora::services
