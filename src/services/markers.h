// Markers: where a member stopped reading their home timeline and
// notifications, shared between their apps.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/account.h"
#include "model/list.h"
#include "services/context.h"

namespace agora::services {

// One timeline's new position as sent (the text of last_read_id, if any).
struct MarkerUpdate {
  std::string timeline;
  std::optional<std::string> last_read_id;
};

// The markers of the timelines asked for that exist; unknown timelines are ignored.
std::vector<model::Marker> markers(Context& ctx, const model::Account& member, const std::vector<std::string>& timelines);
// Saves all or none: 422 "Validation failed: Last read can't be blank" for a
// new marker without a position. Timelines other than home and notifications are ignored.
std::vector<model::Marker> save_markers(Context& ctx, const model::Account& member,
                                        const std::vector<MarkerUpdate>& updates);

}  // namespace agora::services
