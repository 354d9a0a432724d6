// What the instance says about itself: settings an admin can change, limits
// it enforces, and counts of what it holds.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/account.h"

namespace agora::model {

enum class RegistrationsMode { open, approved, closed };

// The limits an admin may change (agora settings; Mastodon keeps them in
// code), with Mastodon's values as defaults. Posting and uploads enforce
// them and the instance documents announce them.
struct ContentLimits {
  int64_t max_characters = 500;
  int64_t max_media_attachments = 4;
  int64_t image_size_limit = 16777216;
  int64_t video_size_limit = 103809024;
};

// Mastodon's site upload "thumbnail": the server's picture, stored in two
// sizes (keys of the file storage) with a blurhash.
struct SiteThumbnail {
  std::string key_1x, key_2x;
  std::string blurhash;
};

struct InstanceSettings {
  std::string title = "agora";
  std::string short_description;
  std::string description;
  std::string contact_email;
  RegistrationsMode registrations_mode = RegistrationsMode::open;
  bool require_invite_text = false;
  std::string closed_registrations_message;
  bool timeline_preview = true;  // anonymous visitors may read the public, hashtag and link timelines
  std::string contact_username;  // a local account, or empty
  std::vector<std::string> languages = {"en"};
  ContentLimits limits;
  std::optional<SiteThumbnail> thumbnail;
};

struct Rule {
  int64_t id = 0;
  std::string text;
  std::string hint;
};

struct InstanceStats {
  int64_t user_count = 0;
  int64_t status_count = 0;
  int64_t domain_count = 0;
  int64_t active_month = 0;
  int64_t active_halfyear = 0;
};

// Limits enforced by the services and announced in /api/v2/instance.
// (The limits an admin may change are in ContentLimits.)
struct Limits {
  static constexpr int characters_reserved_per_url = 23;
  static constexpr int max_featured_tags = 10;
  static constexpr int max_pinned_statuses = 5;
  static constexpr int max_display_name_length = 30;
  static constexpr int max_note_length = 500;
  static constexpr int max_profile_fields = 4;
  static constexpr int poll_max_options = 4;
  static constexpr int poll_max_characters_per_option = 50;
  static constexpr int poll_min_expiration = 300;
  static constexpr int poll_max_expiration = 2629746;
  static constexpr int media_description_limit = 1500;
  static constexpr int64_t image_matrix_limit = 33177600;
  static constexpr int video_frame_rate_limit = 120;
  static constexpr int64_t video_matrix_limit = 8294400;
};

// Everything the instance documents (/api/v1/instance, /api/v2/instance,
// NodeInfo) are rendered from.
struct InstanceOverview {
  std::string domain;
  std::string base_url;       // "https://social.example.org"
  std::string streaming_url;  // "wss://social.example.org"
  std::string vapid_public_key;  // the Web Push key (configuration.vapid)
  InstanceSettings settings;
  InstanceStats stats;
  std::vector<Rule> rules;
  std::optional<Account> contact_account;  // the local account of settings.contact_username
};

}  // namespace agora::model
