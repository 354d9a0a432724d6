// The RenderContext for this instance's configuration, for every face that renders.
#pragma once
#include "entities/render_context.h"
#include "services/context.h"

namespace agora::services {

inline entities::RenderContext render_context(const Context& ctx) {
  std::string base = ctx.config.base_url();
  return {base, base + "/system"};
}

}  // namespace agora::services
