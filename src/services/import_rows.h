// Reading an import file into rows (one JSON object per row) and applying
// one row, per import type. Private to services/imports.cpp.
#pragma once
#include <boost/json/object.hpp>
#include <string>
#include <vector>

#include "model/account.h"
#include "services/context.h"

namespace agora::services::import_rows {

// The rows of `csv` for `type`; throws Error 422 naming the problem.
std::vector<boost::json::object> parse(const Context& ctx, const std::string& type, std::string_view csv);

// Applies one row; false when it could not be (unknown account, blocked, …).
bool apply(Context& ctx, const model::Account& member, const std::string& type, const boost::json::object& row);

// Undoes what the member has of `type` that none of `rows` lists.
void remove_unlisted(Context& ctx, const model::Account& member, const std::string& type,
                     const std::vector<boost::json::object>& rows);

}  // namespace agora::services::import_rows
