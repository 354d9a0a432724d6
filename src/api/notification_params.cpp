#include "api/notification_params.h"

#include "api/ids.h"
#include "http/params.h"

namespace agora::api {

namespace {

// A type list, capped: no client needs more entries than there are types.
std::vector<std::string> type_list(const http::Request& req, std::string_view key) {
  auto list = http::param_list(req.params, key);
  if (list.size() > 32) list.resize(32);
  return list;
}

}  // namespace

services::NotificationQuery notification_query(const http::Request& req) {
  services::NotificationQuery q;
  q.types = type_list(req, "types");
  q.exclude_types = type_list(req, "exclude_types");
  q.grouped_types = type_list(req, "grouped_types");
  if (auto id = http::param_string(req.params, "account_id"); id && !id->empty())
    q.account_id = lenient_int_param(req, "account_id");
  q.include_filtered = http::param_bool(req.params, "include_filtered").value_or(false);
  return q;
}

}  // namespace agora::api
