#pragma once
/// The embedded default provider: no network, no model. For Dafny annotate tasks it enumerates
/// loop-invariant candidates from templates and prunes them Houdini-style with the verifier; for
/// Dafny specify tasks template contracts (dafny_contracts.h) join the invariants, and the
/// preconditions the verified program does not need are dropped afterwards.

#include <optional>
#include <string>

#include "core/backend.h"
#include "core/process.h"
#include "gen/candidate_generator.h"

namespace verigen {

class BuiltinGenerator : public CandidateGenerator {
 public:
  /// `backend` (which must outlive the generator) answers Houdini's questions; a caching one
  /// makes the pipeline's final check of the same text free.
  /// With a `runner`, candidates are first filtered by running the methods on sample inputs
  /// (state_filter.h), which costs one `dafny run` and no verifier call.
  /// `max_verifier_calls` (> 0) bounds the verifier calls one generate() makes in all its
  /// Houdini runs; past it the search stops with what it has (0: no limit but the deadline).
  explicit BuiltinGenerator(Backend& backend, ProcessRunner* runner = nullptr,
                            int max_verifier_calls = 0)
      : backend_(backend), runner_(runner), max_verifier_calls_(max_verifier_calls) {}

  std::string name() const override { return "builtin"; }

  /// One candidate: the spec with the largest subset of the template clauses the verifier does
  /// not blame. Fails, saying how to configure a model, for the tasks builtin_cannot_attempt
  /// names.
  Result<std::vector<RawCandidate>> generate(const Task& task, int k, Deadline deadline) override;

  /// The enumerator has nothing more to offer after Houdini's fixpoint: no repairs.
  Result<std::vector<RawCandidate>> repair(const Task&, const std::string&, const Verdict&, int,
                                           Deadline) override {
    return std::vector<RawCandidate>{};
  }

  /// The verifier calls Houdini made.
  GenerationUsage usage() const override { return usage_; }

 private:
  Backend& backend_;
  ProcessRunner* runner_;
  int max_verifier_calls_;
  GenerationUsage usage_;
};

/// The message for tasks the builtin provider cannot do.
extern const char* const kConfigureModelHint;

/// Why the builtin provider cannot attempt `task` (one clause, e.g. "the builtin provider only
/// writes loop invariants for Dafny annotate tasks; this is a specify task"), or nullopt when
/// it can. BuiltinGenerator::generate fails exactly for these tasks; callers running many tasks
/// (the bench) use it to say so up front.
std::optional<std::string> builtin_cannot_attempt(const Task& task);

}  // namespace verigen
