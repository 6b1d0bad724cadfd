#pragma once
/// SmtPeer: a second SMT solver beside Z3, for the queries Z3 leaves undecided. A peer decides an
/// SMT-LIB script that verigen wrote (declarations and one assertion, no check-sat); an `unsat`
/// from it is a proof as good as Z3's, a `sat` comes with the values of the constants asked for,
/// and anything else (a timeout, a crash, output that cannot be read) decides nothing. The
/// invariant checker races a peer against Z3 on nonlinear checks (backends/z3/inv_checker.h);
/// cvc5 is the one peer (backends/cvc5/cvc5_smt.h).

#include <map>
#include <string>
#include <vector>

#include "core/deadline.h"
#include "core/outcome.h"

namespace verigen {

/// What a peer said of a script.
struct SmtPeerAnswer {
  /// Verified: unsat (the assertion cannot hold); Refuted: sat, with `values`; Unknown: no answer
  /// in time or the solver gave up; Error: the solver is missing, crashed, or printed nonsense.
  Outcome outcome = Outcome::Error;
  std::map<std::string, std::string> values;  ///< Refuted: each asked name → its value (SMT-LIB)
  std::string detail;                         ///< one line, starting with the peer's name
};

class SmtPeer {
 public:
  virtual ~SmtPeer() = default;
  /// "cvc5": names the peer in check details.
  virtual std::string name() const = 0;
  /// Decides `script` before `deadline` (which may be cancelled: the peer then stops at once).
  /// On sat, the values of `names` (constants the script declares) are read back. Thread-safe:
  /// checkers on several threads share one peer. Never throws.
  virtual SmtPeerAnswer check(const std::string& script, const std::vector<std::string>& names,
                              Deadline deadline) = 0;
};

}  // namespace verigen
