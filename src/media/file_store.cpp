#include "media/file_store.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <stdexcept>

#include "core/storage_full.h"

namespace agora::media {

namespace fs = std::filesystem;

namespace {
// A full disk is the operator's to fix and the client's to retry (507); anything else is a fault.
[[noreturn]] void write_failed(const std::string& what) {
  if (errno == ENOSPC || errno == EDQUOT) throw storage_full();
  throw std::runtime_error(what);
}

// Where put writes before renaming into place.
fs::path temp_twin(const fs::path& target) { return target.parent_path() / (".tmp-" + target.filename().string()); }
}  // namespace

void FileStore::put(std::string_view key, std::string_view bytes, std::string_view) const {
  if (!valid_storage_key(key)) throw std::runtime_error("invalid storage key");
  fs::path target = root_ / fs::path(std::string(key));
  std::error_code ec;
  fs::create_directories(target.parent_path(), ec);
  if (ec) {
    errno = ec.value();
    write_failed("cannot create " + target.parent_path().string());
  }
  // Named after the key, so one killed in mid-write is overwritten by the next
  // put of that key and removed with it (remove), never left behind for good.
  fs::path temp = temp_twin(target);
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (fd < 0) write_failed("cannot create " + temp.string());
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      int error = errno;
      ::close(fd);
      ::unlink(temp.c_str());
      errno = error;
      write_failed("cannot write " + temp.string());
    }
    done += static_cast<size_t>(n);
  }
  if (::close(fd) != 0 || ::rename(temp.c_str(), target.c_str()) != 0) {
    int error = errno;
    ::unlink(temp.c_str());
    errno = error;
    write_failed("cannot store " + target.string());
  }
}

std::optional<std::string> FileStore::read(std::string_view key, size_t max_bytes) const {
  if (!valid_storage_key(key)) return std::nullopt;
  fs::path path = root_ / fs::path(std::string(key));
  int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || static_cast<size_t>(st.st_size) > max_bytes) {
    ::close(fd);
    return std::nullopt;
  }
  std::string out(static_cast<size_t>(st.st_size), '\0');
  size_t done = 0;
  while (done < out.size()) {
    ssize_t n = ::read(fd, out.data() + done, out.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    done += static_cast<size_t>(n);
  }
  ::close(fd);
  out.resize(done);
  return out;
}

void FileStore::remove(std::string_view key) const noexcept {
  if (!valid_storage_key(key)) return;
  std::error_code ec;
  fs::path target = root_ / fs::path(std::string(key));
  fs::remove(target, ec);
  fs::remove(temp_twin(target), ec);
}

}  // namespace agora::media
