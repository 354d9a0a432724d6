// Parameters shared by posting and editing statuses.
#pragma once
#include <optional>

#include "http/request.h"
#include "services/polls.h"

namespace agora::api {

// poll[options][], poll[expires_in], poll[multiple], poll[hide_totals]
// (form) or "poll": {…} (JSON); nullopt when no poll was sent.
std::optional<services::NewPoll> poll_param(const http::Request& req);

}  // namespace agora::api
