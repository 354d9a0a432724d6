// Mastodon's StatusEdit entity (one version in a status's history).
#pragma once
#include <boost/json/object.hpp>

#include "entities/render_context.h"
#include "model/status_edit.h"

namespace agora::entities {

boost::json::object status_edit(const model::StatusEditView& v, const RenderContext& rc);

}  // namespace agora::entities
