#include "services/instance_extras.h"

#include "core/errors.h"
#include "core/time.h"
#include "core/utf8.h"
#include "store/instance_stats.h"
#include "store/rules.h"
#include "store/settings.h"
#include "text/plain_text.h"

namespace agora::services {

namespace {

constexpr int64_t kDayMs = 24LL * 3600 * 1000;
constexpr int64_t kWeekMs = 7 * kDayMs;
constexpr int kActivityWeeks = 12;
constexpr size_t kMaxRuleText = 300;
constexpr size_t kMaxRuleHint = 2000;

// Monday 00:00 UTC of the week holding `ms` (1 January 1970 was a Thursday).
int64_t week_start(int64_t ms) {
  int64_t day = ms / kDayMs;
  return (day - (day + 3) % 7) * kDayMs;
}

// "disabled", "users" or "all": whether this visitor may see the thing.
bool shown_to(const std::optional<store::settings::Stored>& setting, bool signed_in) {
  std::string v = setting ? setting->value : "disabled";
  return v == "all" || (v == "users" && signed_in);
}

}  // namespace

std::vector<model::Rule> instance_rules(Context& ctx) {
  auto conn = ctx.db.acquire();
  return store::rules::list(*conn);
}

model::Rule add_rule(Context& ctx, const std::string& rule_text, const std::string& hint) {
  if (text::strip(rule_text).empty()) throw Error::unprocessable("Validation failed: Text can't be blank");
  if (!valid_utf8(rule_text) || !valid_utf8(hint)) throw Error::unprocessable("Validation failed: Text is invalid");
  if (utf8_length(rule_text) > kMaxRuleText)
    throw Error::unprocessable("Validation failed: Text is too long (maximum is 300 characters)");
  if (utf8_length(hint) > kMaxRuleHint)
    throw Error::unprocessable("Validation failed: Hint is too long (maximum is 2000 characters)");
  auto conn = ctx.db.acquire();
  return store::rules::insert(*conn, std::string(text::strip(rule_text)), std::string(text::strip(hint)), now_ms());
}

void remove_rule(Context& ctx, int64_t id) {
  auto conn = ctx.db.acquire();
  if (!store::rules::remove(*conn, id, now_ms())) throw Error::not_found();
}

std::vector<std::string> instance_peers(Context& ctx) {
  auto conn = ctx.db.acquire();
  return store::instance_stats::peers(*conn);
}

std::vector<model::ActivityWeek> instance_activity(Context& ctx) {
  auto conn = ctx.db.acquire();
  int64_t start = week_start(now_ms());
  std::vector<model::ActivityWeek> out;
  for (int i = 0; i < kActivityWeeks; ++i) {
    int64_t from = start - i * kWeekMs;
    out.push_back(store::instance_stats::activity(*conn, from, from + kWeekMs));
  }
  return out;
}

model::ExtendedDescription extended_description(Context& ctx) {
  auto conn = ctx.db.acquire();
  model::ExtendedDescription d;
  auto stored = store::settings::find(*conn, "site_extended_description");
  if (!stored || text::strip(stored->value).empty()) return d;
  d.updated_at = stored->updated_at;
  text::FormatOptions options;
  options.base_url = ctx.config.base_url();
  d.content = text::format_plain_text(stored->value, options);
  return d;
}

std::optional<PublicDomainBlocks> public_domain_blocks(Context& ctx, bool signed_in) {
  auto conn = ctx.db.acquire();
  if (!shown_to(store::settings::find(*conn, "show_domain_blocks"), signed_in)) return std::nullopt;
  PublicDomainBlocks out;
  out.with_comment = shown_to(store::settings::find(*conn, "show_domain_blocks_rationale"), signed_in);
  out.blocks = store::instance_stats::public_domain_blocks(*conn);
  return out;
}

}  // namespace agora::services
