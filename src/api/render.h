// The RenderContext for this instance's configuration.
#pragma once
#include "services/render_context.h"

namespace agora::api {

using services::render_context;

}  // namespace agora::api
