#pragma once
/// Candidate invariants from a language model: the SyGuS prompt templates, k completions from a
/// Provider (openai with fan-out and retries, or a replay cassette), the first define-fun or term
/// of each answer parsed and type-checked against the problem; garbage is kept aside with the
/// reason, duplicates are dropped.

#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "gen/generator_factory.h"
#include "gen/invariants/invariant_proposer.h"
#include "gen/llm_generator.h"

namespace verigen::inv {

/// A completion that gave no candidate, and why.
struct RejectedCompletion {
  std::string origin;  ///< "openai:MODEL#3"
  std::string reason;  ///< one line, e.g. "openai:m#3:1:9: error: unknown symbol 'q'"
  std::string raw;     ///< the completion as received
};

class LlmInvariantProposer : public InvariantProposer {
 public:
  /// Talks to `provider`, which must outlive the proposer.
  LlmInvariantProposer(Provider& provider, LlmSettings settings);
  /// Owns the provider chain (provider, optional recorder).
  explicit LlmInvariantProposer(LlmProviderChain chain);

  std::string name() const override;
  /// One request for k completions; a Failure only when the provider gives none at all. The
  /// whole answers come first, in completion order; then (Houdini on) the conjuncts of all
  /// answers, pooled and pruned with Z3 to their greatest inductive subset, as one more
  /// candidate; when no candidate verifies, the pruned invariant's failed check (its name and
  /// counterexample) is sent back once, and the new answers, and their conjuncts pooled with
  /// the survivors and pruned again, are further candidates.
  Result<std::vector<InvariantCandidate>> candidates(const sygus::Problem& problem, int k,
                                                     Deadline deadline) override;

  /// The completions of the last candidates() call that gave no candidate (garbage, ill-typed,
  /// unknown symbols, duplicates), in completion order. Thread-safe.
  std::vector<RejectedCompletion> rejected() const;
  /// Tokens and requests over all calls so far. Thread-safe.
  GenerationUsage usage() const;

  /// The invariant in one completion: the first define-fun (else the first term) of the first
  /// SMT-LIB or untagged code block (else of the whole text), parsed with sygus::parse_invariant.
  /// A Failure is the reason the completion gives no candidate.
  static Result<sygus::SExpr> extract(const sygus::Problem& problem, const std::string& completion,
                                      const std::string& origin);

  /// The user prompt for `problem` (the invariant template rendered), or a Failure naming a
  /// missing template or placeholder.
  static Result<std::string> user_prompt(const sygus::Problem& problem);

  /// Turns the conjunct pooling (and with it the feedback round) off or on; on by default.
  void set_houdini(bool on, int feedback_rounds = 1) {
    houdini_ = on;
    feedback_rounds_ = feedback_rounds;
  }

 private:
  void count(const Completions& answer);
  std::optional<LlmProviderChain> owned_;
  Provider& provider_;
  LlmSettings settings_;
  mutable std::mutex mutex_;
  std::vector<RejectedCompletion> rejected_;
  GenerationUsage usage_;
  bool houdini_ = true;
  int feedback_rounds_ = 1;
};

}  // namespace verigen::inv
