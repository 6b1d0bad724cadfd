#pragma once
/// What a chat-completions request body looks like for one server, and how to change it when
/// the server refuses a parameter. OpenAI's reasoning models refuse `max_tokens` (they want
/// `max_completion_tokens`), any `temperature` but the default 1, and `n` > 1; llama.cpp
/// refuses `n` > 1. Each answers with a 400 whose JSON error names the parameter.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "gen/providers/provider.h"

namespace verigen {

/// The server-specific shape of a request: which parameters to send and under which names.
struct RequestShape {
  /// "max_tokens" or "max_completion_tokens": the name the token budget is sent under.
  std::string max_tokens_param = "max_tokens";
  bool send_temperature = true;  ///< false: the server's default temperature (1) is used
  bool send_n = true;            ///< false: one sample per request, fanned out
};

/// The JSON body of `request` for `n` choices under `shape`; `model` replaces an empty
/// request.model; `seed` is sent when set.
nlohmann::json request_body(const CompletionRequest& request, const std::string& model, int n,
                            std::optional<long> seed, const RequestShape& shape);

/// What a 400 answer asks to change, decided from its JSON error's `param` (else the
/// parameter its message quotes, as OpenAI's "Unsupported parameter: 'max_tokens' ..." does).
enum class Refusal {
  None,         ///< the 400 is about something else: the request itself is wrong
  MaxTokens,    ///< wants the other name for the token budget
  Temperature,  ///< accepts only its default temperature
  N             ///< accepts one choice per request
};

/// Reads a 400's `body` against what was sent (`shape`, `n`). A 400 that names no parameter
/// while n > 1 was sent is taken as a refusal of n, as llama.cpp's is; one that names a
/// parameter already adapted away is None (no loop).
Refusal classify_refusal(const std::string& body, const RequestShape& shape, int n);

/// `shape` changed to satisfy `refusal`, and the one line that tells the user what changed.
std::pair<RequestShape, std::string> adapt(const RequestShape& shape, Refusal refusal);

}  // namespace verigen
