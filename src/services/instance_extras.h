// The smaller instance documents: rules, peers, weekly activity, the
// extended description and the public list of moderated servers.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "model/instance.h"
#include "model/instance_extras.h"
#include "services/context.h"

namespace agora::services {

std::vector<model::Rule> instance_rules(Context& ctx);
// Appends a rule (CLI). 422 for a blank text or one past 300 characters.
model::Rule add_rule(Context& ctx, const std::string& rule_text, const std::string& hint);
// 404 when there is no such rule.
void remove_rule(Context& ctx, int64_t id);

std::vector<std::string> instance_peers(Context& ctx);
// Twelve weeks, the current one first; weeks start on Monday 00:00 UTC.
std::vector<model::ActivityWeek> instance_activity(Context& ctx);
model::ExtendedDescription extended_description(Context& ctx);

struct PublicDomainBlocks {
  std::vector<model::PublicDomainBlock> blocks;
  bool with_comment = false;
};
// Per the show_domain_blocks and show_domain_blocks_rationale settings
// (disabled, users, all), as Mastodon: nullopt when the list is not shown.
std::optional<PublicDomainBlocks> public_domain_blocks(Context& ctx, bool signed_in);

}  // namespace agora::services
