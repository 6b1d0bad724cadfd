#pragma once
/// Where the OpenAI-compatible provider's settings come from, highest first:
/// command-line flags, then the environment (OPENAI_BASE_URL, OPENAI_API_KEY, VERIGEN_MODEL),
/// then `verigen.toml` in the current directory or the nearest ancestor that has one.
///
/// verigen.toml is TOML (read with toml++); the keys may sit at the top level or under a
/// [provider] table ([openai] is accepted as another name for it):
///   base_url = "http://127.0.0.1:8080/v1"   # http:// or https://
///   model = "qwen2.5-coder"
///   timeout = 120          # seconds per request, 0 < timeout <= 86400
///   max_attempts = 5       # per request, counting the first, 1..100
///   concurrency = 4        # requests in flight, 1..64
///   api_key = "..."        # read, but better kept in OPENAI_API_KEY
///   max_tokens = 4096      # the token budget per answer, 1..2^20
///   max_tokens_param = "max_completion_tokens"   # or "max_tokens" (the default)
///   send_temperature = false   # the server takes only its default temperature
///   send_n = false             # the server takes one choice per request
///   prompts = "prompts"        # a folder of prompt templates (as --prompts), relative to the
///                              # file's own folder; it must exist
/// Anything else — an unknown key or table, a value of the wrong type or out of range, a key
/// given twice — is an error naming the file, line and column.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "gen/providers/openai_provider.h"

namespace verigen {

/// The settings a verigen.toml gives; a key the file does not set stays nullopt.
struct ProviderFileSettings {
  std::optional<std::string> base_url;
  std::optional<std::string> api_key;
  std::optional<std::string> model;
  std::optional<std::chrono::milliseconds> timeout;
  std::optional<int> max_attempts;
  std::optional<int> concurrency;
  std::optional<int> max_tokens;
  std::optional<std::string> max_tokens_param;
  std::optional<bool> send_temperature;
  std::optional<bool> send_n;
  /// The `prompts` folder, made absolute against the config file's folder.
  std::optional<std::string> prompts_dir;
};

/// Reads and validates the text of a verigen.toml. A Failure is one line,
/// `PATH:LINE:COL: error: ...`: TOML syntax errors as toml++ reports them, unknown keys and
/// tables (with "did you mean" when a known name is close), wrong types, non-finite or
/// out-of-range numbers, and a key set both at the top level and in [provider].
Result<ProviderFileSettings> parse_provider_config(const std::string& path, std::string_view text);

/// The settings found for the provider. `model` (the --model flag) overrides everything else
/// when non-empty. `start_dir` is where the config-file search begins. A bad config file is a
/// Failure (see parse_provider_config), even when the environment overrides the bad key.
Result<OpenAIConfig> resolve_openai_config(const std::string& model, const std::string& start_dir);

}  // namespace verigen
