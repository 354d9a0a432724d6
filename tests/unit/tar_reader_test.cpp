// media::read_tar_gz on archives written here with libarchive: what each
// entry reports, and the limits that stop hostile archives.
#include <archive.h>
#include <archive_entry.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "media/tar_reader.h"

namespace {

struct Item {
  std::string name;
  std::string bytes;
  unsigned type = AE_IFREG;
  std::string link;  // symlink target
};

std::string write_tar_gz(const std::vector<Item>& items) {
  std::string path = (std::filesystem::temp_directory_path() / ("tar_reader_test_" + std::to_string(::getpid()) +
                                                                ".tar.gz")).string();
  archive* a = archive_write_new();
  archive_write_add_filter_gzip(a);
  archive_write_set_format_pax_restricted(a);
  archive_write_open_filename(a, path.c_str());
  for (const auto& item : items) {
    archive_entry* e = archive_entry_new();
    archive_entry_set_pathname(e, item.name.c_str());
    archive_entry_set_filetype(e, item.type);
    archive_entry_set_perm(e, 0644);
    archive_entry_set_size(e, item.type == AE_IFREG ? static_cast<la_int64_t>(item.bytes.size()) : 0);
    if (!item.link.empty()) archive_entry_set_symlink(e, item.link.c_str());
    archive_write_header(a, e);
    if (item.type == AE_IFREG) archive_write_data(a, item.bytes.data(), item.bytes.size());
    archive_entry_free(e);
  }
  archive_write_close(a);
  archive_write_free(a);
  return path;
}

std::vector<agora::media::TarEntry> read_all(const std::string& path, const agora::media::TarLimits& limits) {
  std::vector<agora::media::TarEntry> out;
  agora::media::read_tar_gz(path, limits, [&](const agora::media::TarEntry& e) { out.push_back(e); });
  return out;
}

}  // namespace

TEST(TarReader, ReadsSmallFilesAndFlagsEverythingElse) {
  auto path = write_tar_gz({{"dir", "", AE_IFDIR},
                            {"dir/a.png", "PNGDATA"},
                            {"link.png", "", AE_IFLNK, "/etc/passwd"},
                            {"big.png", std::string(100, 'x')},
                            {"../up.png", "UP"}});
  agora::media::TarLimits limits;
  limits.max_file_bytes = 50;
  auto entries = read_all(path, limits);
  ASSERT_EQ(entries.size(), 5u);
  EXPECT_TRUE(entries[0].directory);
  EXPECT_FALSE(entries[0].regular_file);
  EXPECT_EQ(entries[1].name, "dir/a.png");
  EXPECT_TRUE(entries[1].regular_file);
  EXPECT_EQ(entries[1].bytes, "PNGDATA");
  EXPECT_FALSE(entries[2].regular_file);
  EXPECT_TRUE(entries[2].bytes.empty());
  EXPECT_TRUE(entries[3].too_large);
  EXPECT_TRUE(entries[3].bytes.empty());
  EXPECT_EQ(entries[4].name, "../up.png");  // reported as is: the caller decides
  std::filesystem::remove(path);
}

TEST(TarReader, StopsAtTheEntryAndUnpackedByteLimits) {
  auto path = write_tar_gz({{"a.png", "1"}, {"b.png", "2"}, {"c.png", std::string(64 * 1024, '\0')},
                            {"d.png", "4"}});
  agora::media::TarLimits few;
  few.max_entries = 2;
  std::vector<std::string> seen;
  EXPECT_THROW(agora::media::read_tar_gz(path, few, [&](const auto& e) { seen.push_back(e.name); }),
               agora::media::TarError);
  EXPECT_EQ(seen, (std::vector<std::string>{"a.png", "b.png"}));

  agora::media::TarLimits small;
  small.max_total_bytes = 32 * 1024;  // passed while skipping the zeros of c.png
  seen.clear();
  EXPECT_THROW(agora::media::read_tar_gz(path, small, [&](const auto& e) { seen.push_back(e.name); }),
               agora::media::TarError);
  EXPECT_EQ(seen, (std::vector<std::string>{"a.png", "b.png", "c.png"}));
  std::filesystem::remove(path);
}

TEST(TarReader, RefusesWhatIsNotATarGz) {
  auto path = (std::filesystem::temp_directory_path() / "tar_reader_test_garbage.tar.gz").string();
  {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    std::fputs("\x1f\x8b\x08\x00 garbage that is not deflate", f);
    std::fclose(f);
  }
  EXPECT_THROW(read_all(path, {}), agora::media::TarError);
  EXPECT_THROW(read_all("/nonexistent/archive.tar.gz", {}), agora::media::TarError);
  std::filesystem::remove(path);
}
