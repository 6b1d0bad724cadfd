#pragma once
/// The default solver of the Dafny suites and CLEVER: each sample is one run of the generation
/// pipeline `verigen gen` uses (generator → integrity audit → verifier → repairs), against the
/// caching back-end of the task's language.

#include <memory>

#include "benchmarks/harness/published_outputs.h"
#include "benchmarks/harness/runner.h"

namespace verigen::bench {

/// A solver for `tasks` in `language` (Dafny or Lean). With `outputs` (replay of published
/// outputs) each task's single candidate is its published output and `recorded` is what the
/// dataset recorded; otherwise the generator is `options.provider`'s, seeded with
/// options.seed + sample. Checks up front, before any tool runs, that the provider can run
/// the tasks at all: a model provider must be configured, and the builtin one must be able to
/// attempt at least one task (exit code 2, one line naming the providers that can run the
/// suite); tasks builtin cannot attempt are recorded as errors (cause bad-input) without
/// running, and the setup's note says how many. Fails with exit code 3 when the verifier is
/// missing. With `attempt_zero` (DafnyBench's rule) a task whose hint-free program verifies as
/// it is counts as solved whatever the candidate was, and builtin's unattempted tasks still get
/// that chance.
SolverSetup make_pipeline_solver(const RunOptions& options, Language language,
                                 const std::vector<BenchTask>& tasks,
                                 std::shared_ptr<const PublishedOutputs> outputs,
                                 bool attempt_zero);

}  // namespace verigen::bench
