#include "activitypub/note.h"

#include "activitypub/actor.h"
#include "activitypub/context.h"
#include "core/time.h"

namespace agora::activitypub {

namespace json = boost::json;

namespace {

std::string followers_of(const model::Account& a) {
  return a.followers_url.empty() ? a.uri + "/followers" : a.followers_url;
}

// "@alice@example.org", with our own domain for local accounts, as Mastodon's pretty_acct.
std::string mention_name(const model::Account& a, const std::string& domain) {
  return "@" + a.username + "@" + (a.local() ? domain : a.domain);
}

json::array tags(const model::StatusView& v, const std::string& domain, const entities::RenderContext& rc) {
  json::array out;
  for (const auto& m : v.mentions)
    out.push_back(json::object{{"type", "Mention"}, {"href", m->uri}, {"name", mention_name(*m, domain)}});
  for (const auto& t : v.tags)
    out.push_back(json::object{{"type", "Hashtag"}, {"href", rc.base_url + "/tags/" + t.name}, {"name", "#" + t.name}});
  for (const auto& e : v.emojis) out.push_back(emoji_tag(e, rc));
  return out;
}

json::array attachments(const model::StatusView& v, const entities::RenderContext& rc) {
  json::array out;
  for (const auto& m : v.media) {
    json::object a{{"type", "Document"},
                   {"mediaType", m.content_type},
                   {"url", m.file_key.empty() ? m.remote_url : rc.media_url(m.file_key)},
                   {"name", m.description ? json::value(*m.description) : json::value(nullptr)}};
    if (m.blurhash) a["blurhash"] = *m.blurhash;
    if (m.focus_x && m.focus_y) a["focalPoint"] = json::array{*m.focus_x, *m.focus_y};
    if (m.width && m.height) {
      a["width"] = *m.width;
      a["height"] = *m.height;
    }
    out.push_back(std::move(a));
  }
  return out;
}

// Mastodon's tag: URI for a conversation started here.
std::string conversation_uri(const model::Status& s, const std::string& domain) {
  return "tag:" + domain + "," + format_date(s.created_at) + ":objectId=" + std::to_string(*s.conversation_id) +
         ":objectType=Conversation";
}

void add_poll(json::object& o, const model::PollView& p) {
  json::array options;
  for (size_t i = 0; i < p.poll.options.size(); ++i)
    options.push_back(json::object{
        {"type", "Note"},
        {"name", p.poll.options[i]},
        {"replies", json::object{{"type", "Collection"},
                                 {"totalItems", i < p.poll.tallies.size() ? p.poll.tallies[i] : 0}}}});
  if (p.poll.expires_at) o[p.expired ? "closed" : "endTime"] = timestamp(*p.poll.expires_at);
  if (p.poll.voters_count) o["votersCount"] = *p.poll.voters_count;
  o[p.poll.multiple ? "anyOf" : "oneOf"] = std::move(options);
}

}  // namespace

Audience audience(const model::StatusView& v) {
  Audience out;
  const auto& author = *v.account;
  switch (v.status.visibility) {
    case model::Visibility::public_:
      out.to.push_back(json::value(kPublic));
      out.cc.push_back(json::value(followers_of(author)));
      break;
    case model::Visibility::unlisted:
      out.to.push_back(json::value(followers_of(author)));
      out.cc.push_back(json::value(kPublic));
      break;
    case model::Visibility::private_:
      out.to.push_back(json::value(followers_of(author)));
      break;
    case model::Visibility::direct:
    case model::Visibility::limited:
      break;
  }
  bool direct = v.status.visibility == model::Visibility::direct || v.status.visibility == model::Visibility::limited;
  for (const auto& m : v.mentions) (direct ? out.to : out.cc).push_back(json::value(m->uri));
  return out;
}

json::object note(const model::StatusView& v, const NoteLinks& links, const entities::RenderContext& rc) {
  const auto& s = v.status;
  auto who = audience(v);
  json::object o;
  o["id"] = s.uri;
  o["type"] = v.poll ? "Question" : "Note";
  o["summary"] = s.spoiler_text.empty() ? json::value(nullptr) : json::value(s.spoiler_text);
  o["inReplyTo"] = links.in_reply_to_uri ? json::value(*links.in_reply_to_uri) : json::value(nullptr);
  o["published"] = timestamp(s.created_at);
  o["url"] = s.url;
  o["attributedTo"] = v.account->uri;
  o["to"] = std::move(who.to);
  o["cc"] = std::move(who.cc);
  o["sensitive"] = s.sensitive;
  o["atomUri"] = s.uri;
  o["inReplyToAtomUri"] = o["inReplyTo"];
  if (s.conversation_id) o["conversation"] = conversation_uri(s, links.domain);
  o["content"] = s.content;
  if (s.language) o["contentMap"] = json::object{{*s.language, s.content}};
  if (s.edited_at) o["updated"] = timestamp(*s.edited_at);
  o["attachment"] = attachments(v, rc);
  o["tag"] = tags(v, links.domain, rc);
  o["replies"] = json::object{{"id", s.uri + "/replies"},
                              {"type", "Collection"},
                              {"first", json::object{{"type", "CollectionPage"},
                                                     {"next", s.uri + "/replies?only_other_accounts=true&page=true"},
                                                     {"partOf", s.uri + "/replies"},
                                                     {"items", json::array{}}}}};
  o["likes"] = json::object{{"id", s.uri + "/likes"}, {"type", "Collection"}, {"totalItems", s.favourites_count}};
  o["shares"] = json::object{{"id", s.uri + "/shares"}, {"type", "Collection"}, {"totalItems", s.reblogs_count}};
  if (v.poll) add_poll(o, *v.poll);
  return o;
}

json::object note_document(const model::StatusView& v, const NoteLinks& links, const entities::RenderContext& rc) {
  json::object o{{"@context", note_context()}};
  for (auto& [k, value] : note(v, links, rc)) o[k] = value;
  return o;
}

}  // namespace agora::activitypub
