// The WebFinger (RFC 7033) answer for a local account, as Mastodon gives it:
// subject acct:, aliases, and the profile page, actor and subscribe links.
#pragma once
#include <boost/json/object.hpp>
#include <string>

#include "model/account.h"

namespace agora::activitypub {

// `domain`: the host part of handles here ("social.example.org").
boost::json::object webfinger(const model::Account& a, const std::string& domain, const std::string& base_url);

}  // namespace agora::activitypub
