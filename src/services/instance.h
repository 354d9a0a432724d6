// What the instance says about itself, gathered for the instance documents.
#pragma once
#include <string>
#include <vector>

#include "model/instance.h"
#include "services/context.h"

namespace agora::services {

model::InstanceOverview instance_overview(Context& ctx);
// Instance settings with defaults for anything an admin has not set.
model::InstanceSettings instance_settings(store::Connection& c);

// The settings an admin may change, with what each accepts.
struct SettingSpec {
  const char* key;
  const char* help;
};
const std::vector<SettingSpec>& changeable_settings();
// Throws Error 422 for an unknown key or a bad value.
void validate_setting(const std::string& key, const std::string& value);
// Validates and stores one setting; throws Error 422 for an unknown key or a bad value.
void change_setting(Context& ctx, const std::string& key, const std::string& value);

}  // namespace agora::services
