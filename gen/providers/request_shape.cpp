#include "gen/providers/request_shape.h"

namespace verigen {
namespace {

/// The parameter a 400's body names: error.param when it is a string, else the first of the
/// parameters we send that its message quotes ('max_tokens', "temperature", `n` ...).
std::string named_parameter(const std::string& body) {
  auto j = nlohmann::json::parse(body, nullptr, false);
  std::string message = body;
  if (j.is_object() && j.contains("error")) {
    const auto& e = j["error"];
    if (e.is_object()) {
      if (e.contains("param") && e["param"].is_string()) return e["param"].get<std::string>();
      if (e.contains("message") && e["message"].is_string()) message = e["message"];
    } else if (e.is_string()) {
      message = e.get<std::string>();
    }
  }
  for (const char* name : {"max_completion_tokens", "max_tokens", "temperature", "n"})
    for (const char* quote : {"'", "\"", "`"})
      if (message.find(std::string(quote) + name + quote) != std::string::npos) return name;
  return "";
}

}  // namespace

nlohmann::json request_body(const CompletionRequest& request, const std::string& model, int n,
                            std::optional<long> seed, const RequestShape& shape) {
  nlohmann::json messages = nlohmann::json::array();
  for (const auto& m : request.messages)
    messages.push_back({{"role", m.role}, {"content", m.content}});
  nlohmann::json body = {{"model", request.model.empty() ? model : request.model},
                         {"messages", messages},
                         {shape.max_tokens_param, request.max_tokens}};
  if (shape.send_temperature) body["temperature"] = request.temperature;
  if (n > 1) body["n"] = n;
  if (seed) body["seed"] = *seed;
  return body;
}

Refusal classify_refusal(const std::string& body, const RequestShape& shape, int n) {
  const std::string param = named_parameter(body);
  if (param == "max_tokens" || param == "max_completion_tokens")
    return param == shape.max_tokens_param ? Refusal::MaxTokens : Refusal::None;
  if (param == "temperature") return shape.send_temperature ? Refusal::Temperature : Refusal::None;
  if (param == "n" || (param.empty() && n > 1)) return n > 1 ? Refusal::N : Refusal::None;
  return Refusal::None;
}

std::pair<RequestShape, std::string> adapt(const RequestShape& shape, Refusal refusal) {
  RequestShape next = shape;
  switch (refusal) {
    case Refusal::MaxTokens:
      next.max_tokens_param =
          shape.max_tokens_param == "max_tokens" ? "max_completion_tokens" : "max_tokens";
      return {next, "the server refuses '" + shape.max_tokens_param + "'; sending '" +
                        next.max_tokens_param +
                        "' from now on (max_tokens_param in verigen.toml makes it permanent)"};
    case Refusal::Temperature:
      next.send_temperature = false;
      return {next,
              "the server accepts only its default temperature; no longer sending one "
              "(send_temperature = false in verigen.toml makes it permanent)"};
    case Refusal::N:
      next.send_n = false;
      return {next,
              "the server refuses n > 1; one sample per request from now on (send_n = false "
              "in verigen.toml makes it permanent)"};
    default:
      return {next, ""};
  }
}

}  // namespace verigen
