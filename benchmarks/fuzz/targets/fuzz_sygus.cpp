// libFuzzer target: the SyGuS-INV reader (specs/sygus) and every walk over what it accepts —
// sort checking, printing, concrete evaluation (gen/invariants/concrete_eval) and translation
// to Z3 (backends/z3/sygus_to_z3). The input is read as a problem and, against a fixed problem,
// as a candidate invariant.

#include <z3++.h>

#include "backends/z3/sygus_to_z3.h"
#include "fuzz_input.h"
#include "gen/invariants/concrete_eval.h"
#include "specs/sygus/problem.h"

namespace {

using namespace verigen;

const sygus::Problem& fixed_problem() {
  static const sygus::Problem problem = [] {
    auto p = sygus::parse_problem(
        "(set-logic LIA)\n"
        "(synth-inv inv_fun ((x Int) (y Int) (b Bool) (a (Array Int Int))))\n"
        "(define-fun pre_fun ((x Int) (y Int) (b Bool) (a (Array Int Int))) Bool (and (= x 0) b))\n"
        "(define-fun trans_fun ((x Int) (y Int) (b Bool) (a (Array Int Int)) (x! Int) (y! Int) "
        "(b! Bool) (a! (Array Int Int))) Bool (and (= x! (+ x 1)) (= y! y) (= b! b) (= a! a)))\n"
        "(define-fun post_fun ((x Int) (y Int) (b Bool) (a (Array Int Int))) Bool (>= x 0))\n"
        "(inv-constraint inv_fun pre_fun trans_fun post_fun)\n(check-synth)\n",
        "fixed.sl");
    if (!p.ok()) std::abort();
    return *p;
  }();
  return problem;
}

/// Values chosen to reach overflow and division edge cases.
const inv::Valuation& valuation() {
  static const inv::Valuation v = {{"x", 9223372036854775807LL},
                                   {"y", -9223372036854775807LL - 1},
                                   {"b", true},
                                   {"x!", -1LL},
                                   {"y!", 0LL},
                                   {"b!", false}};
  return v;
}

/// Evaluates, prints and re-reads, and translates `body` (already sort-checked for `problem`).
void walk(const sygus::SExpr& body, const sygus::Problem& problem, z3::context& ctx) {
  (void)inv::evaluate(body, valuation());
  // Printing and reading back must give the same text.
  std::string text = sygus::to_smtlib(body);
  auto again = sygus::parse_sexprs(text, "<printed>");
  fuzz::require(again.ok() && again->size() == 1, "printed term reads back");
  fuzz::require(sygus::to_smtlib(again->front()) == text, "printed term is stable");
  z3inv::SygusToZ3 to_z3(ctx, problem);
  try {
    z3inv::Env env = to_z3.bind(to_z3.state(""));
    (void)to_z3.translate(body, env);
  } catch (const z3inv::TranslateError&) {
  } catch (const z3::exception&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto text = fuzz::as_text(data, size);
  // One context for the whole run: making one costs more than most inputs. Expressions of an
  // input are released when its translator goes.
  static z3::context ctx;
  auto problem = sygus::parse_problem(text, "input.sl");
  if (problem.ok()) {
    for (const auto& f : problem->functions) (void)inv::evaluate(f.body, valuation());
    z3inv::SygusToZ3 to_z3(ctx, *problem);
    try {
      auto s = to_z3.state(""), s2 = to_z3.state("!");
      (void)to_z3.pre(s);
      (void)to_z3.trans(s, s2);
      (void)to_z3.post(s);
    } catch (const z3inv::TranslateError&) {
    } catch (const z3::exception&) {
    }
  } else {
    fuzz::require(problem.error().rfind("input.sl:", 0) == 0, "an error names the file");
  }
  auto candidate = sygus::parse_invariant(text, fixed_problem(), "candidate");
  if (candidate.ok()) walk(*candidate, fixed_problem(), ctx);
  return 0;
}
