// Routes of a list of plain domains in the admin API (index, show, create,
// destroy): domain allows and e-mail domain blocks answer alike.
#pragma once
#include <string>
#include <string_view>

#include "http/router.h"
#include "services/admin_domains.h"

namespace agora::api {

void register_domain_entries(http::Router& router, services::Context& ctx, const std::string& path,
                             services::DomainList which, std::string_view read_scope, std::string_view write_scope);

}  // namespace agora::api
