#pragma once
/// Turning the built-in enumerator's findings into its ordered candidate list. The list is meant
/// to look like a generator's output — the Houdini core first (often the answer), then the
/// post, strengthenings and weakenings of it — so it holds correct and incorrect candidates
/// alike; the caller, not this list, decides which hold.

#include <optional>
#include <vector>

#include "gen/invariants/atom_templates.h"
#include "gen/invariants/invariant_proposer.h"
#include "gen/invariants/problem_facts.h"

namespace verigen::inv {

struct CandidateParts {
  const ProblemFacts* facts = nullptr;
  std::vector<Atom> core;                    ///< Houdini's surviving atoms (bounds pruned)
  bool core_inductive = false;               ///< Houdini verified `core` inductive
  std::optional<std::vector<Atom>> minimal;  ///< a smaller core still inductive and implying post
  std::vector<Atom> dropped;                 ///< atoms true on samples that Houdini dropped
};

/// Up to `k` candidates, distinct by text, in this order: minimal core, core, post,
/// core ∧ post, pre, then round-robin over single core atoms, post ∧ core atom, post ∧ dropped
/// atom, dropped atoms and pairs of core atoms — those touching post's variables only. Origins
/// are "builtin:KIND" or "builtin:KIND#N". Deterministic for the same parts.
std::vector<InvariantCandidate> build_candidate_list(const CandidateParts& parts, int k);

}  // namespace verigen::inv
