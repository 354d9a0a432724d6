// Reading a gzip-compressed tar archive entry by entry (libarchive), for
// imports from files an operator was handed: nothing is ever extracted to a
// path; each entry's bytes are read into memory only when it is a regular
// file within the size limit, and limits on entries and on decompressed
// bytes stop hostile archives (bombs) early.
#pragma once
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>

namespace agora::media {

struct TarEntry {
  std::string name;          // as stored in the archive: untrusted
  bool regular_file = false;  // not a directory, link, device or fifo
  bool directory = false;
  int64_t size = 0;           // as declared
  bool too_large = false;     // a regular file over the limit: `bytes` not read
  std::string bytes;          // a regular file within the limit
};

struct TarLimits {
  size_t max_file_bytes = 256 * 1024;
  size_t max_entries = 10000;
  int64_t max_total_bytes = int64_t{1} << 30;  // decompressed, the skipped entries' included
};

struct TarError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Calls `on_entry` for each entry in order. Throws TarError for a file that
// cannot be read or is not a (gzip-compressed) tar archive, and when a limit
// is passed; the entries before were handed over already.
void read_tar_gz(const std::string& path, const TarLimits& limits, const std::function<void(const TarEntry&)>& on_entry);

}  // namespace agora::media
