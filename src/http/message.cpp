#include <boost/json/serialize.hpp>

#include "http/request.h"
#include "http/response.h"

namespace agora::http {

std::string_view Request::path_param(std::string_view name) const {
  for (const auto& [k, v] : path_params)
    if (k == name) return v;
  return {};
}

const UploadedFile* Request::upload(std::string_view field) const {
  for (auto it = uploads.rbegin(); it != uploads.rend(); ++it)
    if (it->field == field) return &*it;
  return nullptr;
}

namespace {
template <class Json>
Response json_response(const Json& body, int status) {
  return Response::text(boost::json::serialize(body), "application/json; charset=utf-8", status);
}
}  // namespace

Response Response::json(const boost::json::value& value, int status) { return json_response(value, status); }
Response Response::json(const boost::json::array& value, int status) { return json_response(value, status); }
Response Response::json(const boost::json::object& value, int status) { return json_response(value, status); }

Response Response::text(std::string body, std::string content_type, int status) {
  Response r;
  r.status = status;
  r.body = std::move(body);
  r.headers.set("Content-Type", std::move(content_type));
  return r;
}

Response Response::error(int status, const std::string& message, const boost::json::value& details) {
  boost::json::object body{{"error", message}};
  if (!details.is_null()) body["details"] = details;
  return json(body, status);
}

}  // namespace agora::http
