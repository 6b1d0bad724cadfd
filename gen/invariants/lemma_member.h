#pragma once
/// The portfolio's lemma stage, a member that exists only in the race: it waits for the
/// enumerator's inductive lemma L (LemmaBoard), restricts the problem to L (strengthen.h), runs
/// Spacer on that, and claims L ∧ J for Spacer's invariant J. It is where the members work
/// together rather than side by side: the enumerator's lemma is often just what Spacer lacks.

#include <chrono>
#include <memory>

#include "core/process.h"
#include "gen/invariants/lemma_board.h"
#include "gen/invariants/portfolio_member.h"

namespace verigen::inv {

/// The lemma stage's name in member reports.
inline constexpr const char* kLemmaStageName = "lemmas";

/// A member that waits on `board` (and does nothing when it closes without a lemma), then runs
/// Spacer, a `z3` child run by `runner`, for at most `limit` (0: until the deadline) from the
/// moment the lemma arrives. `runner` and `board` must outlive the member.
std::unique_ptr<PortfolioMember> make_lemma_member(ProcessRunner& runner, LemmaBoard& board,
                                                   std::chrono::milliseconds limit);

}  // namespace verigen::inv
