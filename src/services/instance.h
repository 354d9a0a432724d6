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
// The limits posting and uploads enforce.
model::ContentLimits content_limits(store::Connection& c);
// The value of the "thumbnail" setting for a stored thumbnail.
std::string stored_thumbnail(const model::SiteThumbnail& t);

// The settings an admin may change, with what each accepts.
struct SettingSpec {
  const char* key;
  const char* help;
};
const std::vector<SettingSpec>& changeable_settings();
// Throws Error 422 for an unknown key or a bad value (a contact account
// that is not a local one, a limit out of range, an unknown language).
void validate_setting(store::Connection& c, const std::string& key, const std::string& value);
// Validates and stores one setting; throws Error 422 for an unknown key or a bad value.
void change_setting(Context& ctx, const std::string& key, const std::string& value);

}  // namespace agora::services
