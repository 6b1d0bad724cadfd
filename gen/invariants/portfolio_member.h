#pragma once
/// PortfolioMember: one way of solving a SyGuS-INV problem that the invariant portfolio races
/// against the others (the candidate enumerator, Z3's Spacer, cvc5's SyGuS solver). A member only
/// claims; the portfolio re-checks every claimed invariant with z3inv::InvariantChecker and
/// confirms every claimed violation with bounded model checking before anything wins.

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "backends/z3/inv_checker.h"
#include "core/deadline.h"
#include "core/outcome.h"
#include "core/process.h"
#include "core/smt_peer.h"
#include "specs/sygus/problem.h"

namespace verigen::inv {

/// What a member claims for one problem.
struct MemberClaim {
  /// Verified: `invariant` is claimed to hold; Refuted: post is claimed violable (`trace` when the
  /// member has one); Unknown: no answer (timeout, gave up); Error: the member failed.
  Outcome outcome = Outcome::Unknown;
  Cause cause = Cause::None;
  std::string detail;                     ///< one line, for the notes
  std::optional<sygus::SExpr> invariant;  ///< Verified only
  std::string origin;                     ///< who found it: "spacer", "cvc5", "builtin:houdini"
  std::vector<z3inv::State> trace;        ///< Refuted, when known
  /// The verdict of z3inv::InvariantChecker when the member already ran it on `invariant` (the
  /// enumerator checks each candidate with it): the portfolio's re-check is then that verdict.
  std::optional<z3inv::InvariantVerdict> checked;
  /// Time spent waiting on another member rather than working (the lemma stage's wait).
  std::chrono::milliseconds idle{0};
};

class PortfolioMember {
 public:
  virtual ~PortfolioMember() = default;
  /// "builtin", "spacer", "cvc5": the name --members uses.
  virtual std::string name() const = 0;
  /// Works on `problem` (with its file text `problem_text`) until it has a claim or `deadline`
  /// expires, which happens early when the portfolio cancels it. Called once, on a thread of
  /// its own; never throws.
  virtual MemberClaim run(const sygus::Problem& problem, const std::string& problem_text,
                          Deadline deadline) = 0;
};

/// Spacer's result as a member's claim from `origin`: outcome, cause, detail, invariant and
/// trace as they are.
MemberClaim claim_from_spacer(z3inv::ChcResult result, std::string origin);

/// Z3's CHC engine on the problem as Horn clauses, a `z3` child process run by `runner` (which
/// must outlive the member).
std::unique_ptr<PortfolioMember> make_spacer_member(ProcessRunner& runner);
/// cvc5's SyGuS solver, a child process run by `runner` (which must outlive the member).
std::unique_ptr<PortfolioMember> make_cvc5_member(ProcessRunner& runner);
/// The SMT solver the members lend the checker (InvPortfolioOptions::peer): cvc5's, run by
/// `runner` (which must outlive it), when "cvc5" is one of `members`; null otherwise, so that a
/// portfolio without cvc5 never starts it.
std::unique_ptr<SmtPeer> make_member_peer(const std::vector<std::string>& members,
                                          ProcessRunner& runner);

}  // namespace verigen::inv
