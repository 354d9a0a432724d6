#include "services/backup_manifest.h"

#include <boost/json.hpp>

#include <set>

namespace agora::services::backup {

namespace json = boost::json;

namespace {

constexpr size_t kMaxPath = 1024;

std::string text_field(const json::object& o, std::string_view name) {
  const json::value* v = o.if_contains(name);
  if (!v || !v->is_string() || v->as_string().empty())
    throw BackupError("the manifest has no valid \"" + std::string(name) + "\"");
  return std::string(v->as_string());
}

bool is_hex_digest(std::string_view s) {
  if (s.size() != 64) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

bool is_schema_level(std::string_view s) {
  if (s.empty() || s.size() > 8) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

FileEntry parse_entry(const json::value& v) {
  const json::object* o = v.if_object();
  if (!o) throw BackupError("the manifest's file list holds something that is not a file");
  FileEntry e;
  e.path = text_field(*o, "path");
  if (!valid_backup_path(e.path)) throw BackupError("the manifest names a file outside the backup: " + e.path);
  const json::value* size = o->if_contains("size");
  if (!size || !(size->is_int64() || size->is_uint64()) || (size->is_int64() && size->as_int64() < 0))
    throw BackupError("the manifest has no valid size for " + e.path);
  e.size = size->is_uint64() ? size->as_uint64() : static_cast<uint64_t>(size->as_int64());
  e.sha256 = text_field(*o, "sha256");
  if (!is_hex_digest(e.sha256)) throw BackupError("the manifest has no valid SHA-256 for " + e.path);
  return e;
}

}  // namespace

bool valid_backup_path(std::string_view path) {
  if (path.empty() || path.size() > kMaxPath) return false;
  size_t start = 0;
  while (true) {
    size_t end = path.find('/', start);
    std::string_view segment = path.substr(start, end == std::string_view::npos ? path.npos : end - start);
    if (segment.empty() || segment.front() == '.') return false;
    for (char c : segment) {
      bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
                   c == '-' || c == '.';
      if (!plain) return false;
    }
    if (end == std::string_view::npos) return true;
    start = end + 1;
  }
}

std::string render_manifest(const Manifest& m) {
  json::array files;
  for (const auto& f : m.files) files.push_back({{"path", f.path}, {"size", f.size}, {"sha256", f.sha256}});
  json::object o;
  o["format"] = m.format;
  o["agora_version"] = m.agora_version;
  o["schema_level"] = m.schema_level;
  o["database"] = m.database;
  o["media"] = m.media;
  o["created_at"] = m.created_at;
  o["files"] = std::move(files);
  return json::serialize(o) + "\n";
}

Manifest parse_manifest(std::string_view text) {
  json::error_code ec;
  json::value v = json::parse(text, ec);
  if (ec || !v.is_object()) throw BackupError("the manifest is not complete JSON (truncated or damaged)");
  const json::object& o = v.as_object();
  Manifest m;
  const json::value* format = o.if_contains("format");
  if (!format || !format->is_int64()) throw BackupError("the manifest has no format version");
  if (format->as_int64() != kManifestFormat)
    throw BackupError("the backup's format " + std::to_string(format->as_int64()) +
                      " is not one this agora reads (it reads format " + std::to_string(kManifestFormat) + ")");
  m.agora_version = text_field(o, "agora_version");
  m.schema_level = text_field(o, "schema_level");
  if (!is_schema_level(m.schema_level)) throw BackupError("the manifest's schema level is not a migration number");
  m.database = text_field(o, "database");
  if (m.database != "sqlite" && m.database != "postgres")
    throw BackupError("the manifest names an unknown database: " + m.database);
  m.media = text_field(o, "media");
  if (m.media != "files" && m.media != "s3") throw BackupError("the manifest names an unknown media kind: " + m.media);
  m.created_at = text_field(o, "created_at");
  const json::value* files = o.if_contains("files");
  if (!files || !files->is_array()) throw BackupError("the manifest has no file list");
  std::set<std::string> seen;
  for (const auto& f : files->as_array()) {
    FileEntry e = parse_entry(f);
    if (!seen.insert(e.path).second) throw BackupError("the manifest lists a file twice: " + e.path);
    m.files.push_back(std::move(e));
  }
  return m;
}

}  // namespace agora::services::backup
