#pragma once
/// Candidates from a language model: prompts from the templates, completions from a Provider,
/// code extracted from the answers and spliced into the task.

#include <map>
#include <mutex>

#include "gen/candidate_generator.h"
#include "gen/prompt_builder.h"
#include "gen/providers/provider.h"

namespace verigen {

struct LlmSettings {
  std::string model;
  double temperature = 0.8;
  std::optional<long> seed;
  int max_tokens = 4096;
  std::string prompts_dir;  ///< --prompts: a folder of templates overriding the embedded ones
  /// --history-tokens: how many tokens (estimated, see estimated_tokens) of earlier attempts at
  /// the same task and their errors a repair request carries before its own prompt; 0 sends
  /// none.
  int history_tokens = 4000;

  /// A chat request for `k` completions of `system`, the `history` turns, then `user`, under
  /// these settings.
  CompletionRequest request(std::string system, std::string user, int k,
                            std::vector<ChatMessage> history = {}) const {
    CompletionRequest r;
    r.messages = {{"system", std::move(system)}};
    for (auto& m : history) r.messages.push_back(std::move(m));
    r.messages.push_back({"user", std::move(user)});
    r.model = model;
    r.n = k;
    r.temperature = temperature;
    r.seed = seed;
    r.max_tokens = max_tokens;
    return r;
  }
};

/// What one run may spend on the model; 0 is no limit. Checked before each ask of the model:
/// once spent, no further ask starts (one ask that fans out k single requests counts k).
struct LlmBudget {
  int max_requests = 0;       ///< HTTP requests (fan-out and retries for truncation count)
  long max_tokens_total = 0;  ///< prompt + completion tokens as the server reports them
};

/// One earlier attempt at a task and what was wrong with it, as a repair conversation shows it.
struct RepairTurn {
  std::string attempt;   ///< the program (or raw answer) that failed
  std::string feedback;  ///< why: the repair prompt's problem and diagnostics
};

/// Tokens a text costs, estimated without the model's tokenizer: one per 4 bytes, rounded up
/// (OpenAI's rule of thumb for English and code).
inline long estimated_tokens(const std::string& text) {
  return static_cast<long>((text.size() + 3) / 4);
}

/// The conversation turns for `earlier` attempts (oldest first): an assistant turn with the
/// attempt in a `language_tag` fence, then a user turn with its feedback; the most recent
/// attempts that fit `budget` tokens together, older ones dropped whole (a first user turn
/// says how many). Empty when the budget is 0 or nothing fits.
std::vector<ChatMessage> repair_history(const std::vector<RepairTurn>& earlier,
                                        const std::string& language_tag, long budget);

/// A second model for repairs (`--repair-model`, `--repair-provider`).
struct RepairRole {
  Provider* provider = nullptr;  ///< must outlive the generator
  LlmSettings settings;
};

class LlmGenerator : public CandidateGenerator {
 public:
  /// `provider` must outlive the generator. Repairs go to `repair` when it has a provider.
  LlmGenerator(Provider& provider, LlmSettings settings, LlmBudget budget = {},
               RepairRole repair = {})
      : provider_(provider),
        settings_(std::move(settings)),
        budget_(budget),
        repair_(std::move(repair)) {}

  std::string name() const override { return provider_.name() + ":" + settings_.model; }
  /// A Failure when the server fails; an empty list once the budget is spent (usage() says so).
  Result<std::vector<RawCandidate>> generate(const Task& task, int k, Deadline deadline) override;
  Result<std::vector<RawCandidate>> repair(const Task& task, const std::string& failed,
                                           const Verdict& verdict, int k,
                                           Deadline deadline) override;
  GenerationUsage usage() const override;

  /// The candidate program in one completion (see extract_candidate in answer_extraction.h).
  static RawCandidate extract(const Task& task, const std::string& completion,
                              const std::string& origin);

 private:
  /// Asks `provider` with `settings` for `k` answers to `prompt` (after the `history` turns); a
  /// choice cut off at the token limit with no usable code is asked again once with twice the
  /// budget.
  Result<std::vector<RawCandidate>> ask(const Task& task, const Prompt& prompt, int k,
                                        Deadline deadline, const std::string& origin,
                                        Provider& provider, const LlmSettings& settings,
                                        std::vector<ChatMessage> history = {});
  /// Adds a completion's usage; false (and usage_.stopped set) when the budget forbids another
  /// request.
  bool may_ask();
  void count(const Completions& answer);

  Provider& provider_;
  LlmSettings settings_;
  LlmBudget budget_;
  RepairRole repair_;
  mutable std::mutex mutex_;
  GenerationUsage usage_;
  /// Per task id, the attempts already sent back for repair, oldest first.
  std::map<std::string, std::vector<RepairTurn>> repaired_;
};

}  // namespace verigen
