// Running a helper program (ffmpeg, ffprobe) safely: an argument vector, no
// shell; stdin closed; output captured up to a bound; killed at a deadline.
#pragma once
#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace agora::media {

struct ProcessResult {
  int exit_code = -1;   // -1 when killed or not started
  bool timed_out = false;
  std::string out;      // stdout, cut at `max_output`
  std::string err;      // stderr, cut at 64 KiB
};

// `env` adds to (or replaces in) this process's environment for the child,
// e.g. a password a command line would show to every user of the machine.
ProcessResult run_process(const std::vector<std::string>& argv, std::chrono::seconds timeout,
                          size_t max_output = 1024 * 1024, const std::map<std::string, std::string>& env = {});

// A private (0700) temporary directory, removed with everything in it when
// this goes out of scope, on every path.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path file(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

void write_file(const std::filesystem::path& path, std::string_view bytes);
std::string read_file(const std::filesystem::path& path, size_t max_bytes);

}  // namespace agora::media
