#include "services/account_emojis.h"

#include <boost/json.hpp>

#include "text/emoji.h"

namespace agora::services {

namespace {

namespace json = boost::json;

void add(std::vector<std::string>& out, std::string_view text) {
  auto codes = text::custom_emoji_shortcodes(text);
  out.insert(out.end(), codes.begin(), codes.end());
}

// Field names and values from stored JSON ([{name, value, …}]), tolerating anything else.
void add_fields(std::vector<std::string>& out, const std::string& stored) {
  std::error_code ec;
  json::value parsed = json::parse(stored, ec);
  if (ec || !parsed.is_array()) return;
  for (const auto& f : parsed.as_array()) {
    if (!f.is_object()) continue;
    for (const char* key : {"name", "value"})
      if (const auto* v = f.as_object().if_contains(key); v && v->is_string()) add(out, v->as_string());
  }
}

}  // namespace

std::vector<std::string> account_emoji_shortcodes(const model::Account& a) {
  // As Mastodon's emojifiable_text: what the member typed for local accounts, the stored HTML for remote ones.
  std::vector<std::string> out;
  add(out, a.display_name);
  add(out, a.local() ? a.note_source : a.note);
  add_fields(out, a.local() ? a.fields_source_json : a.fields_json);
  return out;
}

void want_account_emojis(EmojiLookup& lookup, const model::Account& a) {
  if (!a.suspended_at) lookup.want(a.domain, account_emoji_shortcodes(a));
}

void take_account_emojis(const EmojiLookup& lookup, model::Account& a) {
  a.emojis = a.suspended_at ? std::vector<model::CustomEmoji>{} : lookup.pick(a.domain, account_emoji_shortcodes(a));
}

void attach_emojis(store::Connection& c, std::vector<model::Account>& accounts) {
  EmojiLookup lookup;
  for (const auto& a : accounts) want_account_emojis(lookup, a);
  lookup.load(c);
  for (auto& a : accounts) take_account_emojis(lookup, a);
}

void attach_emojis(store::Connection& c, model::Account& account) {
  EmojiLookup lookup;
  want_account_emojis(lookup, account);
  lookup.load(c);
  take_account_emojis(lookup, account);
}

}  // namespace agora::services
