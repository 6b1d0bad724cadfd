#pragma once
/// What the built-in enumerator reads off a SyGuS-INV problem before enumerating: pre, trans and
/// post over the invariant's own variables, the Int and Bool variables worth relating, the
/// constants the problem mentions, and the guards (branch and loop conditions, post's
/// antecedents) that implication templates hang on.

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "specs/sygus/problem.h"
#include "specs/sygus/sexpr.h"

namespace verigen::inv {

struct ProblemFacts {
  std::optional<sygus::SExpr> pre, trans, post;  ///< inlined over the problem's variables
  /// For SSA-style posts `(or (not (and COPIES)) REST)`: REST over the state variables.
  std::optional<sygus::SExpr> post_core;
  std::vector<std::string> ints;       ///< Int variables, the most relevant first (capped)
  std::vector<std::string> pair_ints;  ///< the prefix of `ints` that pair/triple templates use
  std::vector<std::string> bools;      ///< Bool variables, in problem order (capped)
  std::set<std::string> post_symbols;  ///< symbols occurring in post (its core when SSA-style)
  std::vector<long long> constants;    ///< 0, 1, the problem's literals and their ±1 (capped)
  /// The fewer constants relations between two variables use: -1, 0, 1 and the smallest literals.
  std::vector<long long> pair_constants;
  std::vector<sygus::SExpr> guards;  ///< conditions over unprimed variables, distinct
  /// Nonlinear arithmetic (logic NIA): product templates apply.
  bool nonlinear = false;
};

/// Limits that keep enumeration polynomial on the big (Lustre, SSA-style) problems.
struct FactLimits {
  std::size_t max_ints = 40;
  std::size_t max_pair_ints = 10;
  std::size_t max_bools = 24;
  std::size_t max_constants = 12;
  std::size_t max_pair_literals = 3;
  std::size_t max_guards = 10;
};

/// Reads the facts of `problem`; never fails (a missing function just contributes nothing).
ProblemFacts analyse_problem(const sygus::Problem& problem, const FactLimits& limits = {});

}  // namespace verigen::inv
