// CSV as imports read it and exports write it: quoting, line ends, limits.
#include <gtest/gtest.h>

#include "text/csv.h"

using agora::text::csv_line;
using agora::text::CsvRow;
using agora::text::parse_csv;

TEST(Csv, ReadsQuotedFieldsLineEndsAndABom) {
  auto p = parse_csv("\xEF\xBB\xBF" "a,\"b, c\",\"say \"\"hi\"\"\"\r\n\nx,\"multi\nline\"\ny");
  ASSERT_FALSE(p.error);
  ASSERT_EQ(p.rows.size(), 3u);
  EXPECT_EQ(p.rows[0], (CsvRow{"a", "b, c", "say \"hi\""}));
  EXPECT_EQ(p.rows[1], (CsvRow{"x", "multi\nline"}));
  EXPECT_EQ(p.rows[2], (CsvRow{"y"}));
}

TEST(Csv, RefusesMalformedText) {
  EXPECT_TRUE(parse_csv("\"open").error);
  EXPECT_TRUE(parse_csv("ab\"c").error);
  EXPECT_TRUE(parse_csv("\"a\"b").error);
}

TEST(Csv, EnforcesItsLimits) {
  EXPECT_TRUE(parse_csv("a\nb\nc\n", {.max_rows = 2}).error);
  EXPECT_FALSE(parse_csv("a\nb\n", {.max_rows = 2}).error);
  EXPECT_TRUE(parse_csv("a,b,c", {.max_fields = 2}).error);
  EXPECT_TRUE(parse_csv(std::string(5000, 'x')).error);
}

TEST(Csv, WritesWhatItReadsBack) {
  CsvRow row{"Friends, close", "say \"hi\"", "plain", "two\nlines", ""};
  auto line = csv_line(row);
  EXPECT_EQ(line, "\"Friends, close\",\"say \"\"hi\"\"\",plain,\"two\nlines\",\n");
  auto back = parse_csv(line);
  ASSERT_FALSE(back.error);
  ASSERT_EQ(back.rows.size(), 1u);
  EXPECT_EQ(back.rows[0], row);
  // A field that begins with a byte order mark keeps it (found by fuzzing).
  CsvRow marked{"\xEF\xBB\xBFo", "x"};
  auto again = parse_csv(csv_line(marked));
  ASSERT_FALSE(again.error);
  EXPECT_EQ(again.rows.at(0), marked);
}
