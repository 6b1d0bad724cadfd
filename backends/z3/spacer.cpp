// solve_with_spacer: the problem as constrained Horn clauses, solved by Z3's Spacer engine
// through the HORN solver.

#include "backends/z3/interrupt_at.h"
#include "backends/z3/inv_checker.h"
#include "backends/z3/sygus_to_z3.h"

namespace verigen::z3inv {

namespace {

constexpr int kTraceDepth = 64;

ChcResult unknown(Cause cause, std::string detail) {
  ChcResult r;
  r.outcome = Outcome::Unknown;
  r.cause = cause;
  r.detail = std::move(detail);
  return r;
}

// Spacer's answer for `inv` as a term over the problem's variables. The model interprets `inv`
// with de Bruijn variables, (:var i) standing for the relation's i-th argument; substituting the
// variable constants (named exactly as the problem's variables) makes its printed form a term
// that parse_invariant reads back.
Result<sygus::SExpr> answer_for(const z3::model& model, const z3::func_decl& inv,
                                const z3::expr_vector& x, const sygus::Problem& problem) {
  z3::expr body(model.ctx());
  if (x.empty()) {
    body = model.eval(inv(), true);
  } else {
    z3::func_interp interp = model.get_func_interp(inv);
    // The HORN solver's interpretations are a single formula (no entries).
    if (interp.num_entries() != 0) return fail("spacer: an invariant given as a table");
    body = interp.else_value();
  }
  body = body.substitute(x).simplify();
  Z3_set_ast_print_mode(body.ctx(), Z3_PRINT_SMTLIB2_COMPLIANT);
  return sygus::parse_invariant(body.to_string(), problem, "spacer");
}

}  // namespace

ChcResult solve_with_spacer(const sygus::Problem& problem, Deadline deadline) {
  if (deadline.expired()) return unknown(Cause::Timeout, "deadline expired before Spacer ran");
  // Spacer has no quantifiers: the fixedpoint API refused such clauses at once, the HORN solver
  // spins on them until the deadline, taking the CPU from the portfolio's other members.
  for (const auto& f : problem.functions) {
    if (sygus::quantifies(f.body)) {
      ChcResult r;
      r.cause = Cause::BadInput;
      r.detail = "spacer does not support this problem: a quantifier in '" + f.name + "'";
      return r;
    }
  }
  try {
    z3::context ctx;
    SygusToZ3 tr(ctx, problem);
    z3::expr_vector x = tr.state("");
    z3::expr_vector xp = tr.state("!next");
    z3::sort_vector domain(ctx);
    for (unsigned i = 0; i < x.size(); ++i) domain.push_back(x[i].get_sort());
    z3::func_decl inv = ctx.function("verigen_inv", domain, ctx.bool_sort());

    // The HORN solver (what `z3 FILE` uses on a set-logic HORN file) rather than the
    // z3::fixedpoint API: its preprocessing solves in 0.05 s problems where fixedpoint with the
    // same engine ran out of 20 s (test/fixtures/sygus/two_branch_sum.sl, Code2Inv 93's shape),
    // and its model always interprets `inv`, however the clauses were transformed.
    z3::solver solver(ctx, "HORN");
    z3::expr_vector all(ctx);
    for (unsigned i = 0; i < x.size(); ++i) all.push_back(x[i]);
    for (unsigned i = 0; i < xp.size(); ++i) all.push_back(xp[i]);
    auto clause = [&](const z3::expr_vector& vars, const z3::expr& body) {
      return vars.empty() ? body : z3::forall(vars, body);
    };
    solver.add(clause(x, z3::implies(tr.pre(x), inv(x))));
    solver.add(clause(all, z3::implies(inv(x) && tr.trans(x, xp), inv(xp))));
    // The query as a clause with a false head: post's own quantifiers (ALIA) stay in the body.
    solver.add(clause(x, z3::implies(inv(x) && !tr.post(x), ctx.bool_val(false))));

    z3::check_result r = [&] {
      InterruptAt stop(ctx, deadline);
      return solver.check();
    }();
    ChcResult out;
    if (r == z3::unknown) {
      std::string reason = solver.reason_unknown();
      return unknown(cause_of_unknown(reason, deadline), "spacer: " + reason);
    }
    if (r == z3::unsat) {
      // No interpretation of inv satisfies the clauses: the property fails. Spacer's derivation
      // is not a State trace, so unroll to find one; the verdict stands even when the unrolling
      // runs out of time.
      out.outcome = Outcome::Refuted;
      out.cause = Cause::None;
      out.detail = "spacer: post is violated in some reachable state";
      ChcResult bmc = find_violation(problem, kTraceDepth, deadline);
      if (bmc.outcome == Outcome::Refuted) out.trace = std::move(bmc.trace);
      return out;
    }
    auto invariant = answer_for(solver.get_model(), inv, x, problem);
    if (!invariant.ok()) {
      return unknown(Cause::BadOutput,
                     "spacer's invariant does not read back: " + invariant.error());
    }
    out.outcome = Outcome::Verified;
    out.cause = Cause::None;
    out.invariant = std::move(*invariant);
    return out;
  } catch (const TranslateError& e) {
    ChcResult r;
    r.cause = Cause::BadInput;
    r.detail = e.what();
    return r;
  } catch (const z3::exception& e) {
    // Spacer reports hitting its timeout or resource limit by throwing ("canceled") rather than
    // answering unknown.
    std::string message = e.msg();
    if (Cause cause = cause_of_unknown(message, deadline); cause != Cause::None) {
      return unknown(cause, "spacer: " + message);
    }
    // Spacer rejects quantifiers (the ALIA posts) and div/mod outside its fragment with a
    // multi-line dump of the rule; that is the input being beyond the engine, not a fault here.
    std::string first_line = message.substr(0, message.find('\n'));
    bool unsupported = message.find("quantifier in a recursive rule") != std::string::npos ||
                       message.find("Uninterpreted") != std::string::npos;
    ChcResult r;
    r.cause = unsupported ? Cause::BadInput : Cause::Internal;
    r.detail = (unsupported ? "spacer does not support this problem: " : "z3: ") + first_line;
    return r;
  }
}

}  // namespace verigen::z3inv
