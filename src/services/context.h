// What every service call needs: the configuration and the database.
#pragma once
#include "core/config.h"
#include "store/database.h"

namespace agora::services {

struct Context {
  const Config& config;
  store::Database& db;
};

}  // namespace agora::services
