#include "entities/user_role.h"

namespace agora::entities {

boost::json::object user_role(const model::UserRole& r) {
  return {{"id", std::to_string(r.id)},
          {"name", r.name},
          {"color", r.color},
          {"position", r.position},
          {"permissions", std::to_string(r.permissions)},
          {"highlighted", r.highlighted}};
}

}  // namespace agora::entities
