// Rows of domain_blocks, domain_allows and email_domain_blocks as the admin
// API manages them (federation reads blocks through store/domain_blocks.h).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "model/domain_block.h"
#include "model/pagination.h"
#include "store/database.h"

namespace agora::store::admin_domains {

std::vector<model::DomainBlock> list_blocks(Connection& c, const model::PageRequest& page);
std::optional<model::DomainBlock> find_block(Connection& c, int64_t id);
// The block of `domain` or of a parent domain, the longest first (Mastodon's DomainBlock.rule_for).
std::optional<model::DomainBlock> block_rule_for(Connection& c, const std::string& domain);
void insert_block(Connection& c, const model::DomainBlock& b, int64_t now_ms);
void update_block(Connection& c, const model::DomainBlock& b, int64_t now_ms);
void delete_block(Connection& c, int64_t id);

// `table` is "domain_allows" or "email_domain_blocks".
enum class Entries { domain_allows, email_domain_blocks };
std::vector<model::DomainEntry> list_entries(Connection& c, Entries which, const model::PageRequest& page);
std::optional<model::DomainEntry> find_entry(Connection& c, Entries which, int64_t id);
std::optional<model::DomainEntry> find_entry_by_domain(Connection& c, Entries which, const std::string& domain);
void insert_entry(Connection& c, Entries which, const model::DomainEntry& e);
void delete_entry(Connection& c, Entries which, int64_t id);

}  // namespace agora::store::admin_domains
