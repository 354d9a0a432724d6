#include "services/filter_matching.h"

#include <algorithm>
#include <optional>
#include <string>

#include "core/utf8.h"
#include "text/unicode.h"

namespace agora::services {

namespace {

// Text as lower-cased code points, with each one's byte offset in the
// original (plus the end), so a match can be cut out as written.
struct FoldedText {
  std::u32string chars;
  std::u32string original;  // the code points as written, for word boundaries
  std::vector<size_t> offsets;
};

FoldedText fold(std::string_view s) {
  FoldedText out;
  size_t pos = 0;
  char32_t cp;
  out.offsets.push_back(0);
  while (next_codepoint(s, pos, cp)) {
    out.original.push_back(cp);
    out.chars.push_back(text::to_lower(cp));
    out.offsets.push_back(pos);
  }
  return out;
}

struct CompiledKeyword {
  std::u32string folded;
  bool boundary_before = false;  // \b only where the keyword's edge is a word character
  bool boundary_after = false;
};

CompiledKeyword compile(const model::FilterKeyword& k) {
  CompiledKeyword out;
  auto f = fold(k.keyword);
  out.folded = std::move(f.chars);
  if (k.whole_word && !f.original.empty()) {
    out.boundary_before = text::is_word_char(f.original.front());
    out.boundary_after = text::is_word_char(f.original.back());
  }
  return out;
}

// The first position (in code points) where `k` matches, if any.
std::optional<size_t> find_keyword(const FoldedText& text, const CompiledKeyword& k) {
  if (k.folded.empty()) return std::nullopt;
  const auto& t = text.chars;
  for (size_t at = t.find(k.folded); at != std::u32string::npos; at = t.find(k.folded, at + 1)) {
    size_t end = at + k.folded.size();
    if (k.boundary_before && at > 0 && text::is_word_char(text.original[at - 1])) continue;
    if (k.boundary_after && end < t.size() && text::is_word_char(text.original[end])) continue;
    return at;
  }
  return std::nullopt;
}

// As Ruby's Regexp.union(keywords).match: the leftmost match, the earlier
// keyword when two start at the same place.
std::optional<std::string> first_keyword_match(const FoldedText& text, const std::vector<model::FilterKeyword>& keywords,
                                               std::string_view original) {
  std::optional<size_t> best_at;
  size_t best_length = 0;
  for (const auto& k : keywords) {
    auto compiled = compile(k);
    auto at = find_keyword(text, compiled);
    if (at && (!best_at || *at < *best_at)) {
      best_at = at;
      best_length = compiled.folded.size();
    }
  }
  if (!best_at) return std::nullopt;
  size_t from = text.offsets[*best_at], to = text.offsets[*best_at + best_length];
  return std::string(original.substr(from, to - from));
}

}  // namespace

std::vector<model::FilterResult> match_filters(const std::vector<model::Filter>& active_filters,
                                               std::string_view context, const model::Status& status,
                                               std::string_view searchable_text) {
  std::vector<model::FilterResult> out;
  std::optional<FoldedText> text;  // folded once, when a filter has keywords
  for (const auto& f : active_filters) {
    if (std::find(f.context.begin(), f.context.end(), context) == f.context.end()) continue;
    model::FilterResult r;
    if (!f.keywords.empty()) {
      if (!text) text = fold(searchable_text);
      if (auto m = first_keyword_match(*text, f.keywords, searchable_text)) r.keyword_matches.push_back(*m);
    }
    for (auto id : {std::optional<int64_t>(status.id), status.reblog_of_id}) {
      if (!id) continue;
      bool listed = std::any_of(f.statuses.begin(), f.statuses.end(),
                                [&](const model::FilterStatus& s) { return s.status_id == *id; });
      if (listed) r.status_matches.push_back(std::to_string(*id));
    }
    if (r.keyword_matches.empty() && r.status_matches.empty()) continue;
    r.filter = f;
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace agora::services
