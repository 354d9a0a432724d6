#include "entities/status_edit.h"

#include <boost/json.hpp>

#include "core/time.h"
#include "entities/account.h"
#include "entities/custom_emoji.h"
#include "entities/status.h"

namespace agora::entities {

namespace json = boost::json;

json::object status_edit(const model::StatusEditView& v, const RenderContext& rc) {
  const auto& e = v.edit;
  json::object o{{"content", e.content},
                 {"spoiler_text", e.spoiler_text},
                 {"sensitive", e.sensitive},
                 {"created_at", format_iso8601(e.created_at)}};
  if (e.poll_options) {
    json::array options;
    for (const auto& title : *e.poll_options) options.push_back(json::object{{"title", title}});
    o["poll"] = json::object{{"options", options}};
  }
  o["account"] = v.account ? json::value(account(*v.account, rc)) : json::value(nullptr);
  json::array media, emojis;
  for (const auto& m : v.media) media.push_back(media_attachment(m, rc));
  for (const auto& em : v.emojis) emojis.push_back(custom_emoji(em, rc));
  o["media_attachments"] = media;
  o["emojis"] = emojis;
  return o;
}

}  // namespace agora::entities
