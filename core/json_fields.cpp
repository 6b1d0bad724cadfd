#include "core/json_fields.h"

#include <algorithm>

namespace verigen {
namespace {

const nlohmann::json& null_value() {
  static const nlohmann::json kNull;
  return kNull;
}

}  // namespace

const nlohmann::json& json_field(const nlohmann::json& j, std::string_view key) {
  if (!j.is_object()) return null_value();
  auto it = j.find(std::string(key));
  return it == j.end() ? null_value() : *it;
}

const nlohmann::json& json_element(const nlohmann::json& j, std::size_t index) {
  return j.is_array() && index < j.size() ? j[index] : null_value();
}

std::string json_string(const nlohmann::json& j, std::string_view key, std::string fallback) {
  const auto& v = json_field(j, key);
  return v.is_string() ? v.get<std::string>() : fallback;
}

int json_int(const nlohmann::json& v, int fallback) {
  constexpr long long kLimit = 1000000000;
  if (v.is_number_unsigned())
    return static_cast<int>(std::min<unsigned long long>(v.get<unsigned long long>(), kLimit));
  if (v.is_number_integer())
    return static_cast<int>(std::clamp<long long>(v.get<long long>(), -kLimit, kLimit));
  return fallback;
}

}  // namespace verigen
