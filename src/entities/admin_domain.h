// Mastodon's Admin::DomainBlock, Admin::DomainAllow and Admin::EmailDomainBlock entities.
#pragma once
#include <boost/json/object.hpp>

#include "model/domain_block.h"

namespace agora::entities {

boost::json::object admin_domain_block(const model::DomainBlock& b);
boost::json::object admin_domain_allow(const model::DomainEntry& e);
// `today_ms`: the history covers the seven days up to today.
boost::json::object admin_email_domain_block(const model::DomainEntry& e, int64_t today_ms);

}  // namespace agora::entities
