// What the instance says about itself: settings an admin can change, limits
// it enforces, and counts of what it holds.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace agora::model {

enum class RegistrationsMode { open, approved, closed };

struct InstanceSettings {
  std::string title = "agora";
  std::string short_description;
  std::string description;
  std::string contact_email;
  RegistrationsMode registrations_mode = RegistrationsMode::open;
  bool require_invite_text = false;
  std::string closed_registrations_message;
  bool timeline_preview = true;  // anonymous visitors may read the public, hashtag and link timelines
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
struct Limits {
  static constexpr int max_characters = 500;
  static constexpr int max_media_attachments = 4;
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
  static constexpr int64_t image_size_limit = 16777216;
  static constexpr int64_t image_matrix_limit = 33177600;
  static constexpr int64_t video_size_limit = 103809024;
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
};

}  // namespace agora::model
