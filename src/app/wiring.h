#pragma once
#include "http/router.h"
#include "services/context.h"

namespace agora::app {

// Every face's routes on one router.
http::Router build_router(services::Context& ctx);

}  // namespace agora::app
