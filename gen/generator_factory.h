#pragma once
/// Choosing the candidate generator for `verigen gen` from the command line's options.

#include <memory>
#include <optional>
#include <string>

#include "core/backend.h"
#include "core/process.h"
#include "core/result.h"
#include "gen/candidate_generator.h"
#include "gen/llm_generator.h"
#include "gen/providers/provider.h"
#include "gen/size_limits.h"

namespace verigen {

struct GeneratorOptions {
  std::string provider = "builtin";  ///< builtin | openai | replay
  std::string model;                 ///< overrides VERIGEN_MODEL / the config file
  std::optional<double> temperature;
  std::optional<long> seed;
  std::optional<int> max_tokens;  ///< per answer; else verigen.toml's, else 4096
  int history_tokens = LlmSettings{}.history_tokens;  ///< --history-tokens (repair conversation)
  LlmBudget budget;                                   ///< --max-requests, --max-tokens-total
  /// --max-verifier-calls: the builtin provider's verifier calls per task (0: no limit).
  int max_verifier_calls = 0;
  /// --repair-model / --repair-provider: repairs go to another model ("" = the same one).
  std::string repair_model;
  std::string repair_provider;
  std::string prompts_dir;  ///< --prompts: templates overriding the embedded ones
  std::string cassette;     ///< replay: the recorded answers
  std::string record;       ///< record answers to this cassette
  /// One answer's size cap, live (HTTP body) or replayed (cassette answer).
  std::size_t max_response_bytes = kDefaultMaxResponseBytes;
};

/// What an LLM-backed generator talks to: the provider `options` ask for (openai or replay), the
/// recorder wrapped around it when --record is given, and the model settings.
struct LlmProviderChain {
  std::unique_ptr<Provider> provider;
  std::unique_ptr<Provider> recorder;  ///< null unless recording
  LlmSettings settings;
  /// The provider to send requests to: the recorder when there is one.
  Provider& active() { return recorder ? *recorder : *provider; }
};

/// Builds the chain for options.provider "openai" or "replay" from the options and the resolved
/// provider config. Failures are one line prefixed with `command` ("gen", "inv"): an unknown
/// provider, no model for openai, no or a bad cassette for replay.
Result<LlmProviderChain> make_llm_provider_chain(const GeneratorOptions& options,
                                                 const std::string& command);

/// The generator `options` ask for; `backend` serves the builtin provider's Houdini loop and
/// `runner` (optional, must outlive the generator) its runs on sample inputs. With a repair
/// model or provider, repairs go to a second chain built the same way.
Result<std::unique_ptr<CandidateGenerator>> make_generator(const GeneratorOptions& options,
                                                           Backend& backend,
                                                           ProcessRunner* runner = nullptr);

}  // namespace verigen
