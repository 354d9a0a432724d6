// The layers include one way only (docs/architecture.md): app → api, inbox,
// web, cli → services → entities, activitypub, store, http → model, core.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>

namespace fs = std::filesystem;

namespace {

const std::map<std::string, int> kLayers = {
    {"app", 4},         {"api", 3},   {"inbox", 3}, {"web", 3},  {"cli", 3},   {"services", 2},
    {"entities", 1},    {"activitypub", 1}, {"store", 1}, {"http", 1}, {"model", 0}, {"core", 0}};

// The sources: by this file's path when the compiler gave it whole, else
// next to the build directory the test binary runs from.
fs::path source_dir() {
  fs::path file(__FILE__);
  if (file.is_absolute()) return file.parent_path().parent_path().parent_path() / "src";
  return fs::canonical("/proc/self/exe").parent_path().parent_path() / "src";
}

}  // namespace

TEST(Layering, NoIncludeRunsUpALayer) {
  ASSERT_TRUE(fs::exists(source_dir() / "model")) << source_dir();
  const std::regex include(R"re(#include "([a-z_]+)/)re");
  int checked = 0;
  for (const auto& entry : fs::recursive_directory_iterator(source_dir())) {
    if (!entry.is_regular_file()) continue;
    auto ext = entry.path().extension();
    if (ext != ".h" && ext != ".cpp") continue;
    auto layer = kLayers.find(fs::relative(entry.path(), source_dir()).begin()->string());
    if (layer == kLayers.end()) continue;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    std::string body = text.str();
    for (std::sregex_iterator it(body.begin(), body.end(), include), end; it != end; ++it) {
      auto target = kLayers.find((*it)[1].str());
      if (target == kLayers.end()) continue;
      EXPECT_LE(target->second, layer->second)
          << entry.path().string() << " (" << layer->first << ") includes " << target->first << "/";
    }
    ++checked;
  }
  EXPECT_GT(checked, 100);
}
