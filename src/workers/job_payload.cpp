#include "workers/job_payload.h"

#include "workers/worker_pool.h"

namespace agora::workers {

namespace {
const boost::json::value& field(const boost::json::object& p, const char* key) {
  auto it = p.find(key);
  if (it == p.end()) throw PermanentFailure(std::string("job without ") + key);
  return it->value();
}
}  // namespace

std::string text_field(const boost::json::object& p, const char* key) {
  const auto& v = field(p, key);
  if (!v.is_string()) throw PermanentFailure(std::string("job without ") + key);
  return std::string(v.as_string());
}

int64_t id_field(const boost::json::object& p, const char* key) {
  const auto& v = field(p, key);
  if (!v.is_int64()) throw PermanentFailure(std::string("job without ") + key);
  return v.as_int64();
}

}  // namespace agora::workers
