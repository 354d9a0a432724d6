// Maps method + path to a handler. Patterns are literal segments, ":name"
// parameters ("/api/v1/accounts/:id/follow"), prefixed parameters ("/@:username":
// a segment starting with "@", the rest is the parameter) and a final "*name"
// that takes the rest of the path ("/system/*key"); literals win over
// prefixed parameters, and those over plain ones.
#pragma once
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "http/request.h"
#include "http/response.h"

namespace agora::http {

using Handler = std::function<Response(Request&)>;

class Router {
 public:
  Router();
  ~Router();
  Router(Router&&) noexcept;

  void add(std::string_view method, std::string_view pattern, Handler handler);
  void get(std::string_view p, Handler h) { add("GET", p, std::move(h)); }
  void post(std::string_view p, Handler h) { add("POST", p, std::move(h)); }
  void put(std::string_view p, Handler h) { add("PUT", p, std::move(h)); }
  void patch(std::string_view p, Handler h) { add("PATCH", p, std::move(h)); }
  void del(std::string_view p, Handler h) { add("DELETE", p, std::move(h)); }

  // The handler for this method and path, filling `params` with ":name"
  // segments; nullptr if none. HEAD falls back to GET.
  const Handler* find(std::string_view method, std::string_view path,
                      std::vector<std::pair<std::string, std::string>>& params) const;
  // Whether any method is routed at this path (for CORS preflights).
  bool has_path(std::string_view path) const;

  struct Node;  // a trie of path segments, private to router.cpp

 private:
  std::unique_ptr<Node> root_;
};

}  // namespace agora::http
