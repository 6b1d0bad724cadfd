#pragma once
/// Data-driven filtering of candidate loop invariants, Daikon-style: run the methods on small
/// sample inputs that satisfy their preconditions and drop every candidate that some reached
/// loop-head state falsifies, before any verifier call. Dafny itself evaluates the candidates:
/// the program is instrumented with one `if !(candidate) { print ... }` per candidate at the top
/// of each loop body and run with `dafny run --no-verify --target py`. A falsified candidate
/// was false in a real execution from inputs the method accepts, so it is no invariant:
/// dropping it never loses a solution.

#include <cstdint>
#include <string>
#include <vector>

#include "core/deadline.h"
#include "core/process.h"
#include "gen/builtin/loop_site.h"

namespace verigen {

struct StateFilterResult {
  bool ran = false;  ///< the instrumented program compiled and ran (perhaps cut short)
  std::string note;  ///< one line: what ran, or why nothing did
  std::vector<std::vector<bool>> falsified;  ///< per loop, per candidate
  int falsified_count = 0;
  int calls = 0;  ///< sample calls made of the methods (trials whose preconditions held)
  /// Per loop, the integer terms printed at its head (sampled_equalities.h: state_terms) and
  /// the distinct values they took there; empty when the states could not be printed.
  std::vector<std::vector<std::string>> state_terms;
  std::vector<std::vector<std::vector<long long>>> states;
};

/// The instrumented program: `text` with the candidate checks at each loop of `loops` (those
/// holding `old(` are not checked: old state exists only for the verifier) and a
/// `VerigenSampleMain` calling each callable method on `trials` sample inputs drawn with
/// `seed`. `check_lines[l][c]` receives the 1-based line of candidate c's check (0 if none).
/// Every line the checks print starts with `VG<tag>_` (`VG<tag>_CALL`, `_AT l c`, `_OK`,
/// `_FALSIFIED l c`): filter_by_sampled_states draws a fresh tag per run, so output the
/// program prints itself can never pass for a check's. With `terms`, each loop head first
/// prints `VG<tag>_STATE l v1 v2 ...`, the values of `(*terms)[l]`, on line
/// `(*state_lines)[l]` (when given; 0 for a loop with no terms).
std::string instrument_for_sampling(const std::string& text, const std::vector<LoopSite>& loops,
                                    const std::vector<std::vector<std::string>>& candidates,
                                    const std::vector<std::vector<bool>>& skip, int trials,
                                    std::uint32_t seed, std::vector<std::vector<int>>* check_lines,
                                    const std::string& tag = "",
                                    const std::vector<std::vector<std::string>>* terms = nullptr,
                                    std::vector<int>* state_lines = nullptr);

/// Runs the instrumented program once (and once more without the checks Dafny refuses to
/// compile, e.g. over ghost functions) and reports the falsified candidates and the loop-head
/// states (without them when Dafny refuses to print a term, e.g. a ghost one). Never fails: a
/// program that cannot be run this way (ghost-only inputs, types it cannot sample, no Dafny)
/// gives `ran == false` and falsifies nothing.
StateFilterResult filter_by_sampled_states(ProcessRunner& runner, const std::string& text,
                                           const std::vector<LoopSite>& loops,
                                           const std::vector<std::vector<std::string>>& candidates,
                                           Deadline deadline, int trials = 12,
                                           std::uint32_t seed = 1);

}  // namespace verigen
