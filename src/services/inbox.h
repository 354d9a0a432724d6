// The inbox (shared and per actor): a signed activity is checked to speak for
// its signer and queued; a worker processes it later with one handler per
// activity type (services/activities/), so a slow or hostile sender never
// holds a request thread and a crash loses nothing.
#pragma once
#include <cstdint>
#include <string_view>

#include "model/account.h"
#include "services/context.h"

namespace agora::services::inbox {

inline constexpr const char* kJobKind = "process_activity";

// 400 for a document that is not an activity, 401 when its actor is not the signer.
void accept(Context& ctx, const model::Account& signer, std::string_view body);
// Runs one queued activity (the worker's job).
void process(Context& ctx, int64_t signer_id, std::string_view body);

}  // namespace agora::services::inbox
