#pragma once
/// SyGuS-INV terms as Z3 expressions, and the small pieces every Z3 use of a problem shares:
/// state copies, models as States, Z3's unknown reasons as Causes.

#include <z3++.h>

#include <map>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "backends/z3/inv_checker.h"
#include "core/deadline.h"
#include "core/outcome.h"
#include "specs/sygus/problem.h"

namespace verigen::z3inv {

/// Names in scope while translating: variables, let-bound terms, quantified variables.
using Env = std::map<std::string, z3::expr>;

/// A term the translator cannot express (an unknown symbol, an unsupported construct).
struct TranslateError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// Translates terms of one problem in one Z3 context. define-funs are expanded at each call
/// (they are non-recursive), so every resulting expression is quantifier-free unless the term
/// itself quantifies. An expansion is built once per function and arguments and then shared:
/// a chain of functions each calling the previous one twice costs linear, not exponential, time.
/// Recursion depth is bounded by the problem's expanded depth (sygus::kMaxNesting).
class SygusToZ3 {
 public:
  /// `ctx` and `problem` must outlive the translator.
  SygusToZ3(z3::context& ctx, const sygus::Problem& problem) : ctx_(ctx), problem_(problem) {}

  z3::sort sort(sygus::Sort sort) const;
  /// `term` with its free symbols looked up in `env` (then the problem's functions).
  /// Throws TranslateError, or z3::exception on an ill-sorted term.
  z3::expr translate(const sygus::SExpr& term, const Env& env);
  /// The body of define-fun `name` applied to `args`.
  z3::expr apply(const std::string& name, const z3::expr_vector& args);

  /// One copy of the state: a constant per variable, named `NAME` + `suffix`.
  z3::expr_vector state(const std::string& suffix) const;
  /// The env mapping each variable name to its expression in `state`.
  Env bind(const z3::expr_vector& state) const;
  /// pre(s), trans(s, s2), post(s).
  z3::expr pre(const z3::expr_vector& s) { return apply(problem_.pre, s); }
  z3::expr trans(const z3::expr_vector& s, const z3::expr_vector& s2);
  z3::expr post(const z3::expr_vector& s) { return apply(problem_.post, s); }

  const sygus::Problem& problem() const { return problem_; }
  z3::context& ctx() const { return ctx_; }

 private:
  z3::expr list(const sygus::SExpr& term, const Env& env);
  z3::expr binder(const sygus::SExpr& term, const Env& env);

  /// A call already expanded: the arguments are kept so that their AST ids, the key, stay unique.
  struct Expansion {
    z3::expr_vector args;
    z3::expr result;
  };

  z3::context& ctx_;
  const sygus::Problem& problem_;
  unsigned fresh_ = 0;
  std::map<std::pair<std::string, std::vector<unsigned>>, Expansion> expansions_;
};

/// A model's value of every variable of `state` (same order as problem.variables), as SMT-LIB
/// text; arrays as store chains over a constant array.
State state_from_model(const z3::model& model, const z3::expr_vector& state,
                       const sygus::Problem& problem);
/// The SMT-LIB text of a value, with `(_ as-array f)` arrays expanded from the model.
std::string value_text(const z3::model& model, const z3::expr& value);

/// Maps a reason_unknown string to a Cause: Timeout for "timeout"/"canceled"/"interrupted" (the
/// InterruptAt watchdog's doing; see interrupt_at.h) or any reason once
/// the deadline has passed), ResourceLimit for resource and memory limits, else None.
Cause cause_of_unknown(const std::string& reason, Deadline deadline);

}  // namespace verigen::z3inv
