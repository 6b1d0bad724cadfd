#pragma once
/// The loop-invariant portfolio behind `verigen inv`: candidates from the built-in enumerator and
/// (optionally) a language model, ordered by the contrastive scorer and checked with Z3 in that
/// order until one holds; then Z3's CHC engine (Spacer) with the time that is left. Everything
/// runs under one Deadline. A claimed invariant is always one InvariantChecker verified, whatever
/// produced it; a problem whose post can be violated is reported infeasible with a concrete trace.

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "backends/z3/inv_checker.h"
#include "core/deadline.h"
#include "gen/invariants/invariant_proposer.h"
#include "specs/sygus/problem.h"

namespace verigen {

class RunLog;
namespace rank {
class Scorer;
}

struct InvPortfolioOptions {
  int k = 24;  ///< candidates asked of each proposer
  bool use_spacer = true;
  /// Check every candidate instead of stopping at the first that holds (ranking data).
  bool check_all = false;
  /// Share of the deadline the candidate proposers may use before Spacer gets the rest.
  double candidate_share = 0.5;
  /// Transitions explored by bounded model checking when looking for a violation of post.
  int violation_depth = 40;
};

/// One candidate and what Z3 said of it.
struct CheckedCandidate {
  inv::InvariantCandidate candidate;
  double score = 0;
  int rank = -1;                                   ///< position in checking order; -1: not checked
  std::optional<z3inv::InvariantVerdict> verdict;  ///< empty when never checked
};

/// What the portfolio concluded for one problem.
struct InvOutcome {
  enum class Status { Solved, Infeasible, Unknown, Error };
  Status status = Status::Unknown;
  std::optional<sygus::SExpr> invariant;     ///< Solved: re-checked by InvariantChecker
  std::string origin;                        ///< who proposed it: "builtin", "openai:M", "spacer"
  std::vector<z3inv::CheckResult> checks;    ///< the winning (or last) verdict's three checks
  std::vector<z3inv::State> trace;           ///< Infeasible: s0 … sk reaching ¬post
  std::vector<CheckedCandidate> candidates;  ///< every candidate, in checking order
  std::vector<std::string> notes;            ///< proposer failures and the like, one line each
  int checks_run = 0;                        ///< candidate invariants handed to Z3
  std::chrono::milliseconds elapsed{0};
};

std::string_view to_string(InvOutcome::Status status);

class InvPortfolio {
 public:
  /// `proposers` are asked in order and must outlive the portfolio; `scorer` may be null (keep the
  /// proposers' order); `log` may be null.
  InvPortfolio(std::vector<inv::InvariantProposer*> proposers, const rank::Scorer* scorer,
               RunLog* log, InvPortfolioOptions options);

  /// Solves one problem before `deadline`. `problem_text` is the file's text (the scorer's task
  /// side and the run log's task_text). Never throws.
  InvOutcome solve(const sygus::Problem& problem, const std::string& problem_text,
                   Deadline deadline);

 private:
  void log_candidate(const sygus::Problem& problem, const std::string& problem_text,
                     const CheckedCandidate& checked);

  std::vector<inv::InvariantProposer*> proposers_;
  const rank::Scorer* scorer_;
  RunLog* log_;
  InvPortfolioOptions options_;
};

}  // namespace verigen
