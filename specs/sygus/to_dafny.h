#pragma once
/// A SyGuS-INV problem as a Dafny program whose loop needs exactly the problem's invariant, so
/// that `verigen gen` (the Dafny annotator) and `verigen inv` (the SyGuS portfolio) can be
/// compared on one footing (benchmarks/annotate/run.py --sygus).
///
/// The program: a method whose parameters are the initial state and a number of `steps`,
/// `requires` pre over the state; a loop that takes `steps` steps, each picking an arbitrary next
/// state (`:= *`) and moving to it when trans allows the step (else staying, which any invariant
/// survives); after the loop, `assert` post. The loop ends (Dafny infers `decreases steps -
/// step`), so no `decreases *` weakens the proof; as `steps` is arbitrary, post must hold after
/// any number of steps, which is what the problem's invariant proves. Any inductive invariant of
/// the problem proves the program (with `step <= steps`), and a proof of the program shows that
/// post holds in every reachable state.

#include <string>

#include "core/result.h"
#include "specs/sygus/problem.h"

namespace verigen::sygus {

/// `Int`/`Bool` problems (LIA, NIA) as the Dafny program above. Arrays are refused (SMT-LIB
/// arrays are total maps, which no Dafny value type mirrors with equality), as are terms this
/// translation does not know; the Failure names the problem's file and the place.
/// Every SyGuS name becomes `v_<name>` with characters Dafny does not allow replaced, made
/// unique; helper functions (define-funs other than pre/trans/post) become Dafny functions;
/// pre, trans and post are inlined, so the annotator sees their atoms.
Result<std::string> to_dafny(const Problem& problem);

/// A SyGuS invariant body (as `verigen inv` prints it) over `problem`'s variables as the Dafny
/// expression over the loop variables of to_dafny(problem) (for the `invariant` clause).
Result<std::string> invariant_to_dafny(const Problem& problem, const SExpr& body);

}  // namespace verigen::sygus
