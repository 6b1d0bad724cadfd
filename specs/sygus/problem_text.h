#pragma once
/// A SyGuS-INV problem written back as text: for prompts, and for solvers that read the format
/// (a problem verigen built, such as one restricted to a lemma, has no file of its own).

#include <string>
#include <vector>

#include "specs/sygus/problem.h"

namespace verigen::sygus {

/// `(x Int) (a (Array Int Int))`: parameters as a define-fun lists them, without the outer
/// parentheses; names SMT-LIB would misread are quoted.
std::string params_text(const std::vector<Variable>& params);

/// One `(define-fun ...)` on two lines (signature, then the body), ending in a newline.
std::string definition_text(const FunctionDef& function);

/// The problem as SyGuS-IF text, one definition per line: set-logic, synth-inv, every define-fun,
/// inv-constraint. Deterministic (recorded prompts replay); parse_problem reads it back.
std::string problem_text(const Problem& problem);

}  // namespace verigen::sygus
