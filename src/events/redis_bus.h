// The bus over Redis pub/sub (AGORA_REDIS_URL): every process publishes to
// one Redis channel and hears every event, its own included, from it.
#pragma once
#include <memory>
#include <string>

#include "events/bus.h"

namespace agora::events {

// "redis://[:password@]host[:port][/db]" or "unix://PATH". Connects the
// subscriber at once (throws std::runtime_error when Redis is unreachable)
// and reconnects it in the background when the connection drops.
std::unique_ptr<Bus> make_redis_bus(const std::string& url);

}  // namespace agora::events
