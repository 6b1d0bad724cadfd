// solve_with_spacer: the problem as constrained Horn clauses, solved by Z3's Spacer engine in a
// `z3` child process (the HORN logic, what the HORN solver of the C++ API also runs).

#include "backends/z3/spacer.h"

#include "backends/scratch_copy.h"
#include "backends/z3/sygus_to_z3.h"
#include "core/text_lines.h"

namespace verigen::z3inv {

namespace {

constexpr int kTraceDepth = 64;
constexpr const char* kRelation = "verigen_inv";

ChcResult result(Outcome outcome, Cause cause, std::string detail) {
  ChcResult r;
  r.outcome = outcome;
  r.cause = cause;
  r.detail = note_line(std::move(detail));
  return r;
}

/// The list of definitions `(get-model)` printed: `((define-fun ...) ...)`, in older Z3s
/// `(model (define-fun ...) ...)`.
const sygus::SExpr* relation_definition(const sygus::SExpr& model) {
  for (const auto& item : model.items) {
    if (item.head() == "define-fun" && item.items.size() == 5 && item.items[1].is_symbol(kRelation))
      return &item;
  }
  return nullptr;
}

/// The body of `definition` (whose parameters stand for the problem's variables in order) as a
/// term over the variables. Z3's own parser reads it, so its `let`s and bound names are taken
/// as Z3 printed them, and substitution cannot capture.
Result<sygus::SExpr> read_interpretation(const sygus::SExpr& definition,
                                         const sygus::Problem& problem) {
  z3::context ctx;
  SygusToZ3 tr(ctx, problem);
  z3::expr_vector x = tr.state("");
  const auto& params = definition.items[2].items;
  if (!definition.items[2].is_list() || params.size() != x.size())
    return fail("the relation has " + std::to_string(params.size()) + " parameters, the problem " +
                std::to_string(x.size()) + " variables");
  std::string script;
  z3::expr_vector from(ctx);
  for (std::size_t i = 0; i < params.size(); ++i) {
    const auto& p = params[i];
    if (!p.is_list() || p.items.size() != 2 || !p.items[0].is_symbol())
      return fail("malformed parameter '" + sygus::to_smtlib(p) + "'");
    script += "(declare-fun " + sygus::to_smtlib(p.items[0]) + " () " +
              sygus::to_smtlib(p.items[1]) + ")\n";
    from.push_back(ctx.constant(p.items[0].atom.c_str(), x[static_cast<int>(i)].get_sort()));
  }
  script += "(assert " + sygus::to_smtlib(definition.items[4]) + ")\n";
  z3::expr_vector parsed = ctx.parse_string(script.c_str());
  if (parsed.size() != 1) return fail("the interpretation does not read as one term");
  z3::expr body = parsed[0].substitute(from, x).simplify();
  Z3_set_ast_print_mode(ctx, Z3_PRINT_SMTLIB2_COMPLIANT);
  return sygus::parse_invariant(body.to_string(), problem, "spacer");
}

/// The message of the first `(error "...")` z3 printed, or "".
std::string first_error(const std::string& text) {
  const std::string marker = "(error \"";
  std::size_t at = text.find(marker);
  if (at == std::string::npos) return {};
  at += marker.size();
  return text.substr(at, text.find('"', at) - at);
}

}  // namespace

std::string spacer_script(const sygus::Problem& problem) {
  z3::context ctx;
  SygusToZ3 tr(ctx, problem);
  z3::expr_vector x = tr.state("");
  z3::expr_vector xp = tr.state("!next");
  z3::sort_vector domain(ctx);
  for (unsigned i = 0; i < x.size(); ++i) domain.push_back(x[i].get_sort());
  z3::func_decl inv = ctx.function(kRelation, domain, ctx.bool_sort());
  z3::expr_vector all(ctx);
  for (unsigned i = 0; i < x.size(); ++i) all.push_back(x[i]);
  for (unsigned i = 0; i < xp.size(); ++i) all.push_back(xp[i]);
  auto clause = [&](const z3::expr_vector& vars, const z3::expr& body) {
    return vars.empty() ? body : z3::forall(vars, body);
  };
  // The printer asserts its "assumptions" like its formula: the first two clauses go in as
  // those. The query is a clause with a false head: post's own quantifiers stay in the body.
  z3::expr initiation = clause(x, z3::implies(tr.pre(x), inv(x)));
  z3::expr consecution = clause(all, z3::implies(inv(x) && tr.trans(x, xp), inv(xp)));
  Z3_ast first[2] = {initiation, consecution};
  z3::expr query = clause(x, z3::implies(inv(x) && !tr.post(x), ctx.bool_val(false)));
  std::string text =
      Z3_benchmark_to_smtlib_string(ctx, "verigen", "HORN", "unknown", "", 2, first, query);
  ctx.check_error();
  return text + "(get-model)\n";
}

std::vector<std::string> spacer_command(const std::string& script_file) {
  return {"z3", "-smt2", script_file};
}

ChcResult interpret_spacer(const ProcessResult& run, const sygus::Problem& problem) {
  using Status = ProcessResult::Status;
  switch (run.status) {
    case Status::NotFound:
      return result(Outcome::Error, Cause::ToolNotFound,
                    "spacer: z3 not found on PATH; install it (scripts/setup installs Debian's "
                    "z3) or leave it out with --members builtin,cvc5");
    case Status::StartFailed:
      return result(Outcome::Error, Cause::ToolCrashed, "spacer: z3 could not start: " + run.error);
    case Status::TimedOut:
      return result(Outcome::Unknown, Cause::Timeout, "spacer: no answer before the deadline");
    case Status::Signaled:
      // Half an answer from a solver that died is no answer.
      return result(Outcome::Error, Cause::ToolCrashed, "spacer: z3 " + run.describe());
    case Status::Exited:
      break;
  }
  const auto lines = lines_of(run.out);
  const std::string verdict = lines.empty() ? std::string() : std::string(lines.front());
  const std::string error = first_error(run.out + run.err);
  if (verdict == "unsat") {
    // (get-model) after unsat is an error ("model is not available") and exit 1; any other
    // error means the run went wrong.
    if (run.exit_code != 0 && error.find("model is not available") == std::string::npos)
      return result(Outcome::Error, Cause::BadOutput,
                    "spacer: z3 answered unsat, then failed: " + run.describe() + " " + error);
    return result(Outcome::Refuted, Cause::None,
                  "spacer: post is violated in some reachable state");
  }
  if (verdict == "sat") {
    if (run.exit_code != 0)
      return result(Outcome::Error, Cause::BadOutput,
                    "spacer: z3 answered sat, then failed: " + run.describe() + " " + error);
    auto parsed = sygus::parse_sexprs(run.out.substr(verdict.size()), "z3 output");
    const sygus::SExpr* definition = nullptr;
    if (parsed.ok() && parsed->size() == 1) definition = relation_definition((*parsed)[0]);
    if (!definition)
      return result(Outcome::Error, Cause::BadOutput,
                    "spacer: z3's model has no interpretation of the invariant");
    Result<sygus::SExpr> invariant = fail("unread");
    try {
      invariant = read_interpretation(*definition, problem);
    } catch (const z3::exception& e) {
      invariant = fail(e.msg());
    } catch (const TranslateError& e) {
      invariant = fail(e.what());
    }
    if (!invariant.ok())
      return result(Outcome::Error, Cause::BadOutput,
                    "spacer's invariant does not read back: " + invariant.error());
    ChcResult r = result(Outcome::Verified, Cause::None, "");
    r.invariant = std::move(*invariant);
    return r;
  }
  if (verdict == "unknown")
    return result(Outcome::Unknown, Cause::None, "spacer: z3 gave up (unknown)");
  if (!error.empty()) {
    // Spacer rejects quantifiers (the ALIA posts) and div/mod outside its fragment: the input
    // is beyond the engine, not a fault here.
    bool unsupported = error.find("quantifier in a recursive rule") != std::string::npos ||
                       error.find("Uninterpreted") != std::string::npos;
    return result(
        Outcome::Error, unsupported ? Cause::BadInput : Cause::Internal,
        (unsupported ? "spacer does not support this problem: " : "spacer: z3: ") + error);
  }
  return result(Outcome::Error, Cause::BadOutput,
                "spacer: unreadable z3 output (" + run.describe() + "): '" + verdict + "'");
}

ChcResult solve_with_spacer(ProcessRunner& runner, const sygus::Problem& problem,
                            Deadline deadline) {
  if (deadline.expired())
    return result(Outcome::Unknown, Cause::Timeout, "deadline expired before Spacer ran");
  // Spacer has no quantifiers: it spins on such clauses until the deadline, taking the CPU from
  // the portfolio's other members.
  for (const auto& f : problem.functions) {
    if (sygus::quantifies(f.body))
      return result(Outcome::Error, Cause::BadInput,
                    "spacer does not support this problem: a quantifier in '" + f.name + "'");
  }
  try {
    auto file = ScratchCopy::create("spacer.smt2", spacer_script(problem), ".smt2");
    if (!file.ok())
      return result(Outcome::Error, Cause::Internal,
                    "spacer: cannot write the clauses for z3: " + file.error());
    ProcessSpec spec;
    spec.argv = spacer_command(file->path());
    spec.deadline = deadline;
    // z3 stops at SIGTERM at once; a long grace would only keep a race's loser on a core.
    spec.grace = std::chrono::milliseconds(200);
    ChcResult out = interpret_spacer(runner.run(spec), problem);
    if (out.outcome == Outcome::Refuted) {
      // Spacer's derivation is not a State trace, so unroll to find one; the verdict stands
      // even when the unrolling runs out of time.
      ChcResult bmc = find_violation(problem, kTraceDepth, deadline);
      if (bmc.outcome == Outcome::Refuted) out.trace = std::move(bmc.trace);
    }
    return out;
  } catch (const TranslateError& e) {
    return result(Outcome::Error, Cause::BadInput, e.what());
  } catch (const z3::exception& e) {
    return result(Outcome::Error, Cause::Internal, std::string("spacer: z3: ") + e.msg());
  } catch (const std::exception& e) {
    return result(Outcome::Error, Cause::Internal, std::string("spacer: ") + e.what());
  }
}

}  // namespace verigen::z3inv
