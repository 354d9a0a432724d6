// Mastodon's Admin::Account entity (REST::Admin::AccountSerializer) and the
// role as it shows there (the stored UserRole record, numbers as numbers).
#pragma once
#include <boost/json/object.hpp>

#include "entities/render_context.h"
#include "model/admin_account.h"

namespace agora::entities {

boost::json::object admin_account(const model::AdminAccount& a, const RenderContext& rc);
boost::json::object admin_role(const model::UserRole& r);

}  // namespace agora::entities
