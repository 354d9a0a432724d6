#include "media/tar_reader.h"

#include <archive.h>
#include <archive_entry.h>

#include <memory>

namespace agora::media {

namespace {

struct ArchiveCloser {
  void operator()(archive* a) const { archive_read_free(a); }
};

[[noreturn]] void fail(archive* a, const std::string& what) {
  const char* reason = archive_error_string(a);
  throw TarError(what + (reason ? std::string(": ") + reason : std::string()));
}

}  // namespace

void read_tar_gz(const std::string& path, const TarLimits& limits, const std::function<void(const TarEntry&)>& on_entry) {
  std::unique_ptr<archive, ArchiveCloser> a(archive_read_new());
  if (!a) throw TarError("out of memory");
  archive_read_support_filter_gzip(a.get());
  archive_read_support_format_tar(a.get());  // ustar, pax and GNU tar
  if (archive_read_open_filename(a.get(), path.c_str(), 64 * 1024) != ARCHIVE_OK)
    fail(a.get(), "cannot read " + path);
  size_t count = 0;
  for (;;) {
    archive_entry* e = nullptr;
    int r = archive_read_next_header(a.get(), &e);
    if (r == ARCHIVE_EOF) return;
    if (r < ARCHIVE_WARN) fail(a.get(), "not a readable tar.gz archive");
    if (++count > limits.max_entries)
      throw TarError("more than " + std::to_string(limits.max_entries) + " entries in the archive");
    if (archive_filter_bytes(a.get(), 0) > limits.max_total_bytes)
      throw TarError("the archive unpacks to more than " + std::to_string(limits.max_total_bytes) + " bytes");
    TarEntry entry;
    const char* name = archive_entry_pathname(e);
    entry.name = name ? name : "";
    auto type = archive_entry_filetype(e);
    entry.regular_file = type == AE_IFREG && !archive_entry_hardlink(e);
    entry.directory = type == AE_IFDIR;
    entry.size = archive_entry_size_is_set(e) ? archive_entry_size(e) : 0;
    if (entry.regular_file) {
      if (entry.size < 0 || static_cast<uint64_t>(entry.size) > limits.max_file_bytes) {
        entry.too_large = true;
      } else {
        entry.bytes.resize(static_cast<size_t>(entry.size));
        size_t filled = 0;
        while (filled < entry.bytes.size()) {
          la_ssize_t got = archive_read_data(a.get(), entry.bytes.data() + filled, entry.bytes.size() - filled);
          if (got < 0) fail(a.get(), "a damaged entry in the archive");
          if (got == 0) break;
          filled += static_cast<size_t>(got);
        }
        entry.bytes.resize(filled);
      }
    }
    on_entry(entry);
    if (archive_read_data_skip(a.get()) < ARCHIVE_WARN) fail(a.get(), "a damaged entry in the archive");
  }
}

}  // namespace agora::media
