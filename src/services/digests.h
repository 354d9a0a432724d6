// The weekly digest (Mastodon's old NotificationMailer#digest and
// EmailScheduler): members who chose it and have been away for more than
// eight days get, at most once a week, a mail with the mentions they
// received since. An `email_digests` job looks for them every hour and
// enqueues itself again.
#pragma once
#include <cstdint>

#include "services/context.h"

namespace agora::services::digests {

inline constexpr const char* kJobKind = "email_digests";
inline constexpr int64_t kFrequencyMs = 7LL * 24 * 3600 * 1000;
inline constexpr int64_t kSignInOffsetMs = 24LL * 3600 * 1000;
inline constexpr int64_t kCheckEveryMs = 3600LL * 1000;

// Makes sure an email_digests job waits (at start of a server or worker).
void schedule(Context& ctx);
// The job: mails every member due, then schedules the next look.
void run(Context& ctx, int64_t now);

}  // namespace agora::services::digests
