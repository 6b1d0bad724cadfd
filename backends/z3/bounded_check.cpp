// find_violation: bounded model checking by unrolling trans, one fresh copy of the state per step.

#include "backends/z3/interrupt_at.h"
#include "backends/z3/inv_checker.h"
#include "backends/z3/sygus_to_z3.h"

namespace verigen::z3inv {

ChcResult find_violation(const sygus::Problem& problem, int max_depth, Deadline deadline) {
  ChcResult out;
  auto give_up = [&](Cause cause, std::string detail) {
    out.outcome = Outcome::Unknown;
    out.cause = cause;
    out.detail = std::move(detail);
    return out;
  };
  try {
    z3::context ctx;
    SygusToZ3 tr(ctx, problem);
    // One incremental solver: pre(s0) ∧ trans(s0,s1) ∧ … stays asserted, and ¬post(sk) is pushed
    // only for the depth being asked, so each deeper query reuses what Z3 learned.
    z3::solver solver(ctx);
    InterruptAt stop(ctx, deadline);
    std::vector<z3::expr_vector> steps;
    steps.push_back(tr.state("@0"));
    solver.add(tr.pre(steps[0]));
    for (int k = 0; k <= max_depth; ++k) {
      if (deadline.expired()) {
        return give_up(Cause::Timeout, "deadline expired after " + std::to_string(k) + " steps");
      }
      if (k > 0) {
        steps.push_back(tr.state("@" + std::to_string(k)));
        solver.add(tr.trans(steps[k - 1], steps[k]));
      }
      solver.push();
      solver.add(!tr.post(steps[k]));
      z3::check_result r = solver.check();
      if (r == z3::sat) {
        z3::model model = solver.get_model();
        for (const auto& s : steps) out.trace.push_back(state_from_model(model, s, problem));
        out.outcome = Outcome::Refuted;
        out.cause = Cause::None;
        out.detail = "post violated after " + std::to_string(k) + " steps";
        return out;
      }
      if (r == z3::unknown) {
        std::string reason = solver.reason_unknown();
        return give_up(cause_of_unknown(reason, deadline),
                       "z3 at depth " + std::to_string(k) + ": " + reason);
      }
      solver.pop();
    }
    return give_up(Cause::None, "no violation within " + std::to_string(max_depth) + " steps");
  } catch (const TranslateError& e) {
    out.cause = Cause::BadInput;
    out.detail = e.what();
  } catch (const z3::exception& e) {
    out.cause = Cause::Internal;
    out.detail = std::string("z3: ") + e.msg();
  }
  out.outcome = Outcome::Error;
  return out;
}

}  // namespace verigen::z3inv
