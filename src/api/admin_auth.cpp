#include "api/admin_auth.h"

#include "api/auth.h"

namespace agora::api {

services::Staff require_staff(services::Context& ctx, const http::Request& req, std::string_view scope) {
  return services::staff_member(ctx, authorize_if_token(ctx, req, {scope}));
}

}  // namespace agora::api
