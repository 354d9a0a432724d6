#include "core/zip_writer.h"

#include <zip.h>

#include <list>
#include <stdexcept>

namespace agora {

struct ZipWriter::State {
  zip_source_t* source = nullptr;  // the archive's own buffer
  zip_t* archive = nullptr;
  std::list<std::string> contents;  // libzip reads the files' bytes when the archive is closed
};

namespace {

[[noreturn]] void fail(const std::string& what, zip_error_t* error) {
  throw std::runtime_error("zip: " + what + ": " + (error ? zip_error_strerror(error) : "unknown error"));
}

}  // namespace

ZipWriter::ZipWriter() : state_(std::make_unique<State>()) {
  zip_error_t error;
  zip_error_init(&error);
  state_->source = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (!state_->source) fail("buffer", &error);
  zip_source_keep(state_->source);
  state_->archive = zip_open_from_source(state_->source, ZIP_TRUNCATE, &error);
  if (!state_->archive) {
    zip_source_free(state_->source);
    fail("open", &error);
  }
}

ZipWriter::~ZipWriter() {
  if (state_->archive) zip_discard(state_->archive);
  if (state_->source) zip_source_free(state_->source);
}

void ZipWriter::add(const std::string& name, std::string bytes, bool compress) {
  if (!state_->archive) throw std::runtime_error("zip: already finished");
  const auto& kept = state_->contents.emplace_back(std::move(bytes));
  zip_source_t* file = zip_source_buffer(state_->archive, kept.data(), kept.size(), 0);
  if (!file) fail("file " + name, zip_get_error(state_->archive));
  zip_int64_t index = zip_file_add(state_->archive, name.c_str(), file, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
  if (index < 0) {
    zip_source_free(file);
    fail("add " + name, zip_get_error(state_->archive));
  }
  zip_set_file_compression(state_->archive, static_cast<zip_uint64_t>(index), compress ? ZIP_CM_DEFLATE : ZIP_CM_STORE, 0);
}

std::string ZipWriter::finish() {
  if (!state_->archive) throw std::runtime_error("zip: already finished");
  if (zip_close(state_->archive) != 0) fail("close", zip_get_error(state_->archive));
  state_->archive = nullptr;
  state_->contents.clear();
  zip_stat_t stat;
  if (zip_source_stat(state_->source, &stat) != 0 || zip_source_open(state_->source) != 0)
    fail("read back", zip_source_error(state_->source));
  std::string out(static_cast<size_t>(stat.size), '\0');
  zip_int64_t n = zip_source_read(state_->source, out.data(), out.size());
  zip_source_close(state_->source);
  if (n < 0 || static_cast<zip_uint64_t>(n) != stat.size) fail("read back", zip_source_error(state_->source));
  return out;
}

}  // namespace agora
