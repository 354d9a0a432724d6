// Recognising images by their bytes, the local file store, and the default images.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "media/default_images.h"
#include "media/file_store.h"
#include "media/image_type.h"
#include "model/profile_images.h"

using namespace agora;
using namespace agora::media;

namespace {

std::string bytes(std::initializer_list<int> b) {
  std::string out;
  for (int c : b) out += static_cast<char>(c);
  return out;
}

std::string png_header(uint32_t width, uint32_t height) {
  std::string s = "\x89PNG\r\n\x1a\n";
  s += bytes({0, 0, 0, 13}) + "IHDR";
  for (uint32_t v : {width, height}) s += bytes({int(v >> 24), int(v >> 16 & 255), int(v >> 8 & 255), int(v & 255)});
  s += bytes({8, 2, 0, 0, 0, 0x12, 0x34, 0x56, 0x78});
  return s;
}

}  // namespace

TEST(ImageType, RecognisesTheFourFormatsByTheirBytes) {
  EXPECT_EQ(sniff_image(png_header(1, 1)), ImageType::png);
  EXPECT_EQ(sniff_image(bytes({0xFF, 0xD8, 0xFF, 0xE0, 0, 16}) + "JFIF"), ImageType::jpeg);
  EXPECT_EQ(sniff_image("GIF89a" + bytes({1, 0, 1, 0, 0, 0, 0})), ImageType::gif);
  EXPECT_EQ(sniff_image("RIFF" + bytes({0, 0, 0, 0}) + "WEBPVP8 " + bytes({0, 0, 0, 0})), ImageType::webp);
  EXPECT_EQ(sniff_image(std::string(media::missing_avatar_png())), ImageType::png);
  EXPECT_EQ(sniff_image(std::string(media::missing_header_png())), ImageType::png);
}

TEST(ImageType, RefusesLookalikesAndTruncatedHeaders) {
  EXPECT_EQ(sniff_image(""), std::nullopt);
  EXPECT_EQ(sniff_image("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"), std::nullopt);
  EXPECT_EQ(sniff_image("<html><body>not an image</body></html>"), std::nullopt);
  EXPECT_EQ(sniff_image("\x89PNG\r\n\x1a\n"), std::nullopt);                     // signature only
  EXPECT_EQ(sniff_image(png_header(0, 10)), std::nullopt);                        // no width
  EXPECT_EQ(sniff_image("\x89PNG\r\n\x1a\n" + std::string(30, 'x')), std::nullopt);  // no IHDR
  EXPECT_EQ(sniff_image(bytes({0xFF, 0xD8})), std::nullopt);
  EXPECT_EQ(sniff_image("GIF89a" + bytes({0, 0, 0, 0, 0, 0, 0})), std::nullopt);  // zero size
  EXPECT_EQ(sniff_image("RIFF" + bytes({0, 0, 0, 0}) + "WAVEfmt " + bytes({0, 0, 0, 0})), std::nullopt);
  EXPECT_EQ(sniff_image("BM" + std::string(60, '\0')), std::nullopt);  // BMP is not accepted
}

TEST(ImageType, MapsExtensionsToTypes) {
  EXPECT_EQ(mime_type_for_extension("png"), "image/png");
  EXPECT_EQ(mime_type_for_extension("jpg"), "image/jpeg");
  EXPECT_EQ(mime_type_for_extension("jpeg"), "image/jpeg");
  EXPECT_EQ(mime_type_for_extension("webp"), "image/webp");
  EXPECT_EQ(mime_type_for_extension("html"), std::nullopt);
  EXPECT_EQ(mime_type_for_extension("svg"), std::nullopt);
  EXPECT_EQ(std::string(extension(ImageType::jpeg)), "jpg");
}

TEST(FileStore, AcceptsOnlyPlainKeys) {
  EXPECT_TRUE(valid_storage_key("accounts/avatars/123/0a1b2c3d4e5f6071.png"));
  EXPECT_FALSE(valid_storage_key(""));
  EXPECT_FALSE(valid_storage_key("../secret"));
  EXPECT_FALSE(valid_storage_key("accounts/../../agora.sqlite3"));
  EXPECT_FALSE(valid_storage_key("/etc/passwd"));
  EXPECT_FALSE(valid_storage_key("accounts//a.png"));
  EXPECT_FALSE(valid_storage_key("accounts/.hidden.png"));
  EXPECT_FALSE(valid_storage_key("accounts/a b.png"));
  EXPECT_FALSE(valid_storage_key("accounts\\..\\a.png"));
  EXPECT_FALSE(valid_storage_key(std::string("a\0b.png", 7)));
  EXPECT_FALSE(valid_storage_key(std::string(513, 'a')));
}

TEST(FileStore, WritesReadsAndRemovesFilesUnderItsRoot) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("agora_file_store_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  FileStore store(dir / "system");
  std::string data("binary\0\r\nbytes", 14);
  store.put("accounts/avatars/1/a.png", data, "image/png");
  EXPECT_EQ(store.read("accounts/avatars/1/a.png"), data);
  EXPECT_EQ(store.read("accounts/avatars/1/missing.png"), std::nullopt);
  EXPECT_EQ(store.read("accounts/avatars/1/a.png", 4), std::nullopt);  // larger than allowed
  EXPECT_THROW(store.put("../outside.png", data, "image/png"), std::runtime_error);
  EXPECT_FALSE(fs::exists(dir / "outside.png"));

  // A symlink planted in the store is never followed.
  std::ofstream(dir / "secret.txt") << "secret";
  fs::create_symlink(dir / "secret.txt", dir / "system" / "accounts" / "avatars" / "1" / "link.png");
  EXPECT_EQ(store.read("accounts/avatars/1/link.png"), std::nullopt);
  EXPECT_EQ(store.read("accounts/avatars/1"), std::nullopt);  // a directory

  store.remove("accounts/avatars/1/a.png");
  EXPECT_EQ(store.read("accounts/avatars/1/a.png"), std::nullopt);
  store.remove("accounts/avatars/1/a.png");  // twice is fine
  fs::remove_all(dir);
}

TEST(ProfileImages, GifsKeepAStillBesideThemOthersAreTheirOwnStill) {
  auto gif = model::profile_image_key("accounts/avatars/1", "abc.gif");
  EXPECT_EQ(gif, "accounts/avatars/1/original/abc.gif");
  EXPECT_TRUE(model::has_still(gif));
  EXPECT_EQ(model::still_key(gif), "accounts/avatars/1/static/abc.png");
  EXPECT_EQ(model::profile_image_files(gif),
            (std::vector<std::string>{gif, "accounts/avatars/1/static/abc.png"}));
  auto png = model::profile_image_key("cache/accounts/headers/2", "def.png");
  EXPECT_EQ(png, "cache/accounts/headers/2/def.png");
  EXPECT_EQ(model::still_key(png), png);
  EXPECT_EQ(model::profile_image_files(png), std::vector<std::string>{png});
  // A GIF stored before stills were made shows itself; no key, no files.
  EXPECT_EQ(model::still_key("accounts/avatars/1/old.gif"), "accounts/avatars/1/old.gif");
  EXPECT_TRUE(model::profile_image_files("").empty());
}
