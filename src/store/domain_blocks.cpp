#include "store/domain_blocks.h"

#include "store/statement.h"

namespace agora::store::domain_blocks {

std::optional<Rule> rule_for(Connection& c, const std::string& host) {
  // The host and each parent domain ("a.b.example" → "b.example", "example"); the longest match wins.
  std::vector<std::string> candidates{host};
  for (size_t dot = host.find('.'); dot != std::string::npos; dot = host.find('.', dot + 1))
    candidates.push_back(host.substr(dot + 1));
  Statement s("SELECT domain, severity, reject_media, reject_reports FROM domain_blocks WHERE lower(domain) IN ");
  s.add_text_list(candidates);
  s.add(" ORDER BY length(domain) DESC LIMIT 1");
  auto rows = s.query(c);
  if (rows.empty()) return std::nullopt;
  const auto& r = rows.front();
  return Rule{r.text(0), r.text(1), r.boolean(2), r.boolean(3)};
}

bool allowed(Connection& c, const std::string& host) {
  return c.query_one("SELECT 1 FROM domain_allows WHERE lower(domain) = ?", {host}).has_value();
}

}  // namespace agora::store::domain_blocks
