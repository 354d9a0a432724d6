// The media pipeline: sniffing, blurhash, images through libvips (rotation,
// metadata, sizes, bombs, corrupt files), video, gifv and audio through ffmpeg.
// Inputs are generated here with ffmpeg; nothing binary is committed.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cmath>

#include "media/blurhash.h"
#include "media/content_type.h"
#include "media/processing.h"
#include "media/subprocess.h"

using namespace agora::media;

namespace {

// A file made by ffmpeg from a lavfi source ("testsrc=size=64x48").
std::string generate(const std::string& source, const std::string& name, std::vector<std::string> extra = {}) {
  TempDir dir;
  std::vector<std::string> argv{"ffmpeg", "-v", "error", "-f", "lavfi", "-i", source};
  argv.insert(argv.end(), extra.begin(), extra.end());
  argv.push_back(dir.file(name).string());
  auto r = run_process(argv, std::chrono::seconds(60));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return read_file(dir.file(name), 64 * 1024 * 1024);
}

std::string jpeg(int w, int h) {
  return generate("testsrc=size=" + std::to_string(w) + "x" + std::to_string(h) + ":rate=1", "i.jpg",
                  {"-frames:v", "1"});
}

boost::json::object meta_of(const Processed& p) { return boost::json::parse(p.meta_json).as_object(); }

uint32_t crc32(std::string_view data) {
  uint32_t crc = 0xFFFFFFFF;
  for (unsigned char c : data) {
    crc ^= c;
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320 & (0 - (crc & 1)));
  }
  return ~crc;
}

void put_be32(std::string& s, size_t at, uint32_t v) {
  for (int i = 0; i < 4; ++i) s[at + i] = static_cast<char>(v >> (24 - 8 * i));
}

// An EXIF segment with orientation 6 (rotate 90°) and a GPS latitude.
std::string exif_segment() {
  std::string tiff = std::string("II*\0\x08\0\0\0", 8);
  auto le16 = [&](int v) { tiff += static_cast<char>(v & 255); tiff += static_cast<char>(v >> 8); };
  auto le32 = [&](uint32_t v) { for (int i = 0; i < 4; ++i) tiff += static_cast<char>(v >> (8 * i)); };
  le16(2);
  le16(0x0112); le16(3); le32(1); le16(6); le16(0);  // Orientation = 6
  le16(0x8825); le16(4); le32(1); le32(38);         // GPS IFD at 38
  le32(0);
  le16(1);
  le16(0x0001); le16(2); le32(2); tiff += std::string("N\0\0\0", 4);  // GPSLatitudeRef
  le32(0);
  std::string body = std::string("Exif\0\0", 6) + tiff;
  size_t len = body.size() + 2;
  return std::string("\xFF\xE1", 2) + static_cast<char>(len >> 8) + static_cast<char>(len & 255) + body;
}

}  // namespace

TEST(Blurhash, BlackImageGivesTheWellKnownHash) {
  std::vector<uint8_t> black(8 * 8 * 3, 0);
  EXPECT_EQ(blurhash_encode(black, 8, 8), "U00000fQfQfQfQfQfQfQfQfQfQfQfQfQfQfQ");
}

TEST(Blurhash, SingleComponentIsTheAverageColour) {
  // 1x1 components: size flag 0, no AC, then the DC colour in base 83.
  std::vector<uint8_t> white(4 * 4 * 3, 255);
  EXPECT_EQ(blurhash_encode(white, 4, 4, 1, 1), "00TSUA");  // 0xFFFFFF in four base-83 digits
}

