#include "core/json_document.h"

namespace verigen {

nlohmann::json json_document(const std::string& command, nlohmann::json body) {
  nlohmann::json document = {{"schema_version", kJsonSchemaVersion}, {"command", command}};
  for (auto& [key, value] : body.items()) document[key] = std::move(value);
  return document;
}

void set_verdict_fields(nlohmann::json& object, Outcome outcome, Cause cause,
                        const std::string& detail) {
  object["outcome"] = std::string(to_string(outcome));
  object["cause"] = std::string(to_string(cause));
  object["detail"] = detail;
}

}  // namespace verigen
