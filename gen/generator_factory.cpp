#include "gen/generator_factory.h"

#include <iostream>

#include "gen/builtin/builtin_generator.h"
#include "gen/llm_generator.h"
#include "gen/providers/provider_config.h"
#include "gen/providers/replay_provider.h"

namespace verigen {
namespace {

/// Owns the provider chain (provider, optional recorder) that an LlmGenerator talks to.
class OwningLlmGenerator : public CandidateGenerator {
 public:
  OwningLlmGenerator(LlmProviderChain chain, std::optional<LlmProviderChain> repair,
                     LlmBudget budget)
      : chain_(std::move(chain)),
        repair_chain_(std::move(repair)),
        llm_(chain_.active(), chain_.settings, budget,
             repair_chain_ ? RepairRole{&repair_chain_->active(), repair_chain_->settings}
                           : RepairRole{}) {}
  std::string name() const override { return llm_.name(); }
  Result<std::vector<RawCandidate>> generate(const Task& t, int k, Deadline d) override {
    return llm_.generate(t, k, d);
  }
  Result<std::vector<RawCandidate>> repair(const Task& t, const std::string& f, const Verdict& v,
                                           int k, Deadline d) override {
    return llm_.repair(t, f, v, k, d);
  }
  GenerationUsage usage() const override { return llm_.usage(); }

 private:
  LlmProviderChain chain_;
  std::optional<LlmProviderChain> repair_chain_;
  LlmGenerator llm_;
};

}  // namespace

Result<LlmProviderChain> make_llm_provider_chain(const GeneratorOptions& options,
                                                 const std::string& command) {
  if (options.provider != "openai" && options.provider != "replay")
    return fail(command + ": error: unknown provider '" + options.provider +
                "' (builtin, openai, replay)");

  auto config = resolve_openai_config(options.model, ".");
  if (!config.ok()) return fail(config.error());
  LlmProviderChain chain;
  chain.settings.model = config->model;
  if (options.temperature) chain.settings.temperature = *options.temperature;
  chain.settings.seed = options.seed;
  // --prompts first, then verigen.toml's `prompts`, then the embedded templates.
  chain.settings.prompts_dir =
      options.prompts_dir.empty() ? config->prompts_dir : options.prompts_dir;
  chain.settings.history_tokens = options.history_tokens;
  if (options.max_tokens)
    chain.settings.max_tokens = *options.max_tokens;
  else if (config->max_tokens)
    chain.settings.max_tokens = *config->max_tokens;

  if (options.provider == "replay") {
    if (options.cassette.empty())
      return fail(command + ": error: --provider replay needs --cassette FILE");
    auto replay = ReplayProvider::open(options.cassette, options.max_response_bytes);
    if (!replay.ok()) return fail(replay.error());
    chain.provider = std::move(*replay);
  } else {
    if (config->model.empty())
      return fail(
          command +
          ": error: no model configured for --provider openai: set VERIGEN_MODEL, pass --model, "
          "or put model = \"...\" in verigen.toml");
    config->max_response_bytes = options.max_response_bytes;
    // What was adapted to the server (a refused max_tokens, temperature or n) is said once, so
    // the user can make it permanent in verigen.toml.
    config->on_note = [](const std::string& line) { std::cerr << line << "\n"; };
    chain.provider = std::make_unique<OpenAIProvider>(*config);
  }
  if (!options.record.empty())
    chain.recorder = std::make_unique<RecordingProvider>(*chain.provider, options.record);
  return chain;
}

Result<std::unique_ptr<CandidateGenerator>> make_generator(const GeneratorOptions& options,
                                                           Backend& backend,
                                                           ProcessRunner* runner) {
  if (options.provider == "builtin")
    return std::unique_ptr<CandidateGenerator>(
        std::make_unique<BuiltinGenerator>(backend, runner, options.max_verifier_calls));
  auto chain = make_llm_provider_chain(options, "gen");
  if (!chain.ok()) return fail(chain.error());
  std::optional<LlmProviderChain> repair;
  if (!options.repair_model.empty() || !options.repair_provider.empty()) {
    GeneratorOptions second = options;
    if (!options.repair_provider.empty()) second.provider = options.repair_provider;
    if (!options.repair_model.empty()) second.model = options.repair_model;
    // One cassette records one provider's answers; the repair model's are not recorded.
    second.record.clear();
    auto built = make_llm_provider_chain(second, "gen");
    if (!built.ok()) return fail(built.error());
    repair = std::move(*built);
  }
  return std::unique_ptr<CandidateGenerator>(
      std::make_unique<OwningLlmGenerator>(std::move(*chain), std::move(repair), options.budget));
}

}  // namespace verigen
