#pragma once
/// Where the OpenAI-compatible provider's settings come from, highest first:
/// command-line flags, then the environment (OPENAI_BASE_URL, OPENAI_API_KEY, VERIGEN_MODEL),
/// then a config file — `verigen.toml` or `.verigen.json` in the current directory or the
/// nearest ancestor that has one.
///
/// verigen.toml (a flat subset of TOML: `key = "string"` or `key = number`, optionally under a
/// [provider] table):
///   base_url = "http://127.0.0.1:8080/v1"
///   model = "qwen2.5-coder"
///   timeout = 120          # seconds per request
///   max_attempts = 5
///   concurrency = 4
/// .verigen.json: {"provider": {"base_url": ..., "model": ..., ...}} (or the keys at top level).
/// The API key is best kept in the environment; `api_key` in a file is read but discouraged.

#include <map>
#include <string>

#include "core/result.h"
#include "gen/providers/openai_provider.h"

namespace verigen {

/// Parses the flat TOML subset above into key → value (strings unquoted). Failures name the
/// file and line.
Result<std::map<std::string, std::string>> parse_flat_toml(const std::string& path, const std::string& text);

/// The settings found for the provider. `model` overrides everything else when non-empty.
/// `start_dir` is where the config-file search begins.
Result<OpenAIConfig> resolve_openai_config(const std::string& model, const std::string& start_dir);

}  // namespace verigen
