// `agora doctor`: settings that work but are unsafe on a public server
// (plain-text credentials on the network, readable secrets, test or debug
// modes), each with what to do about it.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/config.h"

namespace agora::app {

struct Finding {
  std::string setting;  // what it concerns, e.g. "AGORA_SMTP_TLS"
  std::string advice;   // the problem and its fix, one sentence
};

std::vector<Finding> examine(const Config& config, const std::optional<std::filesystem::path>& config_file);

}  // namespace agora::app
