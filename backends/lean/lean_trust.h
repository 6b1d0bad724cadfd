#pragma once
/// What Lean's messages say about trust beyond errors: the axioms `#print axioms` lists, and
/// warnings inside the text a generator wrote. Facts about the message formats (and their
/// sources) are in test/lean/fixtures/README.md.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/diagnostic.h"

namespace verigen::lean {

/// The axioms Lean's own library rests on; a proof may use these and nothing else.
inline constexpr const char* kStandardAxioms[] = {"propext", "Classical.choice", "Quot.sound"};

/// For a `#print axioms` message (`'NAME' depends on axioms: [A, B]`): the axioms it lists
/// that are not standard ones, joined with ", "; "" when all are standard or the declaration
/// depends on none; nullopt when `d` is not such a message.
std::optional<std::string> nonstandard_axioms(const Diagnostic& d);

/// True for a `#print axioms` message (either form).
bool is_axioms_report(const Diagnostic& d);

/// The first warning whose position lies on one of `lines` (1-based, inclusive ranges), or
/// nullptr: a warning in the generator's own text is never harmless (a linter Lean was told to
/// silence, a `sorry`, an unused `have` hiding a gap).
const Diagnostic* warning_in(const std::vector<Diagnostic>& messages,
                             const std::vector<std::pair<int, int>>& lines);

}  // namespace verigen::lean
