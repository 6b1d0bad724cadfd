#pragma once
/// Stops Z3 at a Deadline without Z3's own `timeout` parameter. That parameter starts a timer
/// from Z3's thread pool (scoped_timer), which deadlocks when several threads use timeouts at
/// once in Z3 4.8.10–4.8.12 (Z3Prover/z3#5371, #5990; Debian 12 ships 4.8.12): `verigen inv
/// --jobs 2` hung for minutes with both workers blocked inside Z3_solver_check.
///
/// Instead one process-wide thread calls Z3_interrupt on the context of every guard whose
/// deadline has passed, and again every 50 ms while the guard lives: an interrupt that lands
/// before a check has started is lost (measured with Z3 4.8.12), so one is not enough.
/// Interrupts do not stick to the context: checks after the guard ends run normally.
/// A cancellable deadline (CancelSource) is looked at every 10 ms, so a cancel stops Z3 within
/// about that much.

#include <z3++.h>

#include "core/deadline.h"

namespace verigen::z3inv {

/// While alive, interrupts `ctx` whenever its deadline has passed. Interrupted checks answer
/// unknown ("interrupted" or "canceled"), which cause_of_unknown() maps to Timeout. `ctx` must
/// outlive the guard; a never-deadline guards nothing. Not copyable.
class InterruptAt {
 public:
  InterruptAt(z3::context& ctx, Deadline deadline);
  ~InterruptAt();
  InterruptAt(const InterruptAt&) = delete;
  InterruptAt& operator=(const InterruptAt&) = delete;

 private:
  z3::context& ctx_;
  Deadline deadline_;
};

}  // namespace verigen::z3inv
