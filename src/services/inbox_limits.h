// How much one remote domain may post to our inboxes: a flood from one
// domain (however many actors it signs as) is turned away with 429 and
// Retry-After while every other domain is served as usual. Only deliveries
// whose signature was verified count, so a request forging another domain's
// keyId cannot spend that domain's budget; a domain already over it is
// refused before its key is looked up or fetched. Counted in fixed windows in
// this process's memory, as the other rate limits.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "http/request.h"

namespace agora::services::inbox_limits {

inline constexpr int64_t kPerDomain = 1000;
inline constexpr int64_t kPeriodMs = 5 * 60 * 1000;

// Seconds until the domain the request's signature claims may deliver again,
// when it is over its budget (reads only).
std::optional<int64_t> claimed_domain_waits(const http::Request& request, int64_t now);
// Counts one verified delivery from `domain`: seconds to wait when it is over the budget.
std::optional<int64_t> count(const std::string& domain, int64_t now);

}  // namespace agora::services::inbox_limits
