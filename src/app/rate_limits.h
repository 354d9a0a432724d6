#pragma once
#include <vector>

#include "http/rate_limit.h"

namespace agora::app {

// Mastodon's default throttles (config/initializers/rack_attack.rb).
std::vector<http::RateRule> default_rate_rules();

}  // namespace agora::app
