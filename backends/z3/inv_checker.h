#pragma once
/// Checking a loop invariant of a SyGuS-INV problem with Z3's C++ API, in process:
/// initiation (pre ⇒ inv), consecution (inv ∧ trans ⇒ inv'), postcondition (inv ⇒ post), each a
/// separate check with a counterexample when it fails. Z3's `timeout` comes from the Deadline;
/// `unknown` is Unknown with Z3's reason, never Verified.
///
/// Z3 contexts are not thread-safe: an InvariantChecker owns its context and must be used by one
/// thread at a time (one checker per thread).

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/deadline.h"
#include "core/outcome.h"
#include "core/smt_peer.h"
#include "specs/sygus/problem.h"

namespace verigen::z3inv {

/// One program state: every variable of the problem → its value as an SMT-LIB term
/// ("5", "(- 3)", "true", "((as const (Array Int Int)) 0)", "(store ... )").
using State = std::map<std::string, std::string>;

/// The result of one of the three checks.
struct CheckResult {
  std::string name;                  ///< "initiation", "consecution", "postcondition"
  Outcome outcome = Outcome::Error;  ///< Verified (holds), Refuted (counterexample), Unknown, Error
  Cause cause = Cause::Internal;     ///< None for Verified/Refuted; Timeout, ResourceLimit ...
  std::string detail;             ///< Z3's reason_unknown, an error message, or which peer decided
  std::string decided_by = "z3";  ///< the solver whose answer this is: "z3" or a peer's name
  std::vector<State> counterexample;  ///< initiation/post: {s}; consecution: {s, s'}
};

/// The verdict on one invariant: Verified only when all three checks are Verified.
struct InvariantVerdict {
  Outcome outcome = Outcome::Error;
  Cause cause = Cause::Internal;
  std::vector<CheckResult> checks;  ///< in the order they ran; stops at the first failure
  /// The first failing check, or nullptr.
  const CheckResult* failed() const;
};

/// How long a peer may work on one check. cvc5 decided the nonlinear checks it could in 0.02 to
/// 0.6 s (the NIA problems' consecutions, this machine) and otherwise ran to the deadline, taking
/// a core from Z3 for nothing; capped, it costs at most this much per check.
inline constexpr std::chrono::milliseconds kPeerSlice{1500};

class InvariantChecker {
 public:
  /// Builds the Z3 encoding of `problem` (which must outlive the checker). With a `peer` (which
  /// must outlive the checker too), every check that is a nonlinear integer query
  /// (sygus::nonlinear_integer_check) races Z3 against the peer on the same check written as
  /// SMT-LIB (sygus::check_script) for at most kPeerSlice: the first definite answer decides and
  /// stops the other; an answer from neither is Unknown as before.
  explicit InvariantChecker(const sygus::Problem& problem, SmtPeer* peer = nullptr);
  ~InvariantChecker();
  InvariantChecker(const InvariantChecker&) = delete;
  InvariantChecker& operator=(const InvariantChecker&) = delete;

  /// Runs initiation, consecution and postcondition on `invariant` (a Bool term over the
  /// problem's variables, e.g. from sygus::parse_invariant) before `deadline`.
  InvariantVerdict check(const sygus::SExpr& invariant, Deadline deadline);
  /// One of the three checks alone ("initiation", "consecution", "postcondition").
  CheckResult check_one(const std::string& which, const sygus::SExpr& invariant, Deadline deadline);

  /// Evaluates a Bool term of the problem in a concrete state; nullopt when Z3 cannot decide it
  /// (a quantifier it does not eliminate, a value missing from the state).
  std::optional<bool> holds(const sygus::SExpr& formula, const State& state);

  /// Up to `count` concrete reachable states: models of pre, distinct where Z3 finds them, then
  /// successors under trans, breadth-first, at most `max_steps` steps from a pre state.
  std::vector<State> sample_reachable(int count, int max_steps, Deadline deadline);

  /// Concrete reachable states along deep runs, where sample_reachable's breadth-first states
  /// stay within a step or two of pre and near zero. Each run starts at a pre state and follows
  /// trans, one successor per step, for up to `steps` steps or until trans has none. The first
  /// run starts at a pre state with small values; each further one (up to `runs` in all) at a
  /// pre state with one Int variable at least `wide` or at most -`wide`, where pre allows it,
  /// the variables in order. States are distinct, in the order found.
  std::vector<State> sample_runs(int runs, int steps, long long wide, Deadline deadline);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// What Z3's CHC engine (Spacer) or bounded unrolling found for a whole problem.
struct ChcResult {
  Outcome outcome =
      Outcome::Error;  ///< Verified: `invariant` holds; Refuted: `trace` reaches ¬post
  Cause cause = Cause::Internal;
  std::string detail;
  std::optional<sygus::SExpr> invariant;  ///< over the problem's variables, when Verified
  std::vector<State> trace;               ///< s0 … sk with pre(s0), trans(si, si+1), ¬post(sk)
};

/// Bounded model checking: looks for a run of at most `max_depth` transitions from a pre state to
/// a state violating post. Refuted with the trace when found; Unknown (cause None, detail
/// "no violation within N steps") otherwise.
ChcResult find_violation(const sygus::Problem& problem, int max_depth, Deadline deadline);

}  // namespace verigen::z3inv
