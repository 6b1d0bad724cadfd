#pragma once
/// Candidates derived from a verified Dafny program to measure the specification strength check:
/// mutants whose contract says less (or demands more) than the program's, and the "minimal"
/// answer that keeps only what verification needs.

#include <optional>
#include <string>
#include <vector>

namespace verigen::bench {

/// One mutant: the program with one contract clause changed, and which one.
struct ContractMutant {
  std::string kind;         ///< "ensures-deleted", "bound-loosened", "requires-strengthened"
  std::string declaration;  ///< the declaration whose contract changed
  std::string text;         ///< the whole program
};

/// The three mutants of `program` that exist (each of the first declaration, in source order,
/// where the change applies): its last `ensures` deleted; a bound of an `ensures` loosened by
/// one (`x <= e` to `x <= (e + 1)`, `x >= e` to `x >= (e - 1)`, likewise `<` and `>`); a
/// bound of a `requires` tightened by one the other way. A bound is changed only where its
/// right operand is one identifier or number standing alone (not called, indexed, a field, in a
/// product or the middle of a chain), so the change keeps the type and is strictly weaker (or
/// stronger) unless the rest of the contract already decides it.
std::vector<ContractMutant> contract_mutants(const std::string& program);

/// `program` without the `ensures` clauses of the declarations nothing in it calls (no other
/// declaration names them): it verifies whenever `program` does, and says less wherever those
/// declarations promised something. nullopt when no such declaration has an `ensures`.
std::optional<std::string> without_uncalled_ensures(const std::string& program);

}  // namespace verigen::bench
