// agora media remove [--days N] [--prune-profiles | --remove-headers] | usage |
// refresh [--account ACCT] [--domain D] [--days N]: the cache of remote media,
// as tootctl media remove, usage and refresh.
#include <cctype>
#include <cstdio>
#include <optional>
#include <string>

#include "app/cli.h"
#include "core/time.h"
#include "services/media_refresh.h"
#include "services/remote_media_cache.h"
#include "store/accounts.h"
#include "store/media_cache.h"

namespace agora::app {

namespace {

constexpr int64_t kDayMs = 24LL * 60 * 60 * 1000;

// Rails' number_to_human_size: base 1024, three significant digits, no trailing zeros.
std::string human_size(int64_t bytes) {
  if (bytes < 1024) return std::to_string(bytes) + (bytes == 1 ? " Byte" : " Bytes");
  static constexpr const char* kUnits[] = {"KB", "MB", "GB", "TB", "PB"};
  double value = static_cast<double>(bytes) / 1024;
  size_t unit = 0;
  while (value >= 1024 && unit + 1 < std::size(kUnits)) {
    value /= 1024;
    ++unit;
  }
  int decimals = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  std::string text = buf;
  if (text.find('.') != std::string::npos) {
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
  }
  return text + " " + kUnits[unit];
}

std::optional<int64_t> days_given(const Args& args) {
  auto days = args.get("--days");
  if (!days) return std::nullopt;
  try {
    size_t used = 0;
    long long n = std::stoll(*days, &used);
    if (used == days->size() && n >= 0 && n < 1'000'000) return n;
  } catch (const std::exception&) {
  }
  throw UsageError("--days takes a number of days");
}

int64_t days_option(const Args& args) { return days_given(args).value_or(7); }  // tootctl's default

// --account ACCT (user@domain) / --domain D / --days N: what to download again. Nullopt after saying why.
std::optional<store::media_cache::MissingScope> refresh_scope(const Args& args, store::Connection& c) {
  store::media_cache::MissingScope scope;
  if (auto days = days_given(args)) scope.since = now_ms() - *days * kDayMs;
  if (auto domain = args.get("--domain")) {
    if (domain->empty() || domain->size() > 253) throw UsageError("--domain takes a domain");
    std::string lower = *domain;
    for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    scope.domain = lower;
  }
  if (auto acct = args.get("--account")) {
    std::string handle = acct->starts_with("@") ? acct->substr(1) : *acct;
    auto at = handle.find('@');
    if (at == std::string::npos || at == 0 || at + 1 == handle.size())
      throw UsageError("--account takes a remote account as user@domain");
    auto account = store::accounts::find_by_acct(c, handle.substr(0, at), handle.substr(at + 1));
    if (!account || account->local()) {
      std::fprintf(stderr, "Failure/Error: no remote account %s\n", handle.c_str());
      return std::nullopt;
    }
    scope.account_id = account->id;
  }
  return scope;
}

int refresh(const Args& args, services::Context& ctx) {
  std::optional<store::media_cache::MissingScope> scope;
  {
    auto conn = ctx.db.acquire();
    scope = refresh_scope(args, *conn);
  }
  if (!scope) return 1;
  auto done = services::media_cache::refresh_missing(ctx, *scope);
  std::printf("Downloaded %lld media attachments (approx. %s) and %lld profile images; %lld could not be fetched\n",
              static_cast<long long>(done.attachments), human_size(done.bytes).c_str(),
              static_cast<long long>(done.profile_images), static_cast<long long>(done.failed));
  return 0;
}

void print_usage(const char* kind, const store::media_cache::Usage& u, bool sized) {
  if (sized)
    std::printf("%s:\t%s (%s local), %lld files (%lld local)\n", kind, human_size(u.bytes).c_str(),
                human_size(u.local_bytes).c_str(), static_cast<long long>(u.files),
                static_cast<long long>(u.local_files));
  else
    std::printf("%s:\t%lld files (%lld local)\n", kind, static_cast<long long>(u.files),
                static_cast<long long>(u.local_files));
}

}  // namespace

int command_media(const Args& args) {
  const auto& p = args.positional;
  bool ok = p.size() == 1 && (p[0] == "remove" || p[0] == "usage" || p[0] == "refresh");
  if (!ok)
    throw UsageError(
        "usage: agora media remove [--days N] [--prune-profiles | --remove-headers] | usage"
        " | refresh [--account ACCT] [--domain D] [--days N]");
  bool profiles = args.flag("--prune-profiles"), headers = args.flag("--remove-headers");
  if (p[0] == "usage" && (args.get("--days") || profiles || headers))
    throw UsageError("--days, --prune-profiles and --remove-headers go with media remove");
  bool scoped = args.get("--account") || args.get("--domain");
  if (p[0] != "refresh" && scoped) throw UsageError("--account and --domain go with media refresh");
  if (p[0] == "refresh" && (profiles || headers))
    throw UsageError("--prune-profiles and --remove-headers go with media remove");
  if (p[0] == "refresh" && !scoped && !args.get("--days"))
    throw UsageError("media refresh needs --account, --domain or --days");
  int64_t days = p[0] == "remove" ? days_option(args) : 0;
  Runtime rt = start_runtime(args.get("--config"), RuntimeFor::command);
  services::Context ctx{rt.config, *rt.db};
  if (p[0] == "refresh") return refresh(args, ctx);
  if (p[0] == "usage") {
    auto conn = rt.db->acquire();
    print_usage("Attachments", store::media_cache::attachment_usage(*conn), true);
    print_usage("Custom emoji", store::media_cache::emoji_usage(*conn), false);
    print_usage("Avatars", store::media_cache::avatar_usage(*conn), false);
    print_usage("Headers", store::media_cache::header_usage(*conn), false);
    return 0;
  }
  int64_t cutoff = now_ms() - days * kDayMs;
  // As tootctl: the profile options prune profile images instead of attachments.
  if (profiles || headers) {
    auto removed = services::media_cache::remove_cached_profiles(ctx, cutoff, !profiles);
    std::printf("Removed %lld profile images\n", static_cast<long long>(removed.count));
    return 0;
  }
  auto removed = services::media_cache::remove_cached_attachments(ctx, cutoff);
  std::printf("Removed %lld media attachments (approx. %s)\n", static_cast<long long>(removed.count),
              human_size(removed.bytes).c_str());
  return 0;
}

}  // namespace agora::app
