#pragma once
/// Specification strength: is a candidate's contract at least as strong as a reference's?
///
/// A specify answer that verifies may still say almost nothing (`ensures true` composes with
/// anything). Against a reference, each of its methods, functions, predicates and lemmas is
/// judged by Dafny: the candidate's precondition must be no stronger and, under the reference's
/// precondition, its postcondition no weaker; `reads`/`modifies` no larger; `decreases` is free.
/// The obligations are lemmas (contract_lemmas.h) verified in one Dafny call per program.

#include <string>
#include <string_view>
#include <vector>

#include "core/backend.h"
#include "core/diagnostic.h"

namespace verigen::dafny {

/// How a candidate declaration's contract relates to the reference's.
enum class Strength {
  Equivalent,    ///< each implies the other
  Stronger,      ///< the candidate's implies the reference's, not the converse
  Weaker,        ///< the reference's implies the candidate's, not the converse
  Incomparable,  ///< neither implies the other
  Unknown        ///< not decided: a time-out, or an obligation Dafny could not state
};

/// "equivalent", "stronger", "weaker", "incomparable", "unknown".
std::string_view to_string(Strength strength);

/// The judgement on one reference declaration.
struct DeclarationStrength {
  std::string declaration;  ///< qualified name
  Strength strength = Strength::Unknown;
  /// One line: for a failure the first clause that does not follow and Dafny's message; for
  /// `stronger` the clause that makes the difference; "" for `equivalent`.
  std::string detail;
};

struct StrengthReport {
  std::vector<DeclarationStrength> declarations;  ///< the reference's, in its order
  int obligations = 0;                            ///< lemmas given to Dafny
  int verifier_calls = 0;                         ///< 0 (nothing to prove) or 1
  std::string error;  ///< the comparison could not run at all (a program does not parse)

  /// Every declaration equivalent or stronger, and no error.
  bool not_weaker() const;
  /// Some declaration stronger, none below equivalent.
  bool superior() const;
  /// The weakest judgement, worst first: incomparable, weaker, unknown, stronger, equivalent
  /// (an error is unknown; no declarations is equivalent).
  Strength overall() const;
  /// "3 equivalent, 1 stronger" (counts of the outcomes present, in enum order).
  std::string summary() const;
  /// The first declaration that is not equivalent or stronger, as "NAME: weaker: DETAIL";
  /// "" when there is none.
  std::string first_problem() const;
};

struct StrengthOptions {
  /// Prove clauses that stand in both contracts token for token, instead of taking them as
  /// equal (for measuring the check itself).
  bool prove_identical = false;
};

/// Compares `candidate`'s contracts with `reference`'s (two programs with the same code). The
/// probe is verified with `backend` under `deadline` (only its lemmas); the candidate's own
/// assumptions are trusted there, since the question is strength, not honesty. Never throws.
StrengthReport compare_contracts(Backend& backend, std::string_view reference,
                                 const Candidate& candidate, Deadline deadline,
                                 const StrengthOptions& options = {});

/// One finding (rule "integrity.weaker-contract", file `display_path`) per declaration of
/// `report` that is not equivalent or stronger, or one for the whole comparison when it could
/// not run; empty when the contract is not weaker.
std::vector<Diagnostic> weaker_contract_findings(const StrengthReport& report,
                                                 const std::string& display_path);

}  // namespace verigen::dafny
