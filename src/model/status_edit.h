// One version of an edited status (Mastodon's StatusEdit), and what its
// entity renders.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/account.h"
#include "model/media.h"
#include "model/tag.h"

namespace agora::model {

struct StatusEdit {
  int64_t id = 0;
  int64_t status_id = 0;
  int64_t account_id = 0;
  std::string text;
  std::string content;
  std::string spoiler_text;
  bool sensitive = false;
  std::vector<int64_t> media_ids;
  std::optional<std::vector<std::string>> poll_options;
  int64_t created_at = 0;
};

struct StatusEditView {
  StatusEdit edit;
  std::shared_ptr<const Account> account;
  std::vector<MediaAttachment> media;
  std::vector<CustomEmoji> emojis;
};

}  // namespace agora::model
