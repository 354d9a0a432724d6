#include "entities/status.h"

#include <boost/json.hpp>

#include "core/time.h"
#include "entities/account.h"
#include "entities/custom_emoji.h"

namespace agora::entities {

namespace json = boost::json;

namespace {

json::value opt_id(const std::optional<int64_t>& id) {
  return id ? json::value(std::to_string(*id)) : json::value(nullptr);
}

json::object mention(const model::Account& a, const json::storage_ptr& sp) {
  return json::object(
      {{"id", std::to_string(a.id)}, {"username", a.username}, {"url", a.url.empty() ? a.uri : a.url}, {"acct", a.acct()}},
      sp);
}

json::object tag(const model::Tag& t, const RenderContext& rc) {
  return json::object({{"name", t.name}, {"url", rc.base_url + "/tags/" + t.name}}, rc.storage);
}

json::array strings(const std::vector<std::string>& items, const json::storage_ptr& sp) {
  json::array out(sp);
  for (const auto& item : items) out.emplace_back(item);
  return out;
}

json::array filter_results(const std::vector<model::FilterResult>& results, const json::storage_ptr& sp) {
  json::array out(sp);
  for (const auto& r : results) {
    json::object filter(
        {
            {"id", std::to_string(r.filter.id)},
            {"title", r.filter.title},
            {"context", nullptr},
            {"expires_at", r.filter.expires_at ? json::value(format_iso8601(*r.filter.expires_at)) : json::value(nullptr)},
            {"filter_action", r.filter.action},
        },
        sp);
    filter["context"] = strings(r.filter.context, sp);
    json::object result(sp);
    result["filter"] = std::move(filter);
    result["keyword_matches"] = strings(r.keyword_matches, sp);
    result["status_matches"] = strings(r.status_matches, sp);
    out.push_back(std::move(result));
  }
  return out;
}

}  // namespace

json::object media_attachment(const model::MediaAttachment& m, const RenderContext& rc) {
  auto url_of = [&](const std::string& key) { return json::value(rc.media_url(key)); };
  std::error_code ec;
  json::value meta = json::parse(m.meta_json, ec, rc.storage);
  if (ec || !meta.is_object()) meta = json::object(rc.storage);
  if (m.focus_x && m.focus_y)
    meta.as_object()["focus"] = json::object({{"x", *m.focus_x}, {"y", *m.focus_y}}, rc.storage);
  // A remote file without a local copy (not yet cached, refused, or removed
  // from the cache) is served through /media_proxy, as Mastodon does.
  json::value url = nullptr, preview = nullptr;
  if (m.file_key.empty() && !m.remote_url.empty()) {
    std::string proxy = rc.base_url + "/media_proxy/" + std::to_string(m.id) + "/";
    url = json::value(proxy + "original");
    preview = json::value(proxy + "small");
  } else {
    if (!m.file_key.empty()) url = url_of(m.file_key);
    if (!m.thumbnail_key.empty()) preview = url_of(m.thumbnail_key);
    else if (!m.preview_key.empty()) preview = url_of(m.preview_key);
  }
  json::object o(
      {{"id", std::to_string(m.id)},
       {"type", m.type},
       {"url", url},
       {"preview_url", preview},
       {"remote_url", m.remote_url.empty() ? json::value(nullptr) : json::value(m.remote_url)},
       {"preview_remote_url", m.thumbnail_remote_url.empty() ? json::value(nullptr) : json::value(m.thumbnail_remote_url)},
       {"text_url", nullptr},
       {"meta", nullptr},
       {"description", m.description ? json::value(*m.description) : json::value(nullptr)},
       {"blurhash", m.blurhash ? json::value(*m.blurhash) : json::value(nullptr)}},
      rc.storage);
  o["meta"] = std::move(meta);
  return o;
}

json::object poll(const model::PollView& v, const json::storage_ptr& sp) {
  const auto& p = v.poll;
  json::array options(sp);
  for (size_t i = 0; i < p.options.size(); ++i) {
    json::value count = nullptr;
    if (v.show_totals) count = i < p.tallies.size() ? p.tallies[i] : 0;
    options.push_back(json::object({{"title", p.options[i]}, {"votes_count", count}}, sp));
  }
  json::object o({
      {"id", std::to_string(p.id)},
      {"expires_at", p.expires_at ? json::value(format_iso8601(*p.expires_at)) : json::value(nullptr)},
      {"expired", v.expired},
      {"multiple", p.multiple},
      {"votes_count", p.votes_count},
      {"voters_count", p.voters_count ? json::value(*p.voters_count) : json::value(nullptr)},
  }, sp);
  if (v.voted) {  // only for a signed-in viewer, before the options as Mastodon orders them
    o["voted"] = *v.voted;
    json::array own(sp);
    if (v.own_votes)
      for (int choice : *v.own_votes) own.push_back(choice);
    o["own_votes"] = std::move(own);
  }
  o["options"] = std::move(options);
  o["emojis"] = json::array(sp);
  return o;
}

json::object status(const model::StatusView& v, const RenderContext& rc) {
  const auto& s = v.status;
  json::object o({
      {"id", std::to_string(s.id)},
      {"created_at", format_iso8601(s.created_at)},
      {"in_reply_to_id", opt_id(s.in_reply_to_id)},
      {"in_reply_to_account_id", opt_id(s.in_reply_to_account_id)},
      {"sensitive", s.sensitive},
      {"spoiler_text", s.spoiler_text},
      {"visibility", model::visibility_name(s.visibility)},
      {"language", s.language ? json::value(*s.language) : json::value(nullptr)},
      {"uri", s.uri},
      {"url", s.url.empty() ? json::value(nullptr) : json::value(s.url)},
      {"replies_count", s.replies_count},
      {"reblogs_count", s.reblogs_count},
      {"favourites_count", s.favourites_count},
      {"edited_at", s.edited_at ? json::value(format_iso8601(*s.edited_at)) : json::value(nullptr)},
  }, rc.storage);
  if (v.viewer) {
    o["favourited"] = v.viewer->favourited;
    o["reblogged"] = v.viewer->reblogged;
    o["muted"] = v.viewer->muted;
    o["bookmarked"] = v.viewer->bookmarked;
    if (v.viewer->pinned) o["pinned"] = *v.viewer->pinned;
    o["filtered"] = filter_results(v.filtered, rc.storage);
  }
  o["content"] = s.content;
  o["reblog"] = v.reblog ? json::value(status(*v.reblog, rc)) : json::value(nullptr);
  if (v.application)
    o["application"] = json::object(
        {{"name", v.application->name},
         {"website", v.application->website ? json::value(*v.application->website) : json::value(nullptr)}},
        rc.storage);
  o["account"] = v.account ? json::value(account(*v.account, rc)) : json::value(nullptr);
  json::array media(rc.storage), mentions(rc.storage), tags(rc.storage), emojis(rc.storage);
  for (const auto& m : v.media) media.push_back(media_attachment(m, rc));
  for (const auto& a : v.mentions) mentions.push_back(mention(*a, rc.storage));
  for (const auto& t : v.tags) tags.push_back(tag(t, rc));
  for (const auto& e : v.emojis) emojis.push_back(custom_emoji(e, rc));
  o["media_attachments"] = std::move(media);
  o["mentions"] = std::move(mentions);
  o["tags"] = std::move(tags);
  o["emojis"] = std::move(emojis);
  o["card"] = nullptr;
  o["poll"] = v.poll ? json::value(poll(*v.poll, rc.storage)) : json::value(nullptr);
  return o;
}

}  // namespace agora::entities
