// multipart/form-data parsing, its use for request parameters and uploads,
// and the router's "*rest" patterns that serve stored files.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <chrono>
#include <random>

#include "core/errors.h"
#include "http/multipart.h"
#include "http/params.h"
#include "http/router.h"

using namespace agora;
using namespace agora::http;

namespace {

const std::string kBoundary = "XyZ123";

std::string part(const std::string& headers, const std::string& data) {
  return "--" + kBoundary + "\r\n" + headers + "\r\n\r\n" + data + "\r\n";
}
std::string field(const std::string& name, const std::string& value) {
  return part("Content-Disposition: form-data; name=\"" + name + "\"", value);
}
std::string end() { return "--" + kBoundary + "--\r\n"; }

int status_of(std::string_view body, std::string_view boundary = kBoundary, MultipartLimits limits = {}) {
  try {
    parse_multipart(body, boundary, limits);
  } catch (const Error& e) {
    return e.status();
  }
  return 200;
}

}  // namespace

TEST(Multipart, FindsTheBoundaryInContentType) {
  EXPECT_EQ(multipart_boundary("multipart/form-data; boundary=abc"), "abc");
  EXPECT_EQ(multipart_boundary("Multipart/Form-Data; charset=utf-8; BOUNDARY=\"a b:c\""), "a b:c");
  EXPECT_EQ(multipart_boundary("multipart/form-data;boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW"),
            "----WebKitFormBoundary7MA4YWxkTrZu0gW");
  EXPECT_EQ(multipart_boundary("multipart/form-data"), std::nullopt);
  EXPECT_EQ(multipart_boundary("multipart/form-data; boundary="), std::nullopt);
  EXPECT_EQ(multipart_boundary("multipart/form-data; boundary=" + std::string(71, 'a')), std::nullopt);
  EXPECT_EQ(multipart_boundary("multipart/form-data; boundary=\"bad\r\nbad\""), std::nullopt);
  EXPECT_EQ(multipart_boundary("multipart/form-data; boundary=\"trailing \""), std::nullopt);
  EXPECT_EQ(multipart_boundary("multipart/form-data; boundary=\"unterminated"), std::nullopt);
  EXPECT_EQ(multipart_boundary("multipart/mixed; boundary=abc"), std::nullopt);
  EXPECT_EQ(multipart_boundary("application/json"), std::nullopt);
}

TEST(Multipart, SplitsFieldsAndFilesKeepingBinaryBytes) {
  std::string binary("\x89PNG\r\n\x1a\n\0\r\n--XyZ12\r\n-", 20);
  std::string body = "preamble to ignore\r\n" + field("display_name", "John Lennon") +
                     part("content-disposition: form-data; name=\"avatar\"; filename=\"me.png\"\r\n"
                          "Content-Type: image/png",
                          binary) +
                     field("note", "") + end() + "epilogue";
  auto parts = parse_multipart(body, kBoundary);
  ASSERT_EQ(parts.size(), 3u);
  EXPECT_EQ(parts[0].name, "display_name");
  EXPECT_EQ(parts[0].data, "John Lennon");
  EXPECT_FALSE(parts[0].filename);
  EXPECT_EQ(parts[1].name, "avatar");
  EXPECT_EQ(parts[1].filename, "me.png");
  EXPECT_EQ(parts[1].content_type, "image/png");
  EXPECT_EQ(parts[1].data, binary);
  EXPECT_EQ(parts[2].data, "");
}

TEST(Multipart, ReadsQuotedAndExtendedParameters) {
  std::string body =
      part("Content-Disposition: form-data; name=\"a\\\"b\"; filename=\"x.png\"; filename*=UTF-8''caf%C3%A9.png",
           "1") +
      part("Content-Disposition: form-data; name=plain", "2") +
      part("Content-Disposition: form-data; name=\"fields_attributes[0][name]\"", "3") +
      part("Content-Disposition: form-data; filename=\"nameless.txt\"", "skipped") + end();
  auto parts = parse_multipart(body, kBoundary);
  ASSERT_EQ(parts.size(), 3u);
  EXPECT_EQ(parts[0].name, "a\"b");
  EXPECT_EQ(parts[0].filename, "café.png");
  EXPECT_EQ(parts[1].name, "plain");
  EXPECT_EQ(parts[2].name, "fields_attributes[0][name]");
}

TEST(Multipart, RefusesMalformedBodiesWith400) {
  std::string ok = field("a", "1") + end();
  EXPECT_EQ(status_of(ok), 200);
  EXPECT_EQ(status_of(""), 400);                                          // nothing at all
  EXPECT_EQ(status_of("just some text"), 400);                            // no delimiter
  EXPECT_EQ(status_of(field("a", "1")), 400);                             // no close delimiter
  EXPECT_EQ(status_of("--" + kBoundary + "\r\nContent-Disposition: form-data; name=\"a\"\r\n"), 400);  // no blank line
  EXPECT_EQ(status_of("--" + kBoundary + "junk\r\n" + end()), 400);     // bad delimiter line
  EXPECT_EQ(status_of(part("Content-Disposition: attachment; name=\"a\"", "1") + end()), 400);
  EXPECT_EQ(status_of(part("Content-Disposition: form-data; name=\"a", "1") + end()), 400);  // open quote
  EXPECT_EQ(status_of(part("Content-Disposition: form-data;\r\n name=\"a\"", "1") + end()), 400);  // folding
  EXPECT_EQ(status_of(part("no colon here", "1") + end()), 400);
  EXPECT_EQ(status_of(ok, ""), 400);
  // Headers beyond the limit are refused without scanning the rest of the body.
  std::string huge = part("Content-Disposition: form-data; name=\"a\"\r\nX-Filler: " + std::string(9000, 'x'), "1");
  EXPECT_EQ(status_of(huge + end()), 400);
}

