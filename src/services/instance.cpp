#include "services/instance.h"

#include <algorithm>
#include <array>
#include <charconv>

#include <boost/json.hpp>

#include "core/errors.h"
#include "core/languages.h"
#include "core/time.h"
#include "services/rendered_accounts.h"
#include "services/web_push.h"
#include "store/accounts.h"
#include "store/instance_stats.h"
#include "store/rules.h"
#include "store/settings.h"

namespace agora::services {

namespace {

// The settings that hold a limit, with the smallest and largest value each takes.
struct LimitSpec {
  const char* key;
  int64_t model::ContentLimits::*field;
  int64_t min, max;
};
// Uploads are read whole and the server takes media bodies up to Mastodon's
// 99 MB video limit, so no size limit goes above it.
constexpr int64_t kMaxFileBytes = 103809024;
constexpr std::array<LimitSpec, 4> kLimits = {{
    {"max_characters", &model::ContentLimits::max_characters, 1, 100'000},
    {"max_media_attachments", &model::ContentLimits::max_media_attachments, 1, 16},
    {"image_size_limit", &model::ContentLimits::image_size_limit, 1024, kMaxFileBytes},
    {"video_size_limit", &model::ContentLimits::video_size_limit, 1024, kMaxFileBytes},
}};
constexpr size_t kMaxLanguages = 20;

std::optional<int64_t> integer(const std::string& value) {
  int64_t out = 0;
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), out);
  if (ec != std::errc() || end != value.data() + value.size()) return std::nullopt;
  return out;
}

// "en, de fr" → {"en", "de", "fr"}: commas or spaces between codes.
std::vector<std::string> language_list(const std::string& value) {
  std::vector<std::string> out;
  std::string code;
  for (char ch : value + ",") {
    if (ch == ',' || ch == ' ') {
      if (!code.empty() && std::find(out.begin(), out.end(), code) == out.end()) out.push_back(code);
      code.clear();
    } else {
      code += ch;
    }
  }
  return out;
}

std::optional<model::SiteThumbnail> thumbnail_of(const std::string& stored) {
  std::error_code ec;
  auto v = boost::json::parse(stored, ec);
  if (ec || !v.is_object()) return std::nullopt;
  const auto& o = v.as_object();
  auto text = [&](const char* key) {
    const auto* f = o.if_contains(key);
    return f && f->is_string() ? std::string(f->as_string()) : std::string();
  };
  model::SiteThumbnail t{text("@1x"), text("@2x"), text("blurhash")};
  if (t.key_1x.empty() || t.key_2x.empty()) return std::nullopt;
  return t;
}

}  // namespace

std::string stored_thumbnail(const model::SiteThumbnail& t) {
  return boost::json::serialize(boost::json::object{{"@1x", t.key_1x}, {"@2x", t.key_2x}, {"blurhash", t.blurhash}});
}

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
  get("site_contact_username", s.contact_username);
  if (auto it = stored.find("content_languages"); it != stored.end() && !language_list(it->second).empty())
    s.languages = language_list(it->second);
  for (const auto& spec : kLimits)
    if (auto it = stored.find(spec.key); it != stored.end())
      if (auto n = integer(it->second)) s.limits.*spec.field = *n;
  if (auto it = stored.find("thumbnail"); it != stored.end()) s.thumbnail = thumbnail_of(it->second);
  return s;
}

model::ContentLimits content_limits(store::Connection& c) { return instance_settings(c).limits; }

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
  if (!o.settings.contact_username.empty())
    if (auto contact = store::accounts::find_local(*conn, o.settings.contact_username)) {
      auto loaded = load_rendered_accounts(*conn, {contact->id});
      if (auto it = loaded.find(contact->id); it != loaded.end()) o.contact_account = *it->second;
    }
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
      {"content_languages", "the languages of the server's posts, as ISO 639 codes separated by commas (\"en,de\")"},
      {"max_characters", "the longest post in characters (1 to 100000; Mastodon's 500 by default)"},
      {"max_media_attachments", "files per post (1 to 16; 4 by default)"},
      {"image_size_limit", "the largest image upload in bytes (1024 to 103809024; 16 MB by default)"},
      {"video_size_limit", "the largest video or audio upload in bytes (1024 to 103809024; 99 MB by default)"},
  };
  return specs;
}

void validate_setting(store::Connection& c, const std::string& key, const std::string& value) {
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
  // A blank limit or language list means the default again.
  for (const auto& spec : kLimits)
    if (key == spec.key && !value.empty()) {
      auto n = integer(value);
      if (!n || *n < spec.min || *n > spec.max)
        throw Error::unprocessable(key + " must be a whole number from " + std::to_string(spec.min) + " to " +
                                   std::to_string(spec.max));
    }
  if (key == "content_languages" && !value.empty()) {
    auto codes = language_list(value);
    if (codes.empty() || codes.size() > kMaxLanguages)
      throw Error::unprocessable("content_languages must name 1 to 20 languages");
    for (const auto& code : codes)
      if (!supported_language(code)) throw Error::unprocessable("content_languages: unknown language " + code);
  }
  if (key == "site_contact_username" && !value.empty() && !store::accounts::find_local(c, value))
    throw Error::unprocessable("Validation failed: site_contact_username is not a local account");
}

void change_setting(Context& ctx, const std::string& key, const std::string& value) {
  auto conn = ctx.db.acquire();
  validate_setting(*conn, key, value);
  store::settings::put(*conn, key, value);
}

}  // namespace agora::services
