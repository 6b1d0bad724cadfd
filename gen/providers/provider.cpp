#include "gen/providers/provider.h"

#include <nlohmann/json.hpp>

#include "core/hash.h"

namespace verigen {

std::string request_key(const CompletionRequest& request) {
  nlohmann::json messages = nlohmann::json::array();
  for (const auto& m : request.messages)
    messages.push_back({{"role", m.role}, {"content", m.content}});
  nlohmann::json canonical = {{"model", request.model},
                              {"messages", messages},
                              {"n", request.n},
                              {"temperature", request.temperature},
                              {"max_tokens", request.max_tokens}};
  if (request.seed) canonical["seed"] = *request.seed;
  return sha256_hex(canonical.dump());  // nlohmann's objects are key-sorted: canonical
}

}  // namespace verigen