TEST(Blurhash, GradientHasStructureAndRejectsBadInput) {
  std::vector<uint8_t> rgb;
  for (int y = 0; y < 16; ++y)
    for (int x = 0; x < 16; ++x) rgb.insert(rgb.end(), {uint8_t(x * 16), uint8_t(y * 16), 128});
  std::string hash = blurhash_encode(rgb, 16, 16, 4, 3);
  EXPECT_EQ(hash.size(), 1u + 1 + 4 + 2 * 11);
  EXPECT_EQ(hash[0], 'L');  // (4-1) + (3-1)*9 = 21 → 'L'
  EXPECT_NE(hash.substr(6), std::string(22, '0'));
  EXPECT_THROW(blurhash_encode(rgb, 15, 16), std::invalid_argument);
  EXPECT_THROW(blurhash_encode(rgb, 16, 16, 10, 1), std::invalid_argument);
}

TEST(ContentSniffing, RecognisesByBytesAndRefusesMarkup) {
  EXPECT_EQ(sniff_content_type(jpeg(16, 16))->mime, "image/jpeg");
  EXPECT_EQ(sniff_content_type(std::string("\0\0\0\x18" "ftypisom\0\0\0\0", 16))->mime, "video/mp4");
  EXPECT_EQ(sniff_content_type(std::string("\0\0\0\x18" "ftypavif\0\0\0\0", 16))->mime, "image/avif");
  EXPECT_EQ(sniff_content_type(std::string("ID3\x04\0\0\0\0\0\0", 10))->kind, MediaKind::audio);
  EXPECT_FALSE(sniff_content_type("<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>"));
  EXPECT_FALSE(sniff_content_type("<!DOCTYPE html><html><script>alert(1)</script>"));
  EXPECT_FALSE(sniff_content_type("just text"));
  EXPECT_FALSE(sniff_content_type(""));
}

TEST(ImageProcessing, JpegKeepsItsTypeWithPreviewBlurhashAndMeta) {
  auto p = process_upload(jpeg(800, 600));
  EXPECT_EQ(p.type, "image");
  EXPECT_EQ(p.original.mime, "image/jpeg");
  EXPECT_EQ(p.original.width, 800);
  ASSERT_TRUE(p.small);
  EXPECT_LE(int64_t(p.small->width) * p.small->height, MediaLimits::small_pixels);
  EXPECT_NEAR(double(p.small->width) / p.small->height, 800.0 / 600, 0.01);
  ASSERT_TRUE(p.blurhash);
  EXPECT_EQ(p.blurhash->size(), 36u);
  auto meta = meta_of(p);
  EXPECT_EQ(meta.at("original").at("size").as_string(), "800x600");
  EXPECT_EQ(meta.at("small").at("width").as_int64(), p.small->width);
  EXPECT_EQ(sniff_content_type(p.original.bytes)->mime, "image/jpeg");
}

TEST(ImageProcessing, LargeImagesAreScaledToMastodonsLimit) {
  auto p = process_upload(jpeg(4000, 3000));
  EXPECT_LE(int64_t(p.original.width) * p.original.height, MediaLimits::image_original_pixels);
  EXPECT_GT(p.original.width, 3000);
}

TEST(ImageProcessing, PngStaysPng) {
  auto p = process_upload(generate("testsrc=size=40x30:rate=1", "i.png", {"-frames:v", "1"}));
  EXPECT_EQ(p.original.mime, "image/png");
  EXPECT_EQ(p.small->mime, "image/png");
}

TEST(ImageProcessing, RotatesByExifAndStripsAllMetadata) {
  std::string plain = jpeg(64, 32);
  std::string with_exif = plain.substr(0, 2) + exif_segment() + plain.substr(2);
  ASSERT_NE(with_exif.find("Exif"), std::string::npos);
  auto p = process_upload(with_exif);
  EXPECT_EQ(p.original.width, 32);  // turned upright
  EXPECT_EQ(p.original.height, 64);
  EXPECT_EQ(p.original.bytes.find("Exif"), std::string::npos);
  EXPECT_EQ(p.small->bytes.find("Exif"), std::string::npos);
}

