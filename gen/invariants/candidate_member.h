#pragma once
/// The enumerator as a portfolio member: candidates from the proposers (the built-in templates,
/// a language model), ordered by the contrastive scorer, checked with z3inv::InvariantChecker in
/// that order until one holds (or all of them, for ranking data).

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "backends/z3/inv_checker.h"
#include "gen/invariants/invariant_proposer.h"
#include "gen/invariants/lemma_board.h"
#include "gen/invariants/portfolio_member.h"

namespace verigen {
namespace rank {
class Scorer;
}

/// One candidate and what Z3 said of it.
struct CheckedCandidate {
  inv::InvariantCandidate candidate;
  double score = 0;
  int rank = -1;                                   ///< position in checking order; -1: not checked
  std::optional<z3inv::InvariantVerdict> verdict;  ///< empty when never checked
};

namespace inv {

/// How long the enumerator looks for a violating run inside the race, at most.
inline constexpr std::chrono::milliseconds kRaceViolationSlice{2000};

class CandidateMember : public PortfolioMember {
 public:
  /// `proposers` are asked in order; they and `scorer` (null: the proposers' order) must
  /// outlive the member. `k` candidates are asked of each proposer; `check_all` checks every
  /// candidate instead of stopping at the first that holds. When no candidate holds and
  /// `violation_depth` > 0, the member looks for a run of at most that many steps to a state
  /// violating post (bounded model checking) for at most kRaceViolationSlice.
  /// `peer` (may be null) races Z3 on nonlinear checks (z3inv::InvariantChecker). When no
  /// candidate holds, the conjunction of those Z3 found inductive (initiation and consecution
  /// verified, post not) is posted to `lemmas` (may be null; it must outlive the member), which
  /// is closed when run() returns.
  CandidateMember(std::vector<InvariantProposer*> proposers, const rank::Scorer* scorer, int k,
                  bool check_all, int violation_depth = 0, SmtPeer* peer = nullptr,
                  LemmaBoard* lemmas = nullptr);

  std::string name() const override { return "builtin"; }
  /// Claims the first candidate (in checking order) that InvariantChecker verified, with its
  /// verdict; else Refuted with the trace when bounded model checking finds a violation (so a
  /// problem with no invariant ends the race as soon as the enumerator knows, not when the
  /// slowest member gives up); else Unknown.
  MemberClaim run(const sygus::Problem& problem, const std::string& problem_text,
                  Deadline deadline) override;

  /// After run(): every candidate, in checking order.
  std::vector<CheckedCandidate>& candidates() { return candidates_; }
  /// After run(): candidates handed to Z3.
  int checks_run() const { return checks_run_; }
  /// After run(): proposer failures, one line each.
  const std::vector<std::string>& notes() const { return notes_; }

 private:
  std::vector<InvariantProposer*> proposers_;
  const rank::Scorer* scorer_;
  int k_;
  bool check_all_;
  int violation_depth_;
  SmtPeer* peer_;
  LemmaBoard* lemmas_;
  std::vector<CheckedCandidate> candidates_;
  int checks_run_ = 0;
  std::vector<std::string> notes_;
};

}  // namespace inv
}  // namespace verigen
