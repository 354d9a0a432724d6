// Reading a job's payload: a missing or mistyped field is a job that can
// never succeed (PermanentFailure), not one to retry.
#pragma once
#include <boost/json/object.hpp>
#include <cstdint>
#include <string>

namespace agora::workers {

std::string text_field(const boost::json::object& payload, const char* key);
int64_t id_field(const boost::json::object& payload, const char* key);

}  // namespace agora::workers
