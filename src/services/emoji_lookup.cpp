#include "services/emoji_lookup.h"

#include "store/custom_emojis.h"

namespace agora::services {

void EmojiLookup::want(const std::string& domain, const std::vector<std::string>& shortcodes) {
  if (shortcodes.empty()) return;
  wanted_[domain].insert(shortcodes.begin(), shortcodes.end());
}

void EmojiLookup::load(store::Connection& c) {
  for (const auto& [domain, codes] : wanted_) {
    std::vector<std::string> list(codes.begin(), codes.end());
    auto found = domain.empty() ? store::custom_emojis::find_local_by_shortcodes(c, list)
                                : store::custom_emojis::find_cached_remote(c, domain, list);
    for (auto& e : found) found_.emplace(std::pair{domain, e.shortcode}, std::move(e));
  }
  wanted_.clear();
}

std::vector<model::CustomEmoji> EmojiLookup::pick(const std::string& domain,
                                                  const std::vector<std::string>& shortcodes) const {
  std::vector<model::CustomEmoji> out;
  std::set<std::string> shown;
  for (const auto& code : shortcodes)
    if (auto e = found_.find({domain, code}); e != found_.end() && shown.insert(code).second) out.push_back(e->second);
  return out;
}

}  // namespace agora::services
