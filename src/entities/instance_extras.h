// The small instance entities: Rule, Activity (a week), DomainBlock and
// ExtendedDescription.
#pragma once
#include <boost/json/object.hpp>

#include "model/instance.h"
#include "model/instance_extras.h"

namespace agora::entities {

boost::json::object rule(const model::Rule& r);
boost::json::object activity_week(const model::ActivityWeek& w);
// Obfuscated domains show only their edges (and dots); the digest is of the real domain.
boost::json::object domain_block(const model::PublicDomainBlock& b, bool with_comment);
boost::json::object extended_description(const model::ExtendedDescription& d);

}  // namespace agora::entities
