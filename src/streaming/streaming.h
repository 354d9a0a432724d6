// The streaming face: GET /api/v1/streaming over WebSocket, the
// Server-Sent Events paths under it, and /api/v1/streaming/health.
#pragma once
#include "http/router.h"
#include "streaming/hub.h"

namespace agora::streaming {

void register_routes(http::Router& router, Hub& hub);

}  // namespace agora::streaming
