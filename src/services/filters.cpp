#include "services/filters.h"

#include <algorithm>
#include <charconv>

#include "core/errors.h"
#include "core/snowflake.h"
#include "core/time.h"
#include "services/stream_events.h"
#include "services/validation.h"
#include "store/filters.h"

namespace agora::services {

namespace {

constexpr const char* kContexts[] = {"home", "notifications", "public", "thread", "account"};
// Far enough for any real expiry, short of overflowing milliseconds.
constexpr int64_t kMaxExpiresInSeconds = 100LL * 365 * 24 * 3600;

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n\f\v") == std::string::npos; }

std::string strip(const std::string& s) {
  auto first = s.find_first_not_of(" \t\r\n\f\v");
  if (first == std::string::npos) return {};
  auto last = s.find_last_not_of(" \t\r\n\f\v");
  return s.substr(first, last - first + 1);
}

std::optional<int64_t> expires_at(const std::optional<int64_t>& seconds, int64_t now) {
  if (!seconds) return std::nullopt;
  return now + std::clamp(*seconds, -kMaxExpiresInSeconds, kMaxExpiresInSeconds) * 1000;
}

// The filter's own attributes, as CustomFilter assigns and normalizes them.
void assign(model::Filter& f, const FilterChanges& changes, int64_t now) {
  if (changes.action) {
    const auto& a = *changes.action;
    if (a != "warn" && a != "hide" && a != "blur")
      throw Error::unprocessable("'" + a + "' is not a valid action");  // Rails' enum ArgumentError
    f.action = a;
  }
  if (changes.title) f.title = *changes.title;
  if (changes.context) {
    f.context.clear();
    for (const auto& c : *changes.context)
      if (auto s = strip(c); !s.empty()) f.context.push_back(s);
  }
  if (changes.expires_in) f.expires_at = expires_at(*changes.expires_in, now);
}

// CustomFilter's validations, in Mastodon's order.
void validate_filter(const model::Filter& f, Validation& v) {
  if (blank(f.title)) v.add("title", "Title", "ERR_BLANK", "can't be blank");
  if (f.context.empty()) v.add("context", "Context", "ERR_BLANK", "can't be blank");
  bool known = std::all_of(f.context.begin(), f.context.end(), [](const std::string& c) {
    return std::find(std::begin(kContexts), std::end(kContexts), c) != std::end(kContexts);
  });
  if (f.context.empty() || !known) v.add("context", "Context", "ERR_INVALID", "none or invalid context supplied");
}

// keywords_attributes applied to `f.keywords`: updates in place, marks
// destroyed ones (returned), appends new ones with id 0.
std::vector<int64_t> apply_keywords(model::Filter& f, const std::vector<KeywordAttributes>& list, Validation& v) {
  std::vector<int64_t> destroyed;
  bool blank_keyword = false;
  for (const auto& a : list) {
    if (a.id) {
      auto it = std::find_if(f.keywords.begin(), f.keywords.end(),
                             [&](const model::FilterKeyword& k) { return k.id == *a.id; });
      if (it == f.keywords.end()) throw Error::not_found();
      if (a.destroy) {
        destroyed.push_back(it->id);
        f.keywords.erase(it);
        continue;
      }
      if (a.keyword) it->keyword = *a.keyword;
      if (a.whole_word) it->whole_word = *a.whole_word;
      blank_keyword |= blank(it->keyword);
      continue;
    }
    if (a.destroy || a.all_blank) continue;  // Rails builds nothing for these
    model::FilterKeyword k;
    k.keyword = a.keyword.value_or("");
    k.whole_word = a.whole_word.value_or(true);
    blank_keyword |= blank(k.keyword);
    f.keywords.push_back(std::move(k));
  }
  if (blank_keyword) v.add("keywords.keyword", "Keywords keyword", "ERR_BLANK", "can't be blank");
  return destroyed;
}

model::Filter owned(store::Connection& c, const model::Account& owner, int64_t filter_id) {
  auto f = store::filters::find(c, owner.id, filter_id);
  if (!f) throw Error::not_found();
  return *f;
}

// Saves `f` and its keywords (new ones get their ids here).
void save_keywords(store::Connection& c, model::Filter& f, const std::vector<int64_t>& destroyed, int64_t now) {
  for (int64_t id : destroyed) store::filters::remove_keyword(c, id);
  for (auto& k : f.keywords) {
    if (k.id == 0) {
      k.id = next_id();
      store::filters::insert_keyword(c, f.id, k, now);
    } else {
      store::filters::update_keyword(c, k);
    }
  }
}

model::FilterKeyword validated_keyword(model::FilterKeyword k, const KeywordAttributes& a) {
  if (a.keyword) k.keyword = *a.keyword;
  if (a.whole_word) k.whole_word = *a.whole_word;
  if (blank(k.keyword)) throw Error::unprocessable("Validation failed: Keyword can't be blank");
  return k;
}

store::filters::OwnedKeyword owned_keyword(store::Connection& c, const model::Account& owner, int64_t keyword_id) {
  auto k = store::filters::find_keyword(c, owner.id, keyword_id);
  if (!k) throw Error::not_found();
  return *k;
}

store::filters::OwnedStatus owned_status(store::Connection& c, const model::Account& owner, int64_t id) {
  auto s = store::filters::find_status(c, owner.id, id);
  if (!s) throw Error::not_found();
  return *s;
}

// Ruby's to_i, as Rails casts an integer column.
int64_t to_i(const std::string& text) {
  std::string_view s = text;
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  int64_t value = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  return ec == std::errc() ? value : 0;
}

}  // namespace

std::vector<model::Filter> filters(Context& ctx, const model::Account& owner) {
  auto conn = ctx.db.acquire();
  return store::filters::owned_by(*conn, owner.id);
}

model::Filter filter(Context& ctx, const model::Account& owner, int64_t filter_id) {
  auto conn = ctx.db.acquire();
  return owned(*conn, owner, filter_id);
}

model::Filter create_filter(Context& ctx, const model::Account& owner, const FilterChanges& changes) {
  int64_t now = now_ms();
  model::Filter f;
  f.account_id = owner.id;
  assign(f, changes, now);
  Validation v;
  apply_keywords(f, changes.keywords, v);  // new filter: ids given are unknown (404)
  validate_filter(f, v);
  v.throw_if_failed(false);
  f.id = next_id();
  auto conn = ctx.db.acquire();
  store::in_transaction(*conn, [&] {
    stream_events::filters_changed(*conn, owner.id);
    store::filters::insert(*conn, f, now);
    save_keywords(*conn, f, {}, now);
  });
  return f;
}

model::Filter update_filter(Context& ctx, const model::Account& owner, int64_t filter_id, const FilterChanges& changes) {
  int64_t now = now_ms();
  auto conn = ctx.db.acquire();
  return store::in_transaction(*conn, [&] {
    stream_events::filters_changed(*conn, owner.id);
    auto f = owned(*conn, owner, filter_id);
    assign(f, changes, now);
    Validation v;
    auto destroyed = apply_keywords(f, changes.keywords, v);
    validate_filter(f, v);
    v.throw_if_failed(false);
    store::filters::update(*conn, f, now);
    save_keywords(*conn, f, destroyed, now);
    return f;
  });
}

void delete_filter(Context& ctx, const model::Account& owner, int64_t filter_id) {
  auto conn = ctx.db.acquire();
  if (!store::filters::remove(*conn, owner.id, filter_id)) throw Error::not_found();
  stream_events::filters_changed(*conn, owner.id);
}

std::vector<model::FilterKeyword> filter_keywords(Context& ctx, const model::Account& owner, int64_t filter_id) {
  return filter(ctx, owner, filter_id).keywords;
}

model::FilterKeyword add_filter_keyword(Context& ctx, const model::Account& owner, int64_t filter_id,
                                        const KeywordAttributes& attributes) {
  auto conn = ctx.db.acquire();
  return store::in_transaction(*conn, [&] {
    stream_events::filters_changed(*conn, owner.id);
    auto f = owned(*conn, owner, filter_id);
    auto k = validated_keyword({}, attributes);
    k.id = next_id();
    store::filters::insert_keyword(*conn, f.id, k, now_ms());
    return k;
  });
}

model::FilterKeyword filter_keyword(Context& ctx, const model::Account& owner, int64_t keyword_id) {
  auto conn = ctx.db.acquire();
  return owned_keyword(*conn, owner, keyword_id).keyword;
}

model::FilterKeyword update_filter_keyword(Context& ctx, const model::Account& owner, int64_t keyword_id,
                                           const KeywordAttributes& attributes) {
  auto conn = ctx.db.acquire();
  return store::in_transaction(*conn, [&] {
    stream_events::filters_changed(*conn, owner.id);
    auto k = validated_keyword(owned_keyword(*conn, owner, keyword_id).keyword, attributes);
    store::filters::update_keyword(*conn, k);
    return k;
  });
}

void delete_filter_keyword(Context& ctx, const model::Account& owner, int64_t keyword_id) {
  auto conn = ctx.db.acquire();
  store::filters::remove_keyword(*conn, owned_keyword(*conn, owner, keyword_id).keyword.id);
  stream_events::filters_changed(*conn, owner.id);
}

std::vector<model::FilterStatus> filter_statuses(Context& ctx, const model::Account& owner, int64_t filter_id) {
  return filter(ctx, owner, filter_id).statuses;
}

model::FilterStatus add_filter_status(Context& ctx, const model::Account& owner, int64_t filter_id,
                                      const std::optional<std::string>& status_id) {
  auto conn = ctx.db.acquire();
  return store::in_transaction(*conn, [&] {
    stream_events::filters_changed(*conn, owner.id);
    auto f = owned(*conn, owner, filter_id);
    model::FilterStatus s{next_id(), status_id ? to_i(*status_id) : 0};
    // Mastodon also checks the member may see the status; statuses are not stored yet.
    if (!store::filters::status_exists(*conn, s.status_id))
      throw Error::unprocessable("Validation failed: Status must exist");
    if (!store::filters::insert_status(*conn, f.id, s, now_ms()))
      throw Error::unprocessable("Validation failed: Status has already been taken");
    return s;
  });
}

model::FilterStatus filter_status(Context& ctx, const model::Account& owner, int64_t status_rule_id) {
  auto conn = ctx.db.acquire();
  return owned_status(*conn, owner, status_rule_id).status;
}

void delete_filter_status(Context& ctx, const model::Account& owner, int64_t status_rule_id) {
  auto conn = ctx.db.acquire();
  store::filters::remove_status(*conn, owned_status(*conn, owner, status_rule_id).status.id);
  stream_events::filters_changed(*conn, owner.id);
}

// --- filters v1 ---

namespace {

FilterChanges v2_changes(const V1FilterChanges& c) {
  FilterChanges out;
  out.title = c.phrase;
  out.context = c.context;
  if (c.irreversible) out.action = *c.irreversible ? "hide" : "warn";
  out.expires_in = c.expires_in;
  return out;
}

V1Filter v1_of(store::Connection& c, const model::Account& owner, int64_t keyword_id) {
  auto k = owned_keyword(c, owner, keyword_id);
  return {owned(c, owner, k.filter_id), k.keyword};
}

bool same_filter(const model::Filter& a, const model::Filter& b) {
  return a.title == b.title && a.context == b.context && a.action == b.action && a.expires_at == b.expires_at;
}

}  // namespace

std::vector<V1Filter> v1_filters(Context& ctx, const model::Account& owner) {
  auto conn = ctx.db.acquire();
  auto all = store::filters::owned_by(*conn, owner.id);
  std::vector<V1Filter> out;
  for (const auto& k : store::filters::keywords_of(*conn, owner.id)) {
    auto f = std::find_if(all.begin(), all.end(), [&](const model::Filter& x) { return x.id == k.filter_id; });
    if (f != all.end()) out.push_back({*f, k.keyword});
  }
  return out;
}

V1Filter v1_filter(Context& ctx, const model::Account& owner, int64_t keyword_id) {
  auto conn = ctx.db.acquire();
  return v1_of(*conn, owner, keyword_id);
}

V1Filter create_v1_filter(Context& ctx, const model::Account& owner, const V1FilterChanges& changes) {
  int64_t now = now_ms();
  model::Filter f;
  f.account_id = owner.id;
  assign(f, v2_changes(changes), now);
  Validation v;
  validate_filter(f, v);
  v.throw_if_failed(false);
  auto k = validated_keyword({}, {std::nullopt, changes.phrase, changes.whole_word});
  f.id = next_id();
  k.id = next_id();
  auto conn = ctx.db.acquire();
  store::in_transaction(*conn, [&] {
    stream_events::filters_changed(*conn, owner.id);
    store::filters::insert(*conn, f, now);
    store::filters::insert_keyword(*conn, f.id, k, now);
  });
  f.keywords = {k};
  return {f, k};
}

V1Filter update_v1_filter(Context& ctx, const model::Account& owner, int64_t keyword_id, const V1FilterChanges& changes) {
  int64_t now = now_ms();
  auto conn = ctx.db.acquire();
  return store::in_transaction(*conn, [&] {
    stream_events::filters_changed(*conn, owner.id);
    auto current = v1_of(*conn, owner, keyword_id);
    auto k = validated_keyword(current.keyword, {std::nullopt, changes.phrase, changes.whole_word});
    store::filters::update_keyword(*conn, k);
    auto f = current.filter;
    assign(f, v2_changes(changes), now);
    if (!same_filter(f, current.filter) && store::filters::keyword_count(*conn, f.id) > 1)
      throw Error::unprocessable(
          "These parameters cannot be changed from this application because they apply to more than one filter "
          "keyword. Use a more recent application or the web interface.");
    Validation v;
    validate_filter(f, v);
    v.throw_if_failed(false);
    store::filters::update(*conn, f, now);
    for (auto& existing : f.keywords)
      if (existing.id == k.id) existing = k;
    return V1Filter{f, k};
  });
}

void delete_v1_filter(Context& ctx, const model::Account& owner, int64_t keyword_id) {
  delete_filter_keyword(ctx, owner, keyword_id);
}

}  // namespace agora::services
