#include "services/archives.h"

#include <algorithm>
#include <boost/json.hpp>
#include <set>

#include "core/crypto.h"
#include "core/errors.h"
#include "core/time.h"
#include "core/zip_writer.h"
#include "jobs/queue.h"
#include "media/storage.h"
#include "services/actor_documents.h"
#include "services/render_context.h"
#include "services/storage.h"
#include "store/accounts.h"
#include "store/exports.h"

namespace agora::services {

namespace json = boost::json;
namespace archives_store = store::account_archives;

namespace {

constexpr int64_t kRequestIntervalMs = 7LL * 24 * 3600 * 1000;  // Mastodon: one archive a week
constexpr size_t kMaxArchiveBytes = 1024ULL * 1024 * 1024;
constexpr int kPageSize = 40;

json::object collection(const std::string& id, json::array items) {
  json::object o{{"@context", "https://www.w3.org/ns/activitystreams"}, {"id", id}, {"type", "OrderedCollection"}};
  o["totalItems"] = items.size();
  o["orderedItems"] = std::move(items);
  return o;
}

json::array strings(const std::vector<std::string>& values) {
  json::array out;
  for (const auto& v : values) out.push_back(json::string(v));
  return out;
}

std::string extension_of(const std::string& key) {
  auto slash = key.rfind('/');
  auto dot = key.rfind('.');
  return dot == std::string::npos || (slash != std::string::npos && dot < slash) ? "" : key.substr(dot);
}

// The zip being written, with each stored file added once under its path.
class ArchiveFiles {
 public:
  explicit ArchiveFiles(const media::Storage& storage) : storage_(storage) {}

  // Copies a stored file into the archive; false when it cannot be read.
  bool copy(const std::string& key, const std::string& path) {
    if (added_.contains(path)) return true;
    auto bytes = storage_.read(key);
    if (!bytes) return false;
    zip_.add(path, std::move(*bytes), false);
    added_.insert(path);
    return true;
  }
  void add_json(const std::string& path, const json::value& document) { zip_.add(path, json::serialize(document)); }
  std::string finish() { return zip_.finish(); }

