#pragma once
/// Evaluating the linear-arithmetic terms the enumerator builds on concrete states, in C++.
/// Filtering a few thousand template atoms on dozens of sampled states this way costs
/// microseconds, where a Z3 model evaluation per pair would cost seconds; anything outside the
/// small fragment below yields nullopt and the caller asks InvariantChecker::holds instead.

#include <map>
#include <optional>
#include <string>
#include <variant>

#include "backends/z3/inv_checker.h"
#include "specs/sygus/sexpr.h"

namespace verigen::inv {

/// An Int or Bool value of a state variable.
using Value = std::variant<long long, bool>;
/// A state with its Int and Bool values read; arrays and unreadable values are left out.
using Valuation = std::map<std::string, Value>;

/// Reads the Int ("5", "(- 3)") and Bool ("true", "false") values of `state`.
Valuation read_state(const z3inv::State& state);

/// The value of `term` in `valuation`: Int/Bool literals, variables, `and or not => ite = distinct
/// < <= > >= + - * div mod abs` with SMT-LIB semantics (Euclidean div/mod). nullopt for anything
/// else (functions, arrays, quantifiers, let, missing values, overflow, division by zero).
std::optional<Value> evaluate(const sygus::SExpr& term, const Valuation& valuation);

/// evaluate() for a Bool term: nullopt unless it evaluates to a Bool.
std::optional<bool> evaluate_bool(const sygus::SExpr& term, const Valuation& valuation);

}  // namespace verigen::inv
