// Mastodon's Admin::Report entity (REST::Admin::ReportSerializer).
#pragma once
#include <boost/json/object.hpp>

#include "entities/render_context.h"
#include "model/admin_report_view.h"

namespace agora::entities {

boost::json::object admin_report(const model::AdminReportView& v, const RenderContext& rc);

}  // namespace agora::entities
