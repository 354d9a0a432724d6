#include "api/status_params.h"

#include "http/params.h"

namespace agora::api {

std::optional<services::NewPoll> poll_param(const http::Request& req) {
  auto it = req.params.find("poll");
  if (it == req.params.end() || !it->value().is_object()) return std::nullopt;
  const auto& p = it->value().as_object();
  services::NewPoll poll;
  poll.options = http::param_list(p, "options");
  // Ruby's to_i: a leading number, else 0 (which is too soon).
  if (auto text = http::param_string(p, "expires_in"); text && !text->empty()) {
    try {
      poll.expires_in = std::stoll(*text);
    } catch (const std::exception&) {
      poll.expires_in = 0;
    }
  }
  poll.multiple = http::param_bool(p, "multiple").value_or(false);
  poll.hide_totals = http::param_bool(p, "hide_totals").value_or(false);
  return poll;
}

}  // namespace agora::api
