// Stored files in an S3-compatible bucket (AWS S3, MinIO, Garage, R2, …),
// signed with AWS Signature Version 4. Objects are read by the public at
// public_base_url(); agora itself only writes, reads back and deletes them.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/config.h"
#include "media/storage.h"

namespace agora::media {

class S3Store final : public Storage {
 public:
  explicit S3Store(ObjectStorageSettings settings);

  // PUT with Content-Type, a long Cache-Control and the configured ACL. On
  // failure logs S3's error code and message and throws agora::Error (503).
  void put(std::string_view key, std::string_view bytes, std::string_view content_type) const override;
  // nullopt for a missing object, one over `max_bytes`, or any failure (logged).
  std::optional<std::string> read(std::string_view key, size_t max_bytes = 64 * 1024 * 1024) const override;
  // Failures are logged, never thrown.
  void remove(std::string_view key) const noexcept override;

  struct Object {
    std::string key;
    uint64_t size = 0;
    std::string etag;  // as S3 lists it, without quotes
  };
  // Every object whose key starts with `prefix` (ListObjectsV2, all pages),
  // in key order. Throws std::runtime_error saying what S3 answered.
  std::vector<Object> list(std::string_view prefix) const;
  // PUT of a private object (no public ACL, no long cache); throws
  // std::runtime_error with S3's answer. For backups, not for served files.
  void put_private(std::string_view key, std::string_view bytes) const;
  // GET that tells a missing object (nullopt) from a failure (std::runtime_error).
  std::optional<std::string> fetch(std::string_view key, size_t max_bytes) const;
  // DELETE; throws std::runtime_error unless S3 confirms (a missing object counts as deleted).
  void remove_checked(std::string_view key) const;

  // The alias host, or the bucket's own URL: where clients fetch the files.
  std::string public_base_url() const;
  // The URL an object is requested at (path style or virtual-host style).
  std::string object_url(std::string_view key) const;

 private:
  struct Response {
    int status = 0;
    std::string body;
    bool too_large = false;
  };
  Response send(std::string_view method, std::string_view key, std::vector<std::pair<std::string, std::string>> headers,
                std::string_view body, size_t max_response_bytes,
                std::vector<std::pair<std::string, std::string>> query = {}) const;
  std::string host() const;                       // what the Host header says
  std::string path(std::string_view key) const;   // "/bucket/key" or "/key"

  ObjectStorageSettings settings_;
  std::string scheme_;     // "https"
  std::string authority_;  // "s3.eu-central-1.amazonaws.com" or "127.0.0.1:9000"
  bool path_style_;
};

// "Code: Message" from an S3 error document, or "" when there is none.
std::string s3_error_summary(std::string_view xml);

}  // namespace agora::media
