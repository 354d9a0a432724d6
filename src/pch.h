// Precompiled header: heavy, stable headers used by many translation units.
// Boost.Beast/Asio are deliberately absent (only http/server.cpp needs them).
#pragma once
#include <boost/json.hpp>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>
