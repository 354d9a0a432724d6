// A status as an ActivityPub object (Note, or Question with a poll), and the
// audience (to/cc) its visibility maps to, as Mastodon's NoteSerializer.
#pragma once
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <optional>
#include <string>

#include "entities/render_context.h"
#include "model/status.h"

namespace agora::activitypub {

struct Audience {
  boost::json::array to, cc;
};
// public: to Public, cc followers; unlisted: to followers, cc Public;
// private: to followers; direct: only the mentioned. Mentions go in cc (to for direct).
Audience audience(const model::StatusView& v);

struct NoteLinks {
  std::optional<std::string> in_reply_to_uri;  // the parent's ActivityPub id
  std::string domain;                          // for the conversation tag URI
};

// The object alone (for GET of its id), without @context.
boost::json::object note(const model::StatusView& v, const NoteLinks& links, const entities::RenderContext& rc);
// The same with the @context, as served at the status's id.
boost::json::object note_document(const model::StatusView& v, const NoteLinks& links,
                                  const entities::RenderContext& rc);

}  // namespace agora::activitypub
