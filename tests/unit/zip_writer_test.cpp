// Archives are real ZIP files: libzip reads back what was written.
#include <gtest/gtest.h>
#include <zip.h>

#include "core/zip_writer.h"

TEST(ZipWriter, WritesFilesLibzipReadsBack) {
  agora::ZipWriter writer;
  writer.add("actor.json", "{\"type\":\"Person\"}");
  writer.add("media_attachments/files/a.png", std::string(1000, '\x89'), false);
  auto bytes = writer.finish();
  ASSERT_GT(bytes.size(), 22u);
  EXPECT_EQ(bytes.substr(0, 4), "PK\x03\x04");

  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  ASSERT_NE(archive, nullptr);
  EXPECT_EQ(zip_get_num_entries(archive, 0), 2);
  zip_stat_t stat;
  ASSERT_EQ(zip_stat(archive, "media_attachments/files/a.png", 0, &stat), 0);
  EXPECT_EQ(stat.size, 1000u);
  EXPECT_EQ(stat.comp_method, ZIP_CM_STORE);
  zip_file_t* file = zip_fopen(archive, "actor.json", 0);
  ASSERT_NE(file, nullptr);
  char text[64] = {};
  EXPECT_EQ(zip_fread(file, text, sizeof text - 1), 17);
  EXPECT_STREQ(text, "{\"type\":\"Person\"}");
  zip_fclose(file);
  zip_close(archive);
  EXPECT_THROW(writer.add("late.txt", "x"), std::runtime_error);
}
