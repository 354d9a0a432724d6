#include "entities/instance.h"

#include <boost/json.hpp>

#include "core/version.h"
#include "entities/account.h"
#include "entities/instance_extras.h"

namespace agora::entities {

namespace json = boost::json;
using model::Limits;

namespace {

const json::array& supported_mime_types() {
  static const json::array types = {
      "image/jpeg",   "image/png",       "image/gif",   "image/heic",    "image/heif",      "image/webp",
      "image/avif",   "video/webm",      "video/mp4",   "video/quicktime", "video/ogg",     "audio/wave",
      "audio/wav",    "audio/x-wav",     "audio/x-pn-wave", "audio/vnd.wave", "audio/ogg",  "audio/vorbis",
      "audio/mpeg",   "audio/mp3",       "audio/webm",  "audio/flac",    "audio/aac",       "audio/m4a",
      "audio/x-m4a",  "audio/mp4",       "audio/3gpp",  "video/x-ms-asf"};
  return types;
}

json::object statuses_limits(const model::InstanceOverview& o) {
  return {{"max_characters", o.settings.limits.max_characters},
          {"max_media_attachments", o.settings.limits.max_media_attachments},
          {"characters_reserved_per_url", Limits::characters_reserved_per_url}};
}

json::object polls_limits() {
  return {{"max_options", Limits::poll_max_options},
          {"max_characters_per_option", Limits::poll_max_characters_per_option},
          {"min_expiration", Limits::poll_min_expiration},
          {"max_expiration", Limits::poll_max_expiration}};
}

json::array rules_of(const model::InstanceOverview& o) {
  json::array out;
  for (const auto& r : o.rules) out.push_back(rule(r));
  return out;
}


json::array languages(const model::InstanceOverview& o) {
  json::array out;
  for (const auto& code : o.settings.languages) out.push_back(json::value(code));
  return out;
}

json::value contact_account(const model::InstanceOverview& o, const RenderContext& rc) {
  return o.contact_account ? json::value(account(*o.contact_account, rc)) : json::value(nullptr);
}

bool registrations_open(const model::InstanceOverview& o) {
  return o.settings.registrations_mode != model::RegistrationsMode::closed;
}

}  // namespace

// Mastodon shows the @1x size of an uploaded picture, else its default one.
json::object instance_thumbnail(const std::optional<model::SiteThumbnail>& t, const RenderContext& rc) {
  if (!t) return {{"url", rc.base_url + "/preview.png"}};
  return {{"url", rc.media_url(t->key_1x)},
          {"blurhash", t->blurhash},
          {"versions", {{"@1x", rc.media_url(t->key_1x)}, {"@2x", rc.media_url(t->key_2x)}}}};
}

json::value instance_v1(const model::InstanceOverview& o, const RenderContext& rc) {
  const auto& limits = o.settings.limits;
  json::object media{{"supported_mime_types", supported_mime_types()},
                     {"image_size_limit", limits.image_size_limit},
                     {"image_matrix_limit", Limits::image_matrix_limit},
                     {"video_size_limit", limits.video_size_limit},
                     {"video_frame_rate_limit", Limits::video_frame_rate_limit},
                     {"video_matrix_limit", Limits::video_matrix_limit}};
  return json::object{
      {"uri", o.domain},
      {"title", o.settings.title},
      {"short_description", o.settings.short_description},
      {"description", o.settings.description},
      {"email", o.settings.contact_email},
      {"version", compatible_version_string()},
      {"urls", {{"streaming_api", o.streaming_url}}},
      {"stats",
       {{"user_count", o.stats.user_count},
        {"status_count", o.stats.status_count},
        {"domain_count", o.stats.domain_count}}},
      {"thumbnail", instance_thumbnail(o.settings.thumbnail, rc).at("url")},
      {"languages", languages(o)},
      {"registrations", registrations_open(o)},
      {"approval_required", o.settings.registrations_mode == model::RegistrationsMode::approved},
      {"invites_enabled", false},
      {"configuration",
       {{"accounts", {{"max_featured_tags", Limits::max_featured_tags}}},
        {"statuses", statuses_limits(o)},
        {"media_attachments", std::move(media)},
        {"polls", polls_limits()}}},
      {"contact_account", contact_account(o, rc)},
      {"rules", rules_of(o)},
  };
}

json::value instance_v2(const model::InstanceOverview& o, const RenderContext& rc) {
  const auto& limits = o.settings.limits;
  json::array icons;
  for (int size : {36, 48, 72, 96, 144, 192, 256, 384, 512}) {
    std::string s = std::to_string(size) + "x" + std::to_string(size);
    icons.push_back({{"src", o.base_url + "/icons/android-chrome-" + s + ".png"}, {"size", s}});
  }
  json::object media{{"description_limit", Limits::media_description_limit},
                     {"image_matrix_limit", Limits::image_matrix_limit},
                     {"image_size_limit", limits.image_size_limit},
                     {"supported_mime_types", supported_mime_types()},
                     {"video_frame_rate_limit", Limits::video_frame_rate_limit},
                     {"video_matrix_limit", Limits::video_matrix_limit},
                     {"video_size_limit", limits.video_size_limit}};
  bool closed = o.settings.registrations_mode == model::RegistrationsMode::closed;
  json::value closed_message = nullptr;
  if (closed && !o.settings.closed_registrations_message.empty())
    closed_message = json::string(o.settings.closed_registrations_message);
  return json::object{
      {"domain", o.domain},
      {"title", o.settings.title},
      {"version", compatible_version_string()},
      {"source_url", kSourceUrl},
      {"description", o.settings.short_description},
      {"usage", {{"users", {{"active_month", o.stats.active_month}}}}},
      {"thumbnail", instance_thumbnail(o.settings.thumbnail, rc)},
      {"icon", std::move(icons)},
      {"languages", languages(o)},
      {"configuration",
       {{"urls",
         {{"streaming", o.streaming_url},
          {"status", nullptr},
          {"about", o.base_url + "/about"},
          {"privacy_policy", o.base_url + "/privacy-policy"},
          {"terms_of_service", nullptr}}},
        {"vapid", {{"public_key", o.vapid_public_key}}},
        {"accounts",
         {{"max_featured_tags", Limits::max_featured_tags}, {"max_pinned_statuses", Limits::max_pinned_statuses}}},
        {"statuses", statuses_limits(o)},
        {"media_attachments", std::move(media)},
        {"polls", polls_limits()},
        {"translation", {{"enabled", false}}},
        {"limited_federation", false}}},
      {"registrations",
       {{"enabled", !closed},
        {"approval_required", o.settings.registrations_mode == model::RegistrationsMode::approved},
        {"reason_required",
         o.settings.registrations_mode == model::RegistrationsMode::approved && o.settings.require_invite_text},
        {"message", closed_message},
        {"min_age", nullptr},
        {"url", nullptr}}},
      {"api_versions", {{"mastodon", 2}}},
      {"contact", {{"email", o.settings.contact_email}, {"account", contact_account(o, rc)}}},
      {"rules", rules_of(o)},
  };
}

}  // namespace agora::entities
