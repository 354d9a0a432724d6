#include "services/validation.h"

#include <boost/json/object.hpp>

namespace agora::services {

void Validation::add(std::string field, std::string label, std::string code, std::string description) {
  errors_.push_back({std::move(field), std::move(label), std::move(code), std::move(description)});
}

void Validation::throw_if_failed(bool with_details) const {
  if (errors_.empty()) return;
  std::string message = "Validation failed: ";
  boost::json::object details;
  for (size_t i = 0; i < errors_.size(); ++i) {
    const auto& e = errors_[i];
    if (i) message += ", ";
    message += e.label + " " + e.description;
    auto& list = details[e.field];
    if (!list.is_array()) list = boost::json::array();
    list.as_array().push_back(boost::json::object{{"error", e.code}, {"description", e.description}});
  }
  if (!with_details) throw Error::unprocessable(message);
  throw Error::unprocessable(message, std::move(details));
}

}  // namespace agora::services
