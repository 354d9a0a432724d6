// Mastodon's Admin::Measure, Admin::Dimension and Admin::Cohort entities.
#pragma once
#include <boost/json/object.hpp>

#include "model/admin_metrics.h"

namespace agora::entities {

boost::json::object admin_measure(const model::Measure& m);
boost::json::object admin_dimension(const model::Dimension& d);
boost::json::object admin_cohort(const model::Cohort& c);

}  // namespace agora::entities
