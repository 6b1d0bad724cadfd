#pragma once
/// Vacuous specifications: a candidate that adds preconditions no input can satisfy (`requires
/// false`, `requires x > 0 && x < 0`) verifies anything. Dafny proves it: for each declaration
/// whose preconditions the candidate added to, a lemma `ensures !(P1 && ... && Pn)` is put
/// beside it; if Dafny proves that lemma, nothing can call the declaration.

#include <string>
#include <string_view>
#include <vector>

#include "core/backend.h"
#include "core/diagnostic.h"

namespace verigen::dafny {

/// One generated lemma and what it is about.
struct VacuityLemma {
  std::string name;         ///< the lemma's name in the probe
  std::string declaration;  ///< the declaration whose preconditions it negates (qualified)
  int first_line = 0;       ///< its lines in the probe text (1-based, inclusive)
  int last_line = 0;
  std::size_t requires_offset = 0;  ///< the first added `requires` in the candidate text
};

/// The candidate with one lemma after each declaration (method, function, predicate, lemma;
/// not constructors or two-state declarations) that has a `requires` the original's
/// declaration of the same name lacks. Every lemma's name starts with kVacuityPrefix.
struct VacuityProbe {
  std::string text;
  std::vector<VacuityLemma> lemmas;
};

inline constexpr const char* kVacuityPrefix = "VerigenVacuity_";

/// The probe for `candidate` against `original`; no lemmas when no precondition was added.
VacuityProbe vacuity_probe(std::string_view original, std::string_view candidate);

/// Verifies the probe with `backend` (only its lemmas, under the candidate's own policy and
/// `deadline`) and returns one finding "integrity.vacuous-precondition", located at the added
/// `requires`, per declaration whose preconditions Dafny proved unsatisfiable. Dafny failing to
/// prove a lemma (a counterexample, or the solver giving up) is no finding: only a proof of
/// vacuity refuses a candidate.
std::vector<Diagnostic> find_vacuous_preconditions(Backend& backend, std::string_view original,
                                                   const Candidate& candidate, Deadline deadline);

}  // namespace verigen::dafny