TEST(Multipart, LimitsTheNumberOfParts) {
  std::string body;
  for (int i = 0; i < 129; ++i) body += field("f" + std::to_string(i), "x");
  body += end();
  EXPECT_EQ(status_of(body), 413);
  EXPECT_EQ(status_of(body, kBoundary, {.max_parts = 200}), 200);
}

TEST(Multipart, NearMissDelimitersStayFast) {
  // A megabyte of almost-delimiters must not make the scan quadratic.
  std::string filler;
  while (filler.size() < 1024 * 1024) filler += "\r\n--XyZ12";
  auto started = std::chrono::steady_clock::now();
  auto parts = parse_multipart(field("a", filler) + end(), kBoundary);
  auto took = std::chrono::steady_clock::now() - started;
  ASSERT_EQ(parts.size(), 1u);
  EXPECT_EQ(parts[0].data.size(), filler.size());
  EXPECT_LT(took, std::chrono::seconds(2));
}

TEST(Multipart, SurvivesRandomlyDamagedBodies) {
  // A small deterministic fuzz: every mutation either parses or is a 400/413.
  std::string valid = "pre\r\n" + field("display_name", "x") +
                      part("Content-Disposition: form-data; name=\"avatar\"; filename=\"a.png\"\r\nContent-Type: image/png",
                           std::string("\x89PNG\r\n\x1a\n\0\0", 10)) +
                      end();
  std::mt19937 rng(1234);
  for (int round = 0; round < 5000; ++round) {
    std::string body = valid;
    int edits = 1 + static_cast<int>(rng() % 4);
    for (int e = 0; e < edits; ++e) {
      size_t at = rng() % (body.size() + 1);
      switch (rng() % 4) {
        case 0: if (at < body.size()) body.erase(at, 1 + rng() % 8); break;
        case 1: body.insert(at, 1, static_cast<char>(rng() % 256)); break;
        case 2: body.insert(at, rng() % 2 ? "\r\n" : "--XyZ123"); break;
        case 3: body.resize(at); break;
      }
    }
    int status = status_of(body);
    EXPECT_TRUE(status == 200 || status == 400 || status == 413) << status;
  }
}

TEST(Multipart, FeedsParamsAndUploads) {
  std::string body = field("display_name", "Yoko") + field("fields_attributes[0][name]", "Web") +
                     field("fields_attributes[0][value]", "https://example.org") + field("source[privacy]", "private") +
                     part("Content-Disposition: form-data; name=\"avatar\"; filename=\"a.gif\"\r\nContent-Type: text/plain",
                          "GIF89a") +
                     part("Content-Disposition: form-data; name=\"header\"; filename=\"\"", "") + end();
  std::vector<UploadedFile> uploads;
  auto p = parse_params("locked=1", "multipart/form-data; boundary=" + kBoundary, body, &uploads);
  EXPECT_EQ(*param_string(p, "display_name"), "Yoko");
  EXPECT_EQ(p.at("fields_attributes").at("0").at("value").as_string(), "https://example.org");
  EXPECT_EQ(p.at("source").at("privacy").as_string(), "private");
  EXPECT_EQ(param_bool(p, "locked"), true);
  ASSERT_EQ(uploads.size(), 1u);  // the empty "no file chosen" part is dropped
  EXPECT_EQ(uploads[0].field, "avatar");
  EXPECT_EQ(uploads[0].filename, "a.gif");
  EXPECT_EQ(uploads[0].content_type, "text/plain");
  EXPECT_EQ(uploads[0].data, "GIF89a");
  EXPECT_FALSE(p.contains("avatar"));

  auto rejected = [&](const std::string& content_type, const std::string& b) {
    try {
      parse_params("", content_type, b, &uploads);
    } catch (const Error& e) {
      return e.status();
    }
    return 200;
  };
  EXPECT_EQ(rejected("multipart/form-data; boundary=" + kBoundary, field("note", "\xff\xfe") + end()), 400);
  EXPECT_EQ(rejected("multipart/form-data", field("note", "x") + end()), 400);
  EXPECT_EQ(rejected("multipart/form-data; boundary=" + kBoundary, field("a[b][c][d][e][f][g][h][i]", "x") + end()), 400);
}

TEST(Router, RestPatternsTakeTheRemainingSegments) {
  Router router;
  router.get("/system/*key", [](Request&) { return Response::text("file", "text/plain"); });
  router.get("/system/special", [](Request&) { return Response::text("literal", "text/plain"); });
  std::vector<std::pair<std::string, std::string>> params;
  ASSERT_TRUE(router.find("GET", "/system/accounts/avatars/1/a.png", params));
  ASSERT_EQ(params.size(), 1u);
  EXPECT_EQ(params[0], (std::pair<std::string, std::string>{"key", "accounts/avatars/1/a.png"}));
  params.clear();
  EXPECT_TRUE(router.find("GET", "/system/special", params));
  EXPECT_TRUE(params.empty());
  EXPECT_FALSE(router.find("GET", "/system", params));
  EXPECT_THROW(router.get("/x/*rest/more", [](Request&) { return Response::text("", "text/plain"); }),
               std::logic_error);
}
