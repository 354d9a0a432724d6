// The instance's rules (shown at sign-up and in /api/v1/instance/rules).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "model/instance.h"
#include "store/database.h"

namespace agora::store::rules {

// Rules not deleted, by position then id.
std::vector<model::Rule> list(Connection& c);
// Appends a rule after the others; returns it.
model::Rule insert(Connection& c, const std::string& text, const std::string& hint, int64_t now);
// Marks the rule deleted (reports keep pointing at it); false if there was none.
bool remove(Connection& c, int64_t id, int64_t now);

}  // namespace agora::store::rules
