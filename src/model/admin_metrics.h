// The admin dashboard's figures as Mastodon serves them: Admin::Measure,
// Admin::Dimension and Admin::Cohort.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace agora::model {

struct MeasureDay {
  int64_t date = 0;                  // midnight UTC
  std::optional<int64_t> value;
};

struct Measure {
  std::string key;
  std::optional<std::string> unit;   // "bytes" for media
  int64_t total = 0;
  std::optional<std::string> human_value;   // only measures with a unit
  std::optional<int64_t> previous_total;    // only measures over the instance's own activity
  std::vector<MeasureDay> data;
  bool utc_z_dates = false;          // Mastodon renders activity-tracker days as "…T00:00:00Z"
};

struct DimensionEntry {
  std::string key;
  std::string human_key;
  std::string value;
  std::optional<std::string> unit;
  std::optional<std::string> human_value;
};

struct Dimension {
  std::string key;
  std::vector<DimensionEntry> data;
};

struct CohortDay {
  int64_t date = 0;
  double rate = 0;
  int64_t value = 0;
};

struct Cohort {
  int64_t period = 0;
  std::string frequency;  // day or month
  std::vector<CohortDay> data;
};

}  // namespace agora::model
