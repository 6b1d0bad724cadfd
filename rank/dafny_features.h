#pragma once
/// The Dafny feature set of the contrastive scorer: which models wrote a candidate and how many
/// agree on it, and whether it can be an answer at all; beside it, the named facts of what a
/// candidate did to the hint-free program of its task (hints added, contracts, headers and code
/// changed), for tests and explanations. Read off the scorer's own tokens, so it needs no
/// Dafny parser and never fails: a candidate the parser would reject is itself a feature.

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "rank/features.h"

namespace verigen::rank {

/// The named facts behind the features, for tests and explanations. Counts of hints are the
/// candidate's minus the task's (never below zero): what the candidate *added*.
struct DafnyCandidateFacts {
  std::map<std::string, int> added;  ///< "invariant", "quantified-invariant", "ground-invariant",
                                     ///< "assert", "decreases", "trigger", "lemma", "lemma-call",
                                     ///< "function", "calc", "assume", "verify-false", "axiom" …
  int removed_hints = 0;             ///< task hints (clauses) the candidate dropped
  int changed_contracts = 0;         ///< requires/ensures/reads/modifies clauses not kept verbatim
  int changed_signatures = 0;        ///< task declaration headers not kept verbatim
  int removed_declarations = 0;      ///< task declarations the candidate lacks
  int changed_code = 0;              ///< code tokens (hints erased) not in common with the task
  int tokens = 0;                    ///< the candidate's size in tokens
  int task_tokens = 0;
  bool unbalanced = false;  ///< brackets do not pair up: the parser would reject it
  bool empty = false;       ///< no program at all
};

/// The facts of `candidate` against `task` (both whole Dafny programs).
DafnyCandidateFacts dafny_candidate_facts(std::string_view task, std::string_view candidate);

/// The candidate tower's input under the Dafny feature sets: who wrote the candidate (one
/// feature per origin in `origins`, '+'-separated model names such as "gpt-4o+claude-3-opus",
/// and how many models agree on it, apart for the hint-free program kept unchanged) and the
/// facts that rule a program out (empty, unbalanced brackets, an added escape hatch) or mark it
/// as adding no hint. With `content`, also what it added and changed: each kind of hint added
/// (invariants ground or quantified, asserts, decreases, triggers, lemmas and their calls ...),
/// hints removed, code changed and size against the task, each as a coarse bucket. Without it
/// those are left out (see the definition). Deterministic; L2 norm 1.
SparseVector dafny_candidate_features(std::string_view task, std::string_view candidate,
                                      std::string_view origins, std::uint32_t dims,
                                      bool content = false);

}  // namespace verigen::rank
