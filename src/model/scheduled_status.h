// A status a member asked to be posted later (POST /api/v1/statuses with scheduled_at).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "model/media.h"

namespace agora::model {

struct ScheduledStatus {
  int64_t id = 0;
  int64_t account_id = 0;
  int64_t scheduled_at = 0;
  std::string params_json;  // the posting request, as Mastodon's ScheduledStatus#params
  int64_t created_at = 0;
  std::vector<MediaAttachment> media;  // waiting with it, in order (loaded for rendering)
};

}  // namespace agora::model
