#include "services/incoming_status.h"

#include "activitypub/parse_vocabulary.h"
#include "core/time.h"
#include "core/utf8.h"
#include "store/accounts.h"
#include "store/statuses.h"
#include "text/html.h"
#include "text/sanitize.h"

namespace agora::services {

namespace {

bool status_like(activitypub::ObjectType t) {
  return t == activitypub::ObjectType::note || t == activitypub::ObjectType::question ||
         t == activitypub::ObjectType::article;
}

std::string link(const std::string& url) {
  std::string escaped = text::escape_html(url);
  return "<a href=\"" + escaped + "\" rel=\"nofollow noopener\" target=\"_blank\">" + escaped + "</a>";
}

// Mastodon shows Notes and Articles as they are; other types (Page, Video,
// Event …) become their title and a link to the original.
std::string content_of(const activitypub::Object& o) {
  std::string html;
  if (status_like(o.kind)) {
    if (o.kind == activitypub::ObjectType::article && !o.name.empty())
      html = "<p><strong>" + text::escape_html(o.name) + "</strong></p>";
    html += o.content;
  } else {
    if (!o.name.empty()) html = "<p>" + text::escape_html(o.name) + "</p>";
    html += o.content;
    std::string url = o.url.empty() ? o.id : o.url;
    html += "<p>" + link(url) + "</p>";
  }
  // A quote is shown as a link when the content does not carry one already.
  if (!o.quote.empty() && o.content.find(o.quote) == std::string::npos)
    html += "<p class=\"quote-inline\">RE: " + link(o.quote) + "</p>";
  return text::sanitize_remote_html(html);
}

std::optional<int64_t> mentioned_account(store::Connection& c, const std::string& href, const std::string& base_url) {
  if (auto a = store::accounts::find_by_uri(c, href)) return a->id;
  std::string profile_prefix = base_url + "/@";
  if (href.starts_with(profile_prefix))
    if (auto a = store::accounts::find_local(c, href.substr(profile_prefix.size()))) return a->id;
  return std::nullopt;
}

// Mastodon keeps up to 4 attachments, typed by their media type.
std::vector<store::remote_media::Attachment> attachments_of(const activitypub::Object& o) {
  constexpr size_t kMaxAttachments = 4;
  std::vector<store::remote_media::Attachment> out;
  for (const auto& a : o.attachments) {
    if (out.size() == kMaxAttachments) break;
    if (a.url.empty() || a.type == "Link") continue;
    std::string kind = a.media_type.starts_with("image/")   ? "image"
                       : a.media_type.starts_with("video/") ? "video"
                       : a.media_type.starts_with("audio/") ? "audio"
                                                             : "unknown";
    store::remote_media::Attachment m{kind, a.media_type, a.url, a.icon_url,
                                      std::string(utf8_prefix(a.description, 1500)), a.blurhash};
    if (a.focal_point) std::tie(m.focus_x, m.focus_y) = *a.focal_point;
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace

remote::IncomingStatus incoming_status(store::Connection& c, const activitypub::Object& o,
                                       const model::Account& author, const std::string& base_url) {
  remote::IncomingStatus in;
  in.uri = o.id;
  in.url = o.url.empty() ? o.id : o.url;
  in.content = content_of(o);
  in.spoiler_text = o.summary.size() > 1000 ? o.summary.substr(0, 1000) : o.summary;
  in.spoiler_text = text::html_to_text(in.spoiler_text);
  in.sensitive = o.sensitive;
  in.visibility = activitypub::derive_visibility(o.to, o.cc, author.followers_url);
  in.language = o.language;
  if (!o.in_reply_to.empty())
    if (auto parent = store::statuses::find_by_uri(c, o.in_reply_to)) in.in_reply_to_id = parent->id;
  for (const auto& m : o.tags.mentions)
    if (auto id = mentioned_account(c, m.href, base_url)) in.mentioned_ids.push_back(*id);
  for (const auto& h : o.tags.hashtags) in.hashtags.push_back(h.name);
  in.emojis = o.tags.emojis;
  if (o.poll) {
    remote::RemotePoll p;
    p.multiple = o.poll->multiple;
    for (const auto& option : o.poll->options) {
      p.options.push_back(option.title);
      p.tallies.push_back(option.votes);
    }
    p.expires_at = o.poll->expires_at;
    if (o.poll->closed && !p.expires_at) p.expires_at = now_ms();  // `closed: true` without a time
    p.voters_count = o.poll->voters_count;
    in.poll = std::move(p);
  }
  in.attachments = attachments_of(o);
  in.published_at = o.published.value_or(0);
  in.edited_at = o.updated;
  return in;
}

}  // namespace agora::services
