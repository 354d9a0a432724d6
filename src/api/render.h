// The RenderContext for this instance's configuration.
#pragma once
#include "entities/render_context.h"
#include "services/context.h"

namespace agora::api {

inline entities::RenderContext render_context(const services::Context& ctx) {
  std::string base = ctx.config.base_url();
  return {base, base + "/system"};
}

}  // namespace agora::api
