#pragma once
/// An OpenAI-compatible chat-completions client (OpenAI, vLLM, Ollama, llama.cpp server).

#include <atomic>
#include <chrono>
#include <functional>
#include <mutex>
#include <optional>
#include <semaphore>
#include <string>
#include <vector>

#include "gen/providers/provider.h"
#include "gen/providers/request_shape.h"
#include "gen/providers/secrets.h"
#include "gen/size_limits.h"

namespace verigen {

struct OpenAIConfig {
  /// ".../v1"; /chat/completions is appended to its path (a query, such as an Azure-style
  /// `?api-key=`, is kept). Shown only with its userinfo and query values blanked.
  std::string base_url = "https://api.openai.com/v1";
  std::string api_key;  ///< sent as a Bearer token, never logged
  std::string model;
  std::chrono::milliseconds request_timeout{120000};
  int max_attempts = 5;  ///< per request, counting the first
  std::chrono::milliseconds backoff_base{500};
  std::chrono::milliseconds backoff_cap{20000};
  int concurrency = 4;  ///< requests in flight at once (at most 64)
  /// Bytes of one response body read at most; a larger answer is a Failure, not retried.
  std::size_t max_response_bytes = kDefaultMaxResponseBytes;
  /// The parameters this server takes (verigen.toml: max_tokens_param, send_temperature,
  /// send_n); adapted at run time when the server refuses one.
  RequestShape shape;
  /// The token budget per answer verigen.toml sets (max_tokens); nullopt: the caller's.
  std::optional<int> max_tokens;
  /// The prompt templates' folder verigen.toml names (`prompts`), absolute; "" for the embedded
  /// templates. --prompts overrides it.
  std::string prompts_dir;
  /// Told each adaptation as one line ("openai: note: ..."); may be empty.
  std::function<void(const std::string&)> on_note;
};

class OpenAIProvider : public Provider {
 public:
  explicit OpenAIProvider(OpenAIConfig config);

  std::string name() const override { return "openai"; }

  /// Asks for request.n choices in one request; when the server returns fewer (Ollama ignores
  /// n) or rejects n > 1 with a 400 (llama.cpp, reasoning models), the rest are fanned out as
  /// single requests, at most `concurrency` at a time; fan-out request i carries seed + i (when
  /// a seed is set), so a server that honours seeds still gives independent samples. A 400 that
  /// refuses `max_tokens` or `temperature` (reasoning models) changes the request's shape once,
  /// for this and every later request, says so through on_note, and is retried at once. A
  /// choice whose content is null (a reasoning model that spent its budget thinking) is an
  /// empty text with its finish_reason, not a failure of the request. Each request is retried on
  /// 429, 5xx, time-outs and connection errors with exponential backoff and jitter, honouring
  /// Retry-After, and never past `deadline`. Answers already received are kept when later requests
  /// fail; only when none arrived is the result a Failure. A response body larger than
  /// max_response_bytes is not read past the cap and is a Failure saying so (retrying would fetch
  /// it again). The API key and the URL's secrets are blanked in every message and in the returned
  /// texts (a server may echo them), so no log, cassette or error line carries them.
  Result<Completions> complete(const CompletionRequest& request, Deadline deadline) override;

  const OpenAIConfig& config() const { return config_; }

 private:
  /// One request (with its retries) for `n` choices with `seed`.
  Result<Completions> post(const CompletionRequest& request, int n, std::optional<long> seed,
                           Deadline deadline);
  RequestShape shape() const;
  /// Adapts the shape to `refusal` of a request sent with `sent`; false when nothing changes.
  bool adapt_to(const RequestShape& sent, Refusal refusal);
  OpenAIConfig config_;
  std::string url_;
  std::string shown_url_;  ///< url_ with its secrets blanked, for messages
  Redactor redact_;        ///< blanks the key and the URL's secrets
  std::counting_semaphore<64> slots_;
  mutable std::mutex shape_mutex_;
  RequestShape shape_;  ///< guarded by shape_mutex_
};

}  // namespace verigen
