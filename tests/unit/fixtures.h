// Reading files of ../shared/fixtures (interop payloads of real servers) in tests.
#pragma once
#include <filesystem>
#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace test_support {

inline std::filesystem::path fixtures_dir() { return AGORA_FIXTURES_DIR; }

// The bytes of `relative` (e.g. "mastodon/follow.json"); throws when it is missing.
inline std::string read_fixture(const std::string& relative) {
  std::ifstream in(fixtures_dir() / relative, std::ios::binary);
  if (!in) throw std::runtime_error("missing fixture " + relative);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Paths relative to fixtures_dir() of every file ending in `extension` under
// it, sorted, skipping the given top-level directories.
inline std::vector<std::string> fixture_files(const std::string& extension,
                                              const std::vector<std::string>& skip_dirs = {}) {
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(fixtures_dir())) {
    if (!entry.is_regular_file() || entry.path().extension() != extension) continue;
    std::string relative = std::filesystem::relative(entry.path(), fixtures_dir()).generic_string();
    std::string top = relative.substr(0, relative.find('/'));
    bool skipped = false;
    for (const std::string& dir : skip_dirs) skipped = skipped || top == dir;
    if (!skipped) files.push_back(relative);
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace test_support
