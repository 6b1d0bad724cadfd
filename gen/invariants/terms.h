#pragma once
/// Small helpers over sygus::SExpr terms for building and taking apart candidate invariants:
/// constructors, conjunction, substitution of a function's parameters, symbols and numerals.

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "specs/sygus/problem.h"
#include "specs/sygus/sexpr.h"

namespace verigen::inv {

/// A symbol term.
sygus::SExpr sym(const std::string& name);
/// An integer literal; a negative value is built as `(- N)`, as SMT-LIB requires.
sygus::SExpr num(long long value);
/// `(head args...)`.
sygus::SExpr app(const std::string& head, std::vector<sygus::SExpr> args);
/// `(not e)`, folding a double negation.
sygus::SExpr negate(const sygus::SExpr& e);

/// The conjunction of `parts`: `true` when empty, the part itself when there is one.
sygus::SExpr conjunction(const std::vector<sygus::SExpr>& parts);
/// The conjuncts of `e`, nested `and`s flattened; `e` itself when it is no `and`.
std::vector<sygus::SExpr> conjuncts(const sygus::SExpr& e);

/// The value of an integer literal `N` or `(- N)`; nullopt for anything else (or overflow).
std::optional<long long> numeral_value(const sygus::SExpr& e);

/// `e` with free occurrences of the map's symbols replaced; names bound by `let`, `forall` and
/// `exists` inside `e` shadow the map, so substitution never captures.
sygus::SExpr substitute(const sygus::SExpr& e, const std::map<std::string, sygus::SExpr>& map);

/// Every symbol occurring in `e` (binders included: callers use this for relevance only).
void collect_symbols(const sygus::SExpr& e, std::set<std::string>& out);
/// Every integer literal in `e` (with `(- N)` read as -N).
void collect_numerals(const sygus::SExpr& e, std::set<long long>& out);

/// The body of `function` with its parameters renamed to the problem's variables by position
/// (and, for trans, the second half to their primed names), so pre, trans and post all speak of
/// the invariant's variables. nullopt when the problem lacks the function.
std::optional<sygus::SExpr> inlined_body(const sygus::Problem& problem,
                                         const std::string& function);

}  // namespace verigen::inv
