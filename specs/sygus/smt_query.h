#pragma once
/// One check of a candidate invariant (initiation, consecution, postcondition) as an SMT-LIB
/// script that any SMT solver reads: the problem's own define-funs, a constant per state
/// variable, the invariant as a define-fun, and one assertion that is unsatisfiable exactly when
/// the check holds. The text is written from the problem's terms, not printed by Z3, so a second
/// solver sees the problem as the file states it.

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "specs/sygus/problem.h"

namespace verigen::sygus {

/// A check as a script, and the names it gives the two copies of the state.
struct CheckScript {
  std::string text;  ///< set-logic, define-funs, declarations, one assert; no check-sat
  std::vector<std::string> current;  ///< the constant of each variable, in problem order
  std::vector<std::string> next;     ///< consecution only: the successor's constants
};

/// The script of check `which` ("initiation", "consecution", "postcondition") on `invariant`.
/// A Failure for any other `which`.
Result<CheckScript> check_script(const Problem& problem, std::string_view which,
                                 const SExpr& invariant);

/// True when `term` multiplies two terms neither of which is a numeral, or divides (div, mod) by
/// a term that is not one: what takes a check out of linear arithmetic.
bool is_nonlinear(const SExpr& term);

/// True when a function of `problem` (pre, trans, post or a helper) is nonlinear (is_nonlinear).
bool has_nonlinear_arithmetic(const Problem& problem);

/// True when the check of `invariant` on `problem` is a quantifier-free query over Int and Bool
/// that is nonlinear somewhere (in the invariant or in a function of the problem): the queries
/// a second solver is asked to race Z3 on.
bool nonlinear_integer_check(const Problem& problem, const SExpr& invariant);

}  // namespace verigen::sygus
