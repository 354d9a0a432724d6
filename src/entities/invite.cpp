#include "entities/invite.h"

#include <boost/json.hpp>

#include "core/time.h"

namespace agora::entities {

boost::json::object invite(const model::Invite& i, const std::string& base_url, int64_t now_ms) {
  auto optional_time = [](const std::optional<int64_t>& t) {
    return t ? boost::json::value(format_iso8601(*t)) : boost::json::value(nullptr);
  };
  return {{"id", std::to_string(i.id)},
          {"code", i.code},
          {"url", base_url + "/invite/" + i.code},
          {"uses", i.uses},
          {"max_uses", i.max_uses ? boost::json::value(*i.max_uses) : boost::json::value(nullptr)},
          {"expires_at", optional_time(i.expires_at)},
          {"expired", !i.valid_for_use(now_ms)},
          {"autofollow", i.autofollow},
          {"comment", i.comment},
          {"created_at", format_iso8601(i.created_at)},
          {"account", {{"id", std::to_string(i.account_id)}, {"username", i.username}}}};
}

}  // namespace agora::entities
