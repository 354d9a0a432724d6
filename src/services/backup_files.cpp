#include "services/backup_files.h"

#include <fcntl.h>
#include <openssl/evp.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>

#include "core/crypto.h"

namespace agora::services::backup {

namespace fs = std::filesystem;

namespace {

struct Fd {
  int fd = -1;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

[[noreturn]] void fail(const std::string& what, const fs::path& path, int error) {
  throw BackupError(what + " " + path.string() + ": " + std::strerror(error));
}

struct Sha256 {
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx{EVP_MD_CTX_new(), EVP_MD_CTX_free};
  Sha256() { EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr); }
  void update(const char* data, size_t n) { EVP_DigestUpdate(ctx.get(), data, n); }
  std::string hex() {
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    EVP_DigestFinal_ex(ctx.get(), out, &n);
    return crypto::hex(std::string_view(reinterpret_cast<const char*>(out), n));
  }
};

void write_all(int fd, const char* data, size_t n, const fs::path& path) {
  while (n > 0) {
    ssize_t wrote = ::write(fd, data, n);
    if (wrote < 0 && errno == EINTR) continue;
    if (wrote < 0) fail("cannot write", path, errno);
    data += wrote;
    n -= static_cast<size_t>(wrote);
  }
}

void finish(Fd& out, const fs::path& path) {
  if (::fsync(out.fd) != 0) fail("cannot write", path, errno);
  int fd = out.fd;
  out.fd = -1;
  if (::close(fd) != 0) fail("cannot write", path, errno);
}

// Reads `path` in blocks (never following a symlink); calls `sink` with each.
template <class Sink>
uint64_t read_blocks(const fs::path& path, Sink&& sink) {
  Fd in{::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW)};
  if (in.fd < 0) fail("cannot read", path, errno);
  struct stat st {};
  if (::fstat(in.fd, &st) != 0 || !S_ISREG(st.st_mode)) throw BackupError("not a regular file: " + path.string());
  static thread_local char buffer[1 << 16];
  uint64_t total = 0;
  for (;;) {
    ssize_t got = ::read(in.fd, buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) fail("cannot read", path, errno);
    if (got == 0) return total;
    sink(buffer, static_cast<size_t>(got));
    total += static_cast<uint64_t>(got);
  }
}

}  // namespace

FileEntry copy_in(const fs::path& from, const fs::path& root, const std::string& relative) {
  fs::path to = root / relative;
  std::error_code ec;
  fs::create_directories(to.parent_path(), ec);
  if (ec) fail("cannot create", to.parent_path(), ec.value());
  Fd out{::open(to.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600)};
  if (out.fd < 0) fail("cannot create", to, errno);
  Sha256 hash;
  uint64_t size = read_blocks(from, [&](const char* data, size_t n) {
    hash.update(data, n);
    write_all(out.fd, data, n, to);
  });
  finish(out, to);
  return {relative, size, hash.hex()};
}

void write_file_synced(const fs::path& path, std::string_view bytes) {
  Fd out{::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600)};
  if (out.fd < 0) fail("cannot create", path, errno);
  write_all(out.fd, bytes.data(), bytes.size(), path);
  finish(out, path);
}

FileEntry describe(const fs::path& root, const std::string& relative) {
  Sha256 hash;
  uint64_t size = read_blocks(root / relative, [&](const char* data, size_t n) { hash.update(data, n); });
  return {relative, size, hash.hex()};
}

void check_entry(const fs::path& root, const FileEntry& entry) {
  fs::path path = root / entry.path;
  std::error_code ec;
  if (!fs::is_regular_file(fs::symlink_status(path, ec))) throw BackupError("missing from the backup: " + entry.path);
  FileEntry found = describe(root, entry.path);
  if (found.size != entry.size)
    throw BackupError("damaged file in the backup: " + entry.path + " has " + std::to_string(found.size) +
                      " bytes, the manifest says " + std::to_string(entry.size));
  if (found.sha256 != entry.sha256)
    throw BackupError("damaged file in the backup: " + entry.path + " does not match its SHA-256");
}

std::string read_small_file(const fs::path& path, size_t max_bytes) {
  std::string out;
  read_blocks(path, [&](const char* data, size_t n) {
    if (out.size() + n > max_bytes) throw BackupError(path.string() + " is too large");
    out.append(data, n);
  });
  return out;
}

}  // namespace agora::services::backup
