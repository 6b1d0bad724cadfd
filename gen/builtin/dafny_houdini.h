#pragma once
/// Houdini pruning with a real verifier: insert every candidate invariant, verify, drop the
/// invariants the verifier blames, repeat until nothing more is blamed. What survives is
/// inductive together (the greatest such subset of the candidates, as in Flanagan & Leino's
/// Houdini), so the verifier — not the template — decides what is kept.

#include <map>
#include <string>
#include <vector>

#include "core/backend.h"
#include "gen/builtin/loop_site.h"

namespace verigen {

struct DafnyHoudiniResult {
  std::string program;                         ///< the text with the surviving invariants
  std::vector<std::vector<std::string>> kept;  ///< per loop, the surviving invariants
  Verdict verdict;                             ///< the verifier's verdict on `program`
  int iterations = 0;
  int dropped = 0;
};

/// Builds `text` with `invariants[i]` inserted at `loops[i]` (one `invariant` line each).
std::string insert_invariants(const std::string& text, const std::vector<LoopSite>& loops,
                              const std::vector<std::vector<std::string>>& invariants);

/// Runs Houdini on `text` (a program whose loops are `loops`) with `candidates[i]` for loop i.
/// Each program is verified under `policy` (the task's: the spec's own assumptions may stay).
/// Stops after `max_iterations` verifier calls or at the deadline; the verdict then says what
/// the last call found.
DafnyHoudiniResult dafny_houdini(Backend& backend, const std::string& text,
                                 const std::string& display_path,
                                 const std::vector<LoopSite>& loops,
                                 const std::vector<std::vector<std::string>>& candidates,
                                 Deadline deadline, int max_iterations = 25,
                                 const AssumptionPolicy& policy = {});

/// For a Houdini run whose loop sites had their keyword cleared so that each clause carries its
/// own (`invariant e`, `decreases e`, `modifies o`): turns each kept `invariant e` of a site whose
/// `sites[i].keyword` is "invariant" back into `e`, drops the other added clauses from `kept`
/// (they stay in `result.program`), and returns how many of each keyword were kept.
std::map<std::string, int> unkeyword_kept(const std::vector<LoopSite>& sites,
                                          DafnyHoudiniResult& result);

}  // namespace verigen
