// Mastodon's admin dashboard API: measures, dimensions and retention
// (Admin::Metrics), for members whose role has view_dashboard.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "model/admin_metrics.h"
#include "services/roles.h"

namespace agora::services {

struct MetricsRequest {
  std::vector<std::string> keys;   // unknown keys are left out, as Mastodon does
  std::string start_at, end_at;    // ISO 8601 timestamps or dates
  // What a tag_* or instance_* key is about: "<key>[id]" or "<key>[domain]".
  std::map<std::string, std::string> tag_ids, domains;
  std::optional<int64_t> limit;    // dimensions: entries per key (default 10)
};

std::vector<model::Measure> admin_measures(Context& ctx, const Staff& staff, const MetricsRequest& in);
std::vector<model::Dimension> admin_dimensions(Context& ctx, const Staff& staff, const MetricsRequest& in);
// Cohorts of members by the day or month they signed up.
std::vector<model::Cohort> admin_retention(Context& ctx, const Staff& staff, const std::string& start_at,
                                           const std::string& end_at, const std::string& frequency);

// Rails' number_to_human_size: "0 Bytes", "213 KB", "16.8 MB".
std::string human_size(int64_t bytes);

}  // namespace agora::services
