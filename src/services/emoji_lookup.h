// Custom emoji as a text may use them: a text by a local author shows our
// enabled emoji, a remote author's text the cached emoji of its own server
// (a remote :blobcat: is never ours). Everything a page needs is gathered
// first and loaded at once, one query per domain, never per text.
#pragma once
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "model/tag.h"
#include "store/database.h"

namespace agora::services {

class EmojiLookup {
 public:
  // `domain` is the author's ("" for local authors).
  void want(const std::string& domain, const std::vector<std::string>& shortcodes);
  void load(store::Connection& c);
  // The loaded emoji among `shortcodes`, each once, in the order of first use.
  std::vector<model::CustomEmoji> pick(const std::string& domain, const std::vector<std::string>& shortcodes) const;

 private:
  std::map<std::string, std::set<std::string>> wanted_;                       // shortcodes by domain
  std::map<std::pair<std::string, std::string>, model::CustomEmoji> found_;  // by (domain, shortcode)
};

}  // namespace agora::services
