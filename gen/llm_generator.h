#pragma once
/// Candidates from a language model: prompts from the templates, completions from a Provider,
/// code extracted from the answers and spliced into the task.

#include <mutex>

#include "gen/candidate_generator.h"
#include "gen/providers/provider.h"

namespace verigen {

struct LlmSettings {
  std::string model;
  double temperature = 0.8;
  std::optional<long> seed;
  int max_tokens = 4096;

  /// A chat request for `k` completions of `system` + `user` under these settings.
  CompletionRequest request(std::string system, std::string user, int k) const {
    CompletionRequest r;
    r.messages = {{"system", std::move(system)}, {"user", std::move(user)}};
    r.model = model;
    r.n = k;
    r.temperature = temperature;
    r.seed = seed;
    r.max_tokens = max_tokens;
    return r;
  }
};

class LlmGenerator : public CandidateGenerator {
 public:
  /// `provider` must outlive the generator.
  LlmGenerator(Provider& provider, LlmSettings settings)
      : provider_(provider), settings_(std::move(settings)) {}

  std::string name() const override { return provider_.name() + ":" + settings_.model; }
  Result<std::vector<RawCandidate>> generate(const Task& task, int k, Deadline deadline) override;
  Result<std::vector<RawCandidate>> repair(const Task& task, const std::string& failed,
                                           const Verdict& verdict, int k,
                                           Deadline deadline) override;
  GenerationUsage usage() const override;

  /// The candidate program in one completion: the largest closed code block in the task's
  /// language (or untagged); a fragment without any declaration keyword is spliced into the
  /// task's single hole. `rejected` says why there is no candidate.
  static RawCandidate extract(const Task& task, const std::string& completion,
                              const std::string& origin);

 private:
  Result<std::vector<RawCandidate>> ask(const Task& task, const std::string& user_prompt, int k,
                                        Deadline deadline, const std::string& origin);

  Provider& provider_;
  LlmSettings settings_;
  mutable std::mutex mutex_;
  GenerationUsage usage_;
};

}  // namespace verigen