 private:
  const media::Storage& storage_;
  ZipWriter zip_;
  std::set<std::string> added_;
};

void point_image_at(json::object& actor, const char* field, const std::string& path) {
  auto it = actor.find(field);
  if (it != actor.end() && it->value().is_object()) it->value().as_object()["url"] = path;
}

// Attachment URLs of an activity's object rewritten to the copies in the archive.
void point_media_at_copies(json::object& activity, const model::StatusView& view, const entities::RenderContext& rc,
                           ArchiveFiles& files) {
  auto object = activity.find("object");
  if (object == activity.end() || !object->value().is_object()) return;
  auto attachments = object->value().as_object().find("attachment");
  if (attachments == object->value().as_object().end() || !attachments->value().is_array()) return;
  for (const auto& m : view.media) {
    if (m.file_key.empty()) continue;
    std::string path = "media_attachments/files/" + m.file_key;
    if (!files.copy(m.file_key, path)) continue;
    for (auto& a : attachments->value().as_array())
      if (a.is_object() && a.as_object().contains("url") && a.as_object()["url"] == json::value(rc.media_url(m.file_key)))
        a.as_object()["url"] = path;
  }
}

json::array outbox_items(Context& ctx, const model::Account& account, ArchiveFiles& files) {
  auto rc = render_context(ctx);
  json::array items;
  model::PageRequest page;
  page.limit = kPageSize;
  while (true) {
    auto batch = outbox(ctx, account, page, account.id);
    for (const auto& f : batch.items) {
      auto item = outbox_activity(f, ctx);
      if (!f.view.reblog) point_media_at_copies(item, f.view, rc, files);
      items.push_back(std::move(item));
    }
    if (!batch.next_max_id) break;
    page.max_id = batch.next_max_id;
  }
  std::reverse(items.begin(), items.end());  // oldest first, as Mastodon writes it
  return items;
}

std::string archive_key(const model::Account& account) {
  std::string stamp = format_iso8601(now_ms()).substr(0, 19);
  stamp.erase(std::remove_if(stamp.begin(), stamp.end(), [](char c) { return c == '-' || c == ':' || c == 'T'; }),
              stamp.end());
  return "archives/" + std::to_string(account.id) + "/" + crypto::hex(crypto::random_bytes(16)) + "/archive-" + stamp + ".zip";
}

}  // namespace

archives_store::Archive request_archive(Context& ctx, const model::Account& member) {
  auto lease = ctx.db.acquire();
  int64_t id = 0;
  store::in_transaction(*lease, [&] {
    auto existing = archives_store::of_account(*lease, member.id);
    if (!existing.empty() && existing.front().created_at > now_ms() - kRequestIntervalMs)
      throw Error::unprocessable("You can request an archive once every 7 days.");
    id = archives_store::insert(*lease, member.id, now_ms());
    jobs::enqueue(*lease, {kArchiveJobKind, {{"archive_id", id}}, "default", 0, 5});
  });
  return *archives_store::find(*lease, id);
}

std::vector<archives_store::Archive> archives(Context& ctx, const model::Account& member) {
  auto lease = ctx.db.acquire();
  return archives_store::of_account(*lease, member.id);
}

void build_archive(Context& ctx, int64_t archive_id) {
  std::optional<archives_store::Archive> archive;
  std::optional<model::Account> account;
  json::object actor;
  std::vector<std::string> likes;
  std::vector<store::exports::Bookmark> bookmarks;
  {
    auto lease = ctx.db.acquire();
    archive = archives_store::find(*lease, archive_id);
    if (!archive || archive->state != "queued") return;
    account = store::accounts::find(*lease, archive->account_id);
    if (!account) return;
    actor = local_actor_document(*lease, ctx, *account);
    likes = store::exports::favourite_uris(*lease, account->id);
    bookmarks = store::exports::bookmarks(*lease, account->id);
  }
  auto storage = file_storage(ctx);
  ArchiveFiles files(*storage);
  if (!account->avatar_file.empty() && files.copy(account->avatar_file, "avatar" + extension_of(account->avatar_file)))
    point_image_at(actor, "icon", "avatar" + extension_of(account->avatar_file));
  if (!account->header_file.empty() && files.copy(account->header_file, "header" + extension_of(account->header_file)))
    point_image_at(actor, "image", "header" + extension_of(account->header_file));
  files.add_json("actor.json", actor);
  files.add_json("outbox.json", collection("outbox.json", outbox_items(ctx, *account, files)));
  files.add_json("likes.json", collection("likes.json", strings(likes)));
  std::vector<std::string> bookmark_uris;
  for (const auto& b : bookmarks) bookmark_uris.push_back(b.uri);
  files.add_json("bookmarks.json", collection("bookmarks.json", strings(bookmark_uris)));
  std::string zip = files.finish();

  std::string key = archive_key(*account);
  storage->put(key, zip, "application/zip");
  std::vector<archives_store::Archive> older;
  auto lease = ctx.db.acquire();
  store::in_transaction(*lease, [&] {
    archives_store::finish(*lease, archive_id, "done", key, static_cast<int64_t>(zip.size()), now_ms());
    for (const auto& a : archives_store::of_account(*lease, account->id))
      if (a.id != archive_id && a.state != "queued") {
        older.push_back(a);
        archives_store::remove(*lease, a.id);
      }
  });
  for (const auto& a : older)
    if (!a.storage_key.empty()) storage->remove(a.storage_key);
}

std::string archive_bytes(Context& ctx, const model::Account& member, int64_t archive_id) {
  std::optional<archives_store::Archive> archive;
  {
    auto lease = ctx.db.acquire();
    archive = archives_store::find(*lease, archive_id);
  }
  if (!archive || archive->account_id != member.id || archive->state != "done") throw Error::not_found();
  auto bytes = file_storage(ctx)->read(archive->storage_key, kMaxArchiveBytes);
  if (!bytes) throw Error::not_found();
  return std::move(*bytes);
}

}  // namespace agora::services
