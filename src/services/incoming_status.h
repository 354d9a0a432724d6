// Turning a remote Note (or Question, Article, Page …) into what
// services/remote_statuses.h stores: sanitized content, the visibility its
// addressing means, and its mentions, tags, parent and poll resolved locally.
#pragma once
#include "activitypub/vocabulary.h"
#include "model/account.h"
#include "services/remote_statuses.h"
#include "store/database.h"

namespace agora::services {

// `base_url`: this instance's, to recognise mentions of local accounts.
remote::IncomingStatus incoming_status(store::Connection& c, const activitypub::Object& o,
                                       const model::Account& author, const std::string& base_url);

}  // namespace agora::services
