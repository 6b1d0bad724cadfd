#pragma once
/// The solver of the sygus-inv suite: each sample is one run of the loop-invariant portfolio
/// `verigen inv` uses (built-in candidates, optionally a language model's, ranked by the
/// contrastive scorer, checked with Z3, then Spacer) on the task's problem.

#include <vector>

#include "benchmarks/harness/runner.h"

namespace verigen::bench {

/// A solver for SyGuS-INV tasks. A sample's outcome: Verified when the portfolio solved the
/// problem (its invariant re-checked by Z3), Refuted when the problem is infeasible (a concrete
/// run violates post), Unknown otherwise (cause Timeout when the --timeout budget ran out),
/// Error/BadInput when the file does not parse (detail: the reader's `file:line:col` line).
/// verifier_calls counts candidates handed to Z3; verify_seconds is the portfolio's elapsed time.
/// With openai each sample's model is seeded with options.seed + sample; the builtin source is
/// deterministic, so its samples agree. Fails with exit code 2 when the provider cannot be set
/// up (replay needs a cassette, which `bench run` does not take).
SolverSetup make_sygus_inv_solver(const RunOptions& options, const std::vector<BenchTask>& tasks);

}  // namespace verigen::bench
