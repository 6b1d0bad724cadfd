#pragma once
/// Reading fields of JSON that another program wrote (a verifier, a language server, a model's
/// server): none of these throws or asserts, whatever the document's shape. nlohmann's own
/// accessors do both: `value()` throws on a field of another type, and `operator[]` on a const
/// object with a missing key is an assertion (undefined behaviour in release builds).

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace verigen {

/// `j[key]` when `j` is an object that has it; else a null value.
const nlohmann::json& json_field(const nlohmann::json& j, std::string_view key);

/// `j[index]` when `j` is an array that long; else a null value.
const nlohmann::json& json_element(const nlohmann::json& j, std::size_t index);

/// The string at `j[key]`; `fallback` when absent or not a string.
std::string json_string(const nlohmann::json& j, std::string_view key, std::string fallback = {});

/// The integer `v`, saturated to [-10^9, 10^9]; `fallback` when `v` is not an integer.
int json_int(const nlohmann::json& v, int fallback);

/// The integer at `j[key]`, as json_int.
inline int json_int(const nlohmann::json& j, std::string_view key, int fallback) {
  return json_int(json_field(j, key), fallback);
}

}  // namespace verigen
