// The instance's rules (shown at sign-up and in /api/v1/instance/rules).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/instance.h"
#include "store/database.h"

namespace agora::store::rules {

// Rules not deleted, by position then id.
std::vector<model::Rule> list(Connection& c);
// Appends a rule after the others; returns it.
model::Rule insert(Connection& c, const std::string& text, const std::string& hint, int64_t now);
std::optional<model::Rule> find(Connection& c, int64_t id);  // not deleted
void update(Connection& c, int64_t id, const std::string& text, const std::string& hint, int64_t now);
// Swaps the rule with its neighbour before (up) or after it; false at either end.
bool move(Connection& c, int64_t id, bool up, int64_t now);
// Marks the rule deleted (reports keep pointing at it); false if there was none.
bool remove(Connection& c, int64_t id, int64_t now);

}  // namespace agora::store::rules
