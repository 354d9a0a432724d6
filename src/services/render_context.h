// The RenderContext for this instance's configuration, for every face that renders.
#pragma once
#include "entities/render_context.h"
#include "services/context.h"
#include "services/storage.h"

namespace agora::services {

inline entities::RenderContext render_context(const Context& ctx) {
  return {ctx.config.base_url(), files_base_url(ctx.config)};
}

}  // namespace agora::services
