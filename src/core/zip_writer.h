// Writing a ZIP archive in memory (libzip): members' data archives.
#pragma once
#include <memory>
#include <string>
#include <string_view>

namespace agora {

class ZipWriter {
 public:
  ZipWriter();
  ~ZipWriter();
  ZipWriter(const ZipWriter&) = delete;
  ZipWriter& operator=(const ZipWriter&) = delete;

  // Adds a file; `compress` false for data that is compressed already (media).
  // Throws std::runtime_error on failure.
  void add(const std::string& name, std::string bytes, bool compress = true);
  // The whole archive; the writer is finished afterwards.
  std::string finish();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace agora
