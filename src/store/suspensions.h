// What suspending, lifting a suspension and deleting an account's data need
// from storage: deletion requests (the 30 days a suspended account's data
// waits), the accounts of a domain and every known inbox.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace agora::store::suspensions {

// Mastodon's AccountDeletionRequest: one per suspended account, dated.
void request_deletion(Connection& c, int64_t account_id, int64_t now);
void cancel_deletion(Connection& c, int64_t account_id);
std::optional<int64_t> deletion_requested_at(Connection& c, int64_t account_id);

// Remote accounts on `domain` or a subdomain of it that are not suspended.
std::vector<int64_t> unsuspended_on_domain(Connection& c, const std::string& domain);
// Remote accounts on `domain` or a subdomain, suspended here at `at` (by a domain block made then).
std::vector<int64_t> suspended_on_domain_at(Connection& c, const std::string& domain, int64_t at);

// Every distinct inbox (shared ones preferred) of the remote accounts known here and not suspended.
std::vector<std::string> known_inboxes(Connection& c);

}  // namespace agora::store::suspensions

namespace agora::store::suspensions {
// What the actor's own server says (Mastodon's toot:suspended): suspended
// with origin remote, or, when the suspension came from there, lifted.
void follow_remote_flag(Connection& c, int64_t account_id, bool suspended, int64_t now);
}  // namespace agora::store::suspensions
