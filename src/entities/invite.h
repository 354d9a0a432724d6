// An invite link as agora's /api/v1/invites renders it (Mastodon shows the
// same fields on its /invites page): the link, uses, limits and its creator.
#pragma once
#include <boost/json/object.hpp>

#include "model/invite.h"

namespace agora::entities {

boost::json::object invite(const model::Invite& i, const std::string& base_url, int64_t now_ms);

}  // namespace agora::entities
