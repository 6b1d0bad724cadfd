#pragma once
/// cvc5's SMT solver as an SmtPeer: `cvc5 --lang=smt2 --produce-models FILE` on a script verigen
/// wrote, a child process in its own process group, killed at the deadline or as soon as the
/// deadline is cancelled (the other solver answered first). Its nonlinear integer arithmetic
/// decides in a fraction of a second some consecution checks Z3 4.8.12 gives up on, and the
/// other way round, which is why the invariant checker races the two.

#include <string>
#include <vector>

#include "core/process.h"
#include "core/smt_peer.h"

namespace verigen::cvc5 {

/// The command line for a script file (a list, never a shell string).
std::vector<std::string> cvc5_smt_command(const std::string& script_file);

/// Maps how cvc5 ended and what it printed (the answer to check-sat, then on sat the answer to
/// get-value for `names`) to a peer answer. Pure: no I/O, table-tested on cvc5's real output.
/// Only an `unsat` or a `sat` with every value read back decides; a run killed at the deadline
/// decides nothing, whatever it printed.
SmtPeerAnswer interpret_cvc5_smt(const ProcessResult& run, const std::vector<std::string>& names);

class Cvc5Peer : public SmtPeer {
 public:
  /// `runner` runs cvc5; it must outlive the peer and be safe to call from several threads at
  /// once (SubprocessRunner is).
  explicit Cvc5Peer(ProcessRunner& runner) : runner_(runner) {}
  std::string name() const override { return "cvc5"; }
  SmtPeerAnswer check(const std::string& script, const std::vector<std::string>& names,
                      Deadline deadline) override;

 private:
  ProcessRunner& runner_;
};

}  // namespace verigen::cvc5
