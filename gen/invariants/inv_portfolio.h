#pragma once
/// The loop-invariant portfolio behind `verigen inv`: its members race side by side under one
/// problem's deadline, each on a thread of its own — the candidate enumerator ("builtin":
/// templates and a language model's candidates, ordered by the contrastive scorer, checked with
/// Z3), Z3's CHC engine ("spacer") and cvc5's SyGuS solver ("cvc5", a child process). The first
/// answer that re-checks wins and cancels the others (their Z3 contexts are interrupted, cvc5's
/// process group is killed; every thread is joined before solve() returns). A claimed invariant
/// is always one InvariantChecker verified, whatever produced it; an answer that fails the
/// re-check is noted and never wins. A problem whose post can be violated is reported infeasible
/// with a concrete trace. When the members start is member_schedule.h's policy.

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "backends/z3/inv_checker.h"
#include "core/deadline.h"
#include "core/process.h"
#include "gen/invariants/candidate_member.h"
#include "gen/invariants/invariant_proposer.h"
#include "specs/sygus/problem.h"

namespace verigen {

class RunLog;
namespace rank {
class Scorer;
}

/// The members `verigen inv` races by default.
inline const std::vector<std::string> kDefaultMembers = {"builtin", "spacer", "cvc5"};

struct InvPortfolioOptions {
  int k = 24;  ///< candidates asked of each proposer
  /// Which members race: "builtin" (the candidate enumerator), "spacer", "cvc5". Unknown names
  /// are a note, never a member.
  std::vector<std::string> members = kDefaultMembers;
  /// Check every candidate instead of stopping at the first that holds (ranking data); the
  /// enumerator then runs to its end even when another member has won.
  bool check_all = false;
  /// Transitions explored by bounded model checking when looking for a violation of post.
  int violation_depth = 40;
  /// Cores this problem may use (0: all of the machine's); the schedule depends on it.
  int cores = 0;
  /// Runs cvc5; null: a SubprocessRunner of the portfolio's own. Must outlive the portfolio.
  ProcessRunner* runner = nullptr;
  /// A second SMT solver that races Z3 on the nonlinear checks of the enumerator and of the
  /// re-check (null: Z3 alone). Callers pass cvc5's when cvc5 is a member: the members then share
  /// their solvers, not only their answers. Must outlive the portfolio.
  SmtPeer* peer = nullptr;
};

/// What one member did for one problem.
struct MemberReport {
  std::string name;  ///< "builtin", "spacer", "cvc5"
  /// "won"; "refused" (its answer failed the re-check); "cancelled" (another member won first);
  /// "unknown" (no answer in time, or it gave up); "error" (it failed: missing tool, crash...);
  /// "lost" (it answered too, after the winner); "not-started" (cancelled before its start).
  std::string result;
  std::string detail;                    ///< one line
  std::chrono::milliseconds start{0};    ///< when it started, from the start of the problem
  std::chrono::milliseconds elapsed{0};  ///< how long it ran
  std::chrono::milliseconds idle{0};     ///< of `elapsed`, waiting on another member
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
  std::vector<MemberReport> members;         ///< one per member, in --members order
  int checks_run = 0;                        ///< candidate invariants handed to Z3 (re-checks too)
  std::chrono::milliseconds elapsed{0};
};

std::string_view to_string(InvOutcome::Status status);

class InvPortfolio {
 public:
  /// `proposers` (the enumerator's) are asked in order and must outlive the portfolio; `scorer`
  /// may be null (keep the proposers' order); `log` may be null.
  InvPortfolio(std::vector<inv::InvariantProposer*> proposers, const rank::Scorer* scorer,
               RunLog* log, InvPortfolioOptions options);

  /// Solves one problem before `deadline`. `problem_text` is the file's text (the scorer's task
  /// side, the run log's task_text, cvc5's input). Returns only after every member has stopped
  /// (threads joined, child processes reaped). Never throws.
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
