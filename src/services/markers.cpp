#include "services/markers.h"

#include <algorithm>
#include <charconv>

#include "core/errors.h"
#include "core/time.h"
#include "store/markers.h"

namespace agora::services {

namespace {

bool known_timeline(const std::string& t) { return t == "home" || t == "notifications"; }

// Rails casts an integer column with Ruby's to_i: leading digits, else 0;
// blank is nothing at all.
std::optional<int64_t> cast_id(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  std::string_view s = *text;
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n')) s.remove_prefix(1);
  if (s.empty()) return std::nullopt;
  if (s.front() == '+') s.remove_prefix(1);
  int64_t value = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec == std::errc::result_out_of_range) throw Error::unprocessable("Validation failed: Last read is out of range");
  if (ec != std::errc()) return 0;
  return value;
}

}  // namespace

std::vector<model::Marker> markers(Context& ctx, const model::Account& member, const std::vector<std::string>& timelines) {
  std::vector<std::string> wanted;
  for (const auto& t : timelines)
    if (known_timeline(t) && std::find(wanted.begin(), wanted.end(), t) == wanted.end()) wanted.push_back(t);
  if (wanted.empty()) return {};
  auto conn = ctx.db.acquire();
  return store::markers::find(*conn, member.id, wanted);
}

std::vector<model::Marker> save_markers(Context& ctx, const model::Account& member,
                                        const std::vector<MarkerUpdate>& updates) {
  auto conn = ctx.db.acquire();
  return store::in_transaction(*conn, [&] {
    std::vector<model::Marker> out;
    int64_t now = now_ms();
    for (const auto& u : updates) {
      if (!known_timeline(u.timeline)) continue;
      auto id = cast_id(u.last_read_id);
      if (!id) {
        // Saving nothing over an existing marker leaves it as it is.
        auto existing = store::markers::find(*conn, member.id, {u.timeline});
        if (existing.empty()) throw Error::unprocessable("Validation failed: Last read can't be blank");
        out.push_back(existing.front());
        continue;
      }
      out.push_back(store::markers::save(*conn, member.id, u.timeline, *id, now));
    }
    return out;
  });
}

}  // namespace agora::services
