// solve_with_spacer: the problem as constrained Horn clauses, solved by Z3's Spacer engine.

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

// Spacer's answer for `inv` as a term over the problem's variables. The cover is written with
// de Bruijn variables, (:var i) standing for the relation's i-th argument; substituting the
// variable constants (named exactly as the problem's variables) makes its printed form a term
// that parse_invariant reads back.
Result<sygus::SExpr> answer_for(z3::fixedpoint& fp, z3::func_decl& inv, const z3::expr_vector& x,
                                const sygus::Problem& problem) {
  z3::expr cover = fp.get_cover_delta(-1, inv);
  z3::expr body = cover.substitute(x).simplify();
  Z3_set_ast_print_mode(body.ctx(), Z3_PRINT_SMTLIB2_COMPLIANT);
  return sygus::parse_invariant(body.to_string(), problem, "spacer");
}

}  // namespace

ChcResult solve_with_spacer(const sygus::Problem& problem, Deadline deadline) {
  if (deadline.expired()) return unknown(Cause::Timeout, "deadline expired before Spacer ran");
  try {
    z3::context ctx;
    SygusToZ3 tr(ctx, problem);
    z3::expr_vector x = tr.state("");
    z3::expr_vector xp = tr.state("!next");
    z3::sort_vector domain(ctx);
    for (unsigned i = 0; i < x.size(); ++i) domain.push_back(x[i].get_sort());
    z3::func_decl inv = ctx.function("verigen_inv", domain, ctx.bool_sort());
    z3::func_decl err = ctx.function("verigen_err", z3::sort_vector(ctx), ctx.bool_sort());

    z3::fixedpoint fp(ctx);
    z3::params params(ctx);
    params.set("engine", "spacer");
    // Inlining would dissolve `inv` into the query and leave no invariant to report.
    params.set("xform.inline_linear", false);
    params.set("xform.inline_eager", false);
    params.set("xform.slice", false);
    fp.set(params);
    fp.register_relation(inv);
    fp.register_relation(err);

    z3::expr_vector all(ctx);
    for (unsigned i = 0; i < x.size(); ++i) all.push_back(x[i]);
    for (unsigned i = 0; i < xp.size(); ++i) all.push_back(xp[i]);
    z3::symbol init_name = ctx.str_symbol("init");
    z3::symbol step_name = ctx.str_symbol("step");
    z3::symbol bad_name = ctx.str_symbol("bad");
    z3::expr init_rule = z3::forall(x, z3::implies(tr.pre(x), inv(x)));
    z3::expr step_rule = z3::forall(all, z3::implies(inv(x) && tr.trans(x, xp), inv(xp)));
    z3::expr bad_rule = z3::forall(x, z3::implies(inv(x) && !tr.post(x), err()));
    fp.add_rule(init_rule, init_name);
    fp.add_rule(step_rule, step_name);
    fp.add_rule(bad_rule, bad_name);

    z3::expr query = err();
    z3::check_result r = [&] {
      InterruptAt stop(ctx, deadline);
      return fp.query(query);
    }();
    ChcResult out;
    if (r == z3::unknown) {
      std::string reason = fp.reason_unknown();
      return unknown(cause_of_unknown(reason, deadline), "spacer: " + reason);
    }
    if (r == z3::sat) {
      // err is derivable: the property fails. Spacer's derivation is not a State trace, so
      // unroll to find one; the verdict stands even when the unrolling runs out of time.
      out.outcome = Outcome::Refuted;
      out.cause = Cause::None;
      out.detail = "spacer: post is violated in some reachable state";
      ChcResult bmc = find_violation(problem, kTraceDepth, deadline);
      if (bmc.outcome == Outcome::Refuted) out.trace = std::move(bmc.trace);
      return out;
    }
    auto invariant = answer_for(fp, inv, x, problem);
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
