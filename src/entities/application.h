// Mastodon's Application entity (what GET /api/v1/apps/verify_credentials
// shows) and CredentialApplication (the answer to POST /api/v1/apps, the only
// time the client secret is shown).
#pragma once
#include <boost/json/object.hpp>
#include <string>

#include "model/oauth.h"

namespace agora::entities {

// `vapid_key`: the server's Web Push key (deprecated here since Mastodon 4.3).
boost::json::object application(const model::OAuthApplication& app, const std::string& vapid_key);
boost::json::object credential_application(const model::OAuthApplication& app, const std::string& vapid_key);

}  // namespace agora::entities
