// Filters v2 (/api/v2/filters, their keywords and statuses) and v1 (/api/v1/filters).
#include <boost/json.hpp>

#include "api/api.h"
#include "api/auth.h"
#include "api/ids.h"
#include "core/errors.h"
#include "core/snowflake.h"
#include "entities/filter.h"
#include "http/params.h"
#include "services/filters.h"

namespace agora::api {

namespace json = boost::json;

namespace {

bool blank_value(const json::value& v) {
  if (v.is_null()) return true;
  if (v.is_string()) return v.as_string().find_first_not_of(" \t\r\n\f\v") == json::string::npos;
  return false;
}

// context[]: Rails permits an array only; anything else counts as not sent.
std::optional<std::vector<std::string>> context_param(const json::object& p) {
  auto it = p.find("context");
  if (it == p.end() || !it->value().is_array()) return std::nullopt;
  return http::param_list(p, "context");
}

// expires_in: blank means "never"; anything else is seconds, read as Ruby's to_i.
std::optional<std::optional<int64_t>> expires_in_param(const http::Request& req) {
  auto it = req.params.find("expires_in");
  if (it == req.params.end()) return std::nullopt;
  if (blank_value(it->value())) return std::optional<int64_t>();
  return std::optional<int64_t>(lenient_int_param(req, "expires_in"));
}

services::KeywordAttributes keyword_attributes(const json::object& p) {
  services::KeywordAttributes a;
  if (auto id = http::param_string(p, "id"); id && !id->empty()) {
    a.id = parse_id(*id);
    if (!a.id) throw Error::not_found();
  }
  a.keyword = http::param_string(p, "keyword");
  a.whole_word = http::param_bool(p, "whole_word");
  a.destroy = http::param_bool(p, "_destroy").value_or(false);
  a.all_blank = true;
  for (const char* key : {"id", "keyword", "whole_word"})
    if (const auto* v = p.if_contains(key); v && !blank_value(*v)) a.all_blank = false;
  return a;
}

// keywords_attributes[][keyword]=… (an array) or keywords_attributes[0][keyword]=… (an object).
std::vector<services::KeywordAttributes> keywords_param(const json::object& p) {
  std::vector<services::KeywordAttributes> out;
  const auto* list = p.if_contains("keywords_attributes");
  if (!list) return out;
  auto add = [&](const json::value& v) {
    if (v.is_object()) out.push_back(keyword_attributes(v.as_object()));
  };
  if (list->is_array())
    for (const auto& v : list->as_array()) add(v);
  else if (list->is_object())
    for (const auto& [k, v] : list->as_object()) add(v);
  return out;
}

services::FilterChanges filter_changes(const http::Request& req) {
  services::FilterChanges c;
  c.title = http::param_string(req.params, "title");
  c.context = context_param(req.params);
  c.action = http::param_string(req.params, "filter_action");
  c.expires_in = expires_in_param(req);
  c.keywords = keywords_param(req.params);
  return c;
}

services::V1FilterChanges v1_changes(const http::Request& req) {
  return {http::param_string(req.params, "phrase"), context_param(req.params),
          http::param_bool(req.params, "irreversible"), http::param_bool(req.params, "whole_word"),
          expires_in_param(req)};
}

services::KeywordAttributes single_keyword(const http::Request& req) {
  services::KeywordAttributes a;
  a.keyword = http::param_string(req.params, "keyword");
  a.whole_word = http::param_bool(req.params, "whole_word");
  return a;
}

template <class T, class F>
http::Response json_array(const std::vector<T>& items, F render) {
  json::array body;
  for (const auto& item : items) body.push_back(render(item));
  return http::Response::json(body);
}

http::Response empty() { return http::Response::json(json::object()); }

void register_v2(http::Router& router, services::Context& ctx) {
  auto render_filter = [](const model::Filter& f) { return entities::filter(f); };
  router.get("/api/v2/filters", [&ctx, render_filter](http::Request& req) {
    auto auth = require_user(ctx, req, {"read:filters"});
    return json_array(services::filters(ctx, *auth.account), render_filter);
  });
  router.post("/api/v2/filters", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"write:filters"});
    return http::Response::json(entities::filter(services::create_filter(ctx, *auth.account, filter_changes(req))));
  });
  router.get("/api/v2/filters/:id", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"read:filters"});
    return http::Response::json(entities::filter(services::filter(ctx, *auth.account, path_id(req))));
  });
  router.put("/api/v2/filters/:id", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"write:filters"});
    return http::Response::json(
        entities::filter(services::update_filter(ctx, *auth.account, path_id(req), filter_changes(req))));
  });
  router.del("/api/v2/filters/:id", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"write:filters"});
    services::delete_filter(ctx, *auth.account, path_id(req));
    return empty();
  });

  // The filter's id is the first :id; a keyword's or status rule's the last.
  router.get("/api/v2/filters/:id/keywords", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"read:filters"});
    return json_array(services::filter_keywords(ctx, *auth.account, path_id(req)), entities::filter_keyword);
  });
  router.post("/api/v2/filters/:id/keywords", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"write:filters"});
    return http::Response::json(entities::filter_keyword(
        services::add_filter_keyword(ctx, *auth.account, path_id(req), single_keyword(req))));
  });
  router.get("/api/v2/filters/keywords/:id", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"read:filters"});
    return http::Response::json(entities::filter_keyword(services::filter_keyword(ctx, *auth.account, path_id(req))));
  });
  router.put("/api/v2/filters/keywords/:id", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"write:filters"});
    return http::Response::json(entities::filter_keyword(
        services::update_filter_keyword(ctx, *auth.account, path_id(req), single_keyword(req))));
  });
  router.del("/api/v2/filters/keywords/:id", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"write:filters"});
    services::delete_filter_keyword(ctx, *auth.account, path_id(req));
    return empty();
  });

  router.get("/api/v2/filters/:id/statuses", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"read:filters"});
    return json_array(services::filter_statuses(ctx, *auth.account, path_id(req)), entities::filter_status);
  });
  router.post("/api/v2/filters/:id/statuses", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"write:filters"});
    return http::Response::json(entities::filter_status(services::add_filter_status(
        ctx, *auth.account, path_id(req), http::param_string(req.params, "status_id"))));
  });
  router.get("/api/v2/filters/statuses/:id", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"read:filters"});
    return http::Response::json(entities::filter_status(services::filter_status(ctx, *auth.account, path_id(req))));
  });
  router.del("/api/v2/filters/statuses/:id", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"write:filters"});
    services::delete_filter_status(ctx, *auth.account, path_id(req));
    return empty();
  });
}

http::Response v1_response(const services::V1Filter& f) {
  return http::Response::json(entities::v1_filter(f.filter, f.keyword));
}

void register_v1(http::Router& router, services::Context& ctx) {
  router.get("/api/v1/filters", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"read:filters"});
    return json_array(services::v1_filters(ctx, *auth.account),
                      [](const services::V1Filter& f) { return entities::v1_filter(f.filter, f.keyword); });
  });
  router.post("/api/v1/filters", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"write:filters"});
    return v1_response(services::create_v1_filter(ctx, *auth.account, v1_changes(req)));
  });
  router.get("/api/v1/filters/:id", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"read:filters"});
    return v1_response(services::v1_filter(ctx, *auth.account, path_id(req)));
  });
  router.put("/api/v1/filters/:id", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"write:filters"});
    return v1_response(services::update_v1_filter(ctx, *auth.account, path_id(req), v1_changes(req)));
  });
  router.del("/api/v1/filters/:id", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"write:filters"});
    services::delete_v1_filter(ctx, *auth.account, path_id(req));
    return empty();
  });
}

}  // namespace

void register_filter_routes(http::Router& router, services::Context& ctx) {
  register_v2(router, ctx);
  register_v1(router, ctx);
}

}  // namespace agora::api
