// The activities this server sends, with the ids and audiences Mastodon uses,
// so that a later Undo or Delete names the same thing.
#pragma once
#include <boost/json/object.hpp>
#include <string>
#include <vector>

#include "activitypub/note.h"
#include "model/account.h"

namespace agora::activitypub {

// Create/Update of a status; `object` is note(...) without @context.
boost::json::object create_note(const model::StatusView& v, boost::json::object object);
boost::json::object update_note(const model::StatusView& v, boost::json::object object);
// Delete of a status, as a Tombstone, to everyone who may have seen it.
boost::json::object delete_note(const model::StatusView& v);
// A boost, and its undoing. `boost` is the reblog status; `original_author` that of the boosted one.
boost::json::object announce(const model::StatusView& boost, const std::string& original_uri,
                             const model::Account& original_author);
boost::json::object undo_announce(const model::StatusView& boost, const std::string& original_uri,
                                  const model::Account& original_author);

// `follow_uri`: the Follow's id (ours for an outgoing one, theirs for one we accept or reject).
boost::json::object follow(const std::string& follow_uri, const model::Account& follower, const model::Account& target);
boost::json::object undo_follow(const std::string& follow_uri, const model::Account& follower,
                                const model::Account& target);
boost::json::object accept_follow(int64_t follow_id, const std::string& follow_uri, const model::Account& follower,
                                  const model::Account& target);
boost::json::object reject_follow(int64_t follow_id, const std::string& follow_uri, const model::Account& follower,
                                  const model::Account& target);

boost::json::object like(int64_t like_key, const model::Account& account, const std::string& status_uri,
                         const model::Account& status_author);
boost::json::object undo_like(int64_t like_key, const model::Account& account, const std::string& status_uri,
                              const model::Account& status_author);

boost::json::object block(const std::string& block_uri, const model::Account& account, const model::Account& target);
boost::json::object undo_block(const std::string& block_uri, const model::Account& account,
                               const model::Account& target);

// Update of the actor itself (profile edits), and Delete of the whole actor.
boost::json::object update_actor(const model::Account& a, boost::json::object actor_document);
boost::json::object delete_actor(const model::Account& a);

// A vote on a remote poll, as Mastodon sends it: Create of a Note with the option as name.
boost::json::object poll_vote(const std::string& vote_id, const model::Account& voter, const std::string& poll_uri,
                              const model::Account& poll_author, const std::string& option);

// A report forwarded to the reported account's server, sent as the instance
// actor `actor_uri`: the account and the reported statuses as objects.
boost::json::object flag(const std::string& flag_uri, const std::string& actor_uri, const model::Account& target,
                         const std::vector<std::string>& status_uris, const std::string& comment);

// Move from `a` to `target` (account migration), to a's followers.
boost::json::object move(const model::Account& a, const model::Account& target);

}  // namespace agora::activitypub
