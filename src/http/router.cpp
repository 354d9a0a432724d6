#include "http/router.h"

#include "http/route_metrics.h"

#include <algorithm>
#include <stdexcept>
#include <vector>

namespace agora::http {

struct Router::Node {
  std::map<std::string, std::unique_ptr<Node>, std::less<>> literals;
  struct Prefixed {  // "@:name": a literal prefix, then the parameter
    std::string prefix, name;
    std::unique_ptr<Node> node;
  };
  std::vector<Prefixed> prefixed;
  std::unique_ptr<Node> param;
  std::string param_name;
  std::unique_ptr<Node> rest;  // "*name": the rest of the path, one or more segments
  std::string rest_name;
  std::map<std::string, Handler, std::less<>> handlers;
};

namespace {
std::vector<std::string_view> segments(std::string_view path) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (pos < path.size()) {
    if (path[pos] == '/') {
      ++pos;
      continue;
    }
    size_t next = path.find('/', pos);
    if (next == std::string_view::npos) next = path.size();
    out.push_back(path.substr(pos, next - pos));
    pos = next;
  }
  return out;
}
}  // namespace

Router::Router() : root_(std::make_unique<Node>()) {}
Router::~Router() = default;
Router::Router(Router&&) noexcept = default;

void Router::add(std::string_view method, std::string_view pattern, Handler handler) {
  Node* node = root_.get();
  auto segs = segments(pattern);
  for (size_t i = 0; i < segs.size(); ++i) {
    std::string_view seg = segs[i];
    if (seg.front() == '*') {
      if (i + 1 != segs.size()) throw std::logic_error("'*' must end the pattern " + std::string(pattern));
      if (!node->rest) {
        node->rest = std::make_unique<Node>();
        node->rest_name = std::string(seg.substr(1));
      } else if (node->rest_name != seg.substr(1)) {
        throw std::logic_error("conflicting parameter names at " + std::string(pattern));
      }
      node = node->rest.get();
    } else if (seg.front() == ':') {
      std::string name(seg.substr(1));
      if (!node->param) {
        node->param = std::make_unique<Node>();
        node->param_name = name;
      } else if (node->param_name != name) {
        throw std::logic_error("conflicting parameter names at " + std::string(pattern));
      }
      node = node->param.get();
    } else if (size_t colon = seg.find(':'); colon != std::string_view::npos) {
      std::string prefix(seg.substr(0, colon)), name(seg.substr(colon + 1));
      auto it = std::find_if(node->prefixed.begin(), node->prefixed.end(),
                             [&](const Node::Prefixed& p) { return p.prefix == prefix; });
      if (it == node->prefixed.end()) {
        node->prefixed.push_back({prefix, name, std::make_unique<Node>()});
        it = std::prev(node->prefixed.end());
      } else if (it->name != name) {
        throw std::logic_error("conflicting parameter names at " + std::string(pattern));
      }
      node = it->node.get();
    } else {
      auto it = node->literals.find(seg);
      if (it == node->literals.end()) it = node->literals.emplace(std::string(seg), std::make_unique<Node>()).first;
      node = it->second.get();
    }
  }
  // Wrapped so the pipeline can count requests by route (http/route_metrics.h).
  Handler routed = RoutedHandler{std::move(handler), &route_series(method, pattern)};
  if (!node->handlers.emplace(std::string(method), std::move(routed)).second)
    throw std::logic_error("route defined twice: " + std::string(method) + " " + std::string(pattern));
}

}  // namespace agora::http

namespace agora::http {
namespace {
// Depth-first so that a literal dead end can fall back to a parameter.
const Router::Node* match(const Router::Node* node, const std::vector<std::string_view>& segs, size_t i,
                          std::vector<std::pair<std::string, std::string>>& params) {
  if (i == segs.size()) return node->handlers.empty() ? nullptr : node;
  if (auto it = node->literals.find(segs[i]); it != node->literals.end())
    if (auto* found = match(it->second.get(), segs, i + 1, params)) return found;
  for (const auto& p : node->prefixed) {
    if (segs[i].size() <= p.prefix.size() || !segs[i].starts_with(p.prefix)) continue;
    params.emplace_back(p.name, std::string(segs[i].substr(p.prefix.size())));
    if (auto* found = match(p.node.get(), segs, i + 1, params)) return found;
    params.pop_back();
  }
  if (node->param) {
    params.emplace_back(node->param_name, std::string(segs[i]));
    if (auto* found = match(node->param.get(), segs, i + 1, params)) return found;
    params.pop_back();
  }
  if (node->rest && !node->rest->handlers.empty()) {
    std::string rest(segs[i]);
    for (size_t j = i + 1; j < segs.size(); ++j) rest += "/" + std::string(segs[j]);
    params.emplace_back(node->rest_name, std::move(rest));
    return node->rest.get();
  }
  return nullptr;
}
}  // namespace

const Handler* Router::find(std::string_view method, std::string_view path,
                            std::vector<std::pair<std::string, std::string>>& params) const {
  const Node* node = match(root_.get(), segments(path), 0, params);
  if (!node) return nullptr;
  auto it = node->handlers.find(method);
  if (it == node->handlers.end() && method == "HEAD") it = node->handlers.find("GET");
  if (it == node->handlers.end()) {
    params.clear();
    return nullptr;
  }
  return &it->second;
}

bool Router::has_path(std::string_view path) const {
  std::vector<std::pair<std::string, std::string>> ignored;
  return match(root_.get(), segments(path), 0, ignored) != nullptr;
}

}  // namespace agora::http
