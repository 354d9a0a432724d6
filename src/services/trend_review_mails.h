// Mastodon's Trends.request_review! (Scheduler::Trends::ReviewNotificationsScheduler,
// every six hours): the tags and statuses trending now that nobody reviewed
// and nobody was asked about yet are mailed (AdminMailer#new_trends) to the
// staff who review trends and kept that mail on; each item once. Nothing
// while trendable_by_default lets unreviewed items trend anyway.
#pragma once
#include <cstdint>

#include "services/context.h"

namespace agora::services::trend_review_mails {

inline constexpr const char* kJobKind = "trend_review_mails";
inline constexpr int64_t kCheckEveryMs = 6LL * 3600 * 1000;
// How far down the trends a candidate may be (the public trends' largest page).
inline constexpr int kCandidates = 20;

// Makes sure a trend_review_mails job waits (at start of a server or worker).
void schedule(Context& ctx);
// The job: asks for the reviews due, then schedules the next look.
void run(Context& ctx, int64_t now);

}  // namespace agora::services::trend_review_mails
