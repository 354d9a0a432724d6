#include "services/instance.h"

#include <algorithm>

#include "core/errors.h"
#include "core/time.h"
#include "services/web_push.h"
#include "store/instance_stats.h"
#include "store/rules.h"
#include "store/settings.h"

namespace agora::services {

model::InstanceSettings instance_settings(store::Connection& c) {
  auto stored = store::settings::load_all(c);
  model::InstanceSettings s;
  auto get = [&](const char* key, std::string& field) {
    if (auto it = stored.find(key); it != stored.end()) field = it->second;
  };
  get("site_title", s.title);
  get("site_short_description", s.short_description);
  get("site_description", s.description);
  get("site_contact_email", s.contact_email);
  get("closed_registrations_message", s.closed_registrations_message);
  if (auto it = stored.find("registrations_mode"); it != stored.end()) {
    if (it->second == "approved") s.registrations_mode = model::RegistrationsMode::approved;
    else if (it->second == "none") s.registrations_mode = model::RegistrationsMode::closed;
  }
  if (auto it = stored.find("require_invite_text"); it != stored.end()) s.require_invite_text = it->second == "true";
  if (auto it = stored.find("timeline_preview"); it != stored.end()) s.timeline_preview = it->second != "false";
  return s;
}

model::InstanceOverview instance_overview(Context& ctx) {
  model::InstanceOverview o;
  o.domain = ctx.config.domain;
  o.base_url = ctx.config.base_url();
  o.streaming_url = (ctx.config.scheme() == "https" ? "wss://" : "ws://") + ctx.config.domain;
  o.vapid_public_key = web_push::vapid_public_key(ctx);
  auto conn = ctx.db.acquire();
  o.settings = instance_settings(*conn);
  o.stats = store::instance_stats::load(*conn, now_ms());
  o.rules = store::rules::list(*conn);
  return o;
}

}  // namespace agora::services

namespace agora::services {

const std::vector<SettingSpec>& changeable_settings() {
  static const std::vector<SettingSpec> specs = {
      {"site_title", "the instance's name"},
      {"site_short_description", "one paragraph about the instance"},
      {"site_description", "the longer description"},
      {"site_contact_email", "the public contact address"},
      {"site_contact_username", "the local account people may contact (empty for none)"},
      {"registrations_mode", "open, approved (sign-ups wait for a moderator) or none (closed)"},
      {"require_invite_text", "true or false: with approved sign-ups, ask people why they want to join"},
      {"closed_registrations_message", "shown when registrations are closed"},
      {"site_extended_description", "the about page's longer text (GET /api/v1/instance/extended_description)"},
      {"show_domain_blocks", "disabled, users or all: who may list the moderated servers"},
      {"show_domain_blocks_rationale", "disabled, users or all: who sees why servers are moderated"},
      {"timeline_preview", "true or false: anonymous visitors may read the public, hashtag and link timelines"},
      {"trendable_by_default", "true or false: tags and posts trend before a moderator reviews them"},
      {"limited_federation_mode", "true or false: federate only with the domains allowed (admin domain_allows)"},
  };
  return specs;
}

void validate_setting(const std::string& key, const std::string& value) {
  const auto& specs = changeable_settings();
  if (std::none_of(specs.begin(), specs.end(), [&](const SettingSpec& s) { return key == s.key; }))
    throw Error::unprocessable("Unknown setting: " + key);
  if (key == "registrations_mode" && value != "open" && value != "approved" && value != "none")
    throw Error::unprocessable("registrations_mode must be open, approved or none");
  for (const char* flag : {"require_invite_text", "timeline_preview", "trendable_by_default", "limited_federation_mode"})
    if (key == flag && value != "true" && value != "false")
      throw Error::unprocessable(std::string(flag) + " must be true or false");
  if ((key == "show_domain_blocks" || key == "show_domain_blocks_rationale") && value != "disabled" &&
      value != "users" && value != "all")
    throw Error::unprocessable(key + " must be disabled, users or all");
  if (value.size() > 10'000) throw Error::unprocessable(key + " is too long");
}

void change_setting(Context& ctx, const std::string& key, const std::string& value) {
  validate_setting(key, value);
  auto conn = ctx.db.acquire();
  store::settings::put(*conn, key, value);
}

}  // namespace agora::services
