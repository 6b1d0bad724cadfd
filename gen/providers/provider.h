#pragma once
/// Provider: where completions come from (an OpenAI-compatible server, a recorded cassette).

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "core/deadline.h"
#include "core/result.h"

namespace verigen {

struct ChatMessage {
  std::string role;  ///< "system", "user", "assistant"
  std::string content;
};

struct CompletionRequest {
  std::vector<ChatMessage> messages;
  std::string model;
  int n = 1;
  double temperature = 0.8;
  std::optional<long> seed;
  int max_tokens = 4096;
};

struct Completions {
  std::vector<std::string> texts;
  std::vector<std::string> finish_reasons;
  long prompt_tokens = 0;
  long completion_tokens = 0;
  int requests = 0;
  std::chrono::milliseconds elapsed{0};
};

class Provider {
 public:
  virtual ~Provider() = default;
  /// "openai", "replay".
  virtual std::string name() const = 0;
  /// Up to request.n completions before `deadline`. A Failure is one line naming the server or
  /// cassette and what went wrong; it never contains credentials.
  virtual Result<Completions> complete(const CompletionRequest& request, Deadline deadline) = 0;
};

/// The canonical JSON of what determines an answer (model, messages, n, temperature, seed,
/// max_tokens) — never the URL or the key — and its SHA-256, the cassette key.
std::string request_key(const CompletionRequest& request);

}  // namespace verigen
