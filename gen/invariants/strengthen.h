#pragma once
/// The problem restricted to the states an inductive lemma allows. For L inductive on `problem`
/// (pre ⇒ L, L ∧ trans ⇒ L'), any invariant J of the restricted problem (pre, trans ∧ L ∧ L',
/// L ⇒ post) makes L ∧ J an invariant of `problem`: initiation from pre ⇒ L and pre ⇒ J,
/// consecution because every step from L ∧ J is a step of the restricted trans, and post
/// because L ∧ J ⇒ post. J alone need not be one: the restriction is what the solver of the
/// restricted problem leans on.

#include <string>

#include "core/result.h"
#include "specs/sygus/problem.h"

namespace verigen::inv {

struct StrengthenedProblem {
  std::string text;        ///< the restricted problem in SyGuS-INV syntax
  sygus::Problem problem;  ///< `text`, read back by sygus::parse_problem
};

/// `problem` restricted to `lemma` (a Bool term over its variables). The new functions' names
/// avoid every name of `problem`. A Failure when the restricted text does not read back.
Result<StrengthenedProblem> strengthen(const sygus::Problem& problem, const sygus::SExpr& lemma);

}  // namespace verigen::inv