TEST(ImageProcessing, DecompressionBombIsRefusedFromItsHeader) {
  std::string png = generate("color=c=red:size=16x16:rate=1", "i.png", {"-frames:v", "1"});
  put_be32(png, 16, 20000);  // IHDR width
  put_be32(png, 20, 20000);  // IHDR height
  put_be32(png, 29, crc32(std::string_view(png).substr(12, 17)));
  try {
    process_upload(png);
    FAIL() << "accepted a 20000x20000 image";
  } catch (const Refused& e) {
    EXPECT_STREQ(e.what(), "20000x20000 images are not supported");
  }
}

TEST(ImageProcessing, CorruptAndDisguisedFilesAreRefused) {
  std::string truncated = jpeg(400, 300).substr(0, 3000);
  EXPECT_THROW(process_upload(truncated), Refused);
  EXPECT_THROW(process_upload("not an image at all, whatever the client said"), Refused);
  // A PNG signature followed by HTML is no image.
  EXPECT_THROW(process_upload(std::string("\x89PNG\r\n\x1a\n", 8) + "<html><script>x</script></html>"), Refused);
}

TEST(VideoProcessing, Mp4WithFirstFrameStillAndMeta) {
  auto p = process_upload(generate("testsrc=size=320x240:rate=30", "v.mp4", {"-t", "1", "-pix_fmt", "yuv420p"}));
  EXPECT_EQ(p.type, "video");
  EXPECT_EQ(p.original.mime, "video/mp4");
  ASSERT_TRUE(p.small);
  EXPECT_EQ(p.small->mime, "image/png");
  EXPECT_TRUE(p.blurhash);
  auto meta = meta_of(p);
  EXPECT_EQ(meta.at("original").at("frame_rate").as_string(), "30/1");
  EXPECT_NEAR(meta.at("original").at("duration").to_number<double>(), 1.0, 0.1);
  EXPECT_EQ(meta.at("original").at("width").as_int64(), 320);
}

TEST(VideoProcessing, WebmIsTranscodedToH264Mp4) {
  auto p = process_upload(generate("testsrc=size=64x48:rate=10", "v.webm", {"-t", "1", "-c:v", "libvpx"}));
  EXPECT_EQ(p.type, "video");
  EXPECT_EQ(sniff_content_type(p.original.bytes)->mime, "video/mp4");
}

TEST(VideoProcessing, TooManyFramesPerSecondIsRefused) {
  std::string fast = generate("testsrc=size=32x32:rate=240", "v.mp4", {"-t", "0.2", "-pix_fmt", "yuv420p"});
  try {
    process_upload(fast);
    FAIL() << "accepted 240 fps";
  } catch (const Refused& e) {
    EXPECT_STREQ(e.what(), "240fps videos are not supported");
  }
}

TEST(VideoProcessing, AnimatedGifBecomesGifv) {
  auto p = process_upload(generate("testsrc=size=64x48:rate=5", "a.gif", {"-t", "1"}));
  EXPECT_EQ(p.type, "gifv");
  EXPECT_EQ(p.original.mime, "video/mp4");
  EXPECT_TRUE(p.blurhash);
}

TEST(AudioProcessing, WavBecomesMp3WithDuration) {
  auto p = process_upload(generate("sine=frequency=440:duration=1", "s.wav"));
  EXPECT_EQ(p.type, "audio");
  EXPECT_EQ(p.original.mime, "audio/mpeg");
  EXPECT_FALSE(p.small);
  EXPECT_NEAR(meta_of(p).at("original").at("duration").to_number<double>(), 1.0, 0.15);
}

TEST(Subprocess, TimesOutAndCleansUp) {
  auto r = run_process({"sleep", "5"}, std::chrono::seconds(1));
  EXPECT_TRUE(r.timed_out);
  std::filesystem::path kept;
  {
    TempDir dir;
    kept = dir.path();
    write_file(dir.file("x"), "y");
    EXPECT_EQ(std::filesystem::status(kept).permissions() & std::filesystem::perms::others_all,
              std::filesystem::perms::none);
  }
  EXPECT_FALSE(std::filesystem::exists(kept));
}
