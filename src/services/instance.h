// What the instance says about itself, gathered for the instance documents.
#pragma once
#include "model/instance.h"
#include "services/context.h"

namespace agora::services {

model::InstanceOverview instance_overview(Context& ctx);
// Instance settings with defaults for anything an admin has not set.
model::InstanceSettings instance_settings(store::Connection& c);

}  // namespace agora::services
