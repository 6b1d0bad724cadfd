#pragma once
/// What a Lean hole may hold. A hole stands for one piece of a declaration — a term, a proof, a
/// definition's body — and its answer may not reach outside it: no command (`#exit`,
/// `set_option`, `namespace`, `attribute`, `macro`, `@[…]` …, whatever the spelling), no escape
/// hatch (`sorry`, `native_decide`, `+native`, `ofReduceBool` …), no meta-level code (anything
/// under `Lean.`), no name the stage must not see. Read with lean_lexer, so comments, strings,
/// «quoted» names and invisible characters cannot hide a word from it.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace verigen::lean {

/// The syntactic category a hole stands for.
enum class LeanHole {
  Term,            ///< an expression (a spec's body)
  Proof,           ///< a proof: `by` and tactics, or a proof term
  DefinitionBody,  ///< a definition's body, with `where`, `termination_by`, `decreasing_by`
};

/// One reason an answer does not fit its hole.
struct HoleFinding {
  std::size_t offset = 0;  ///< in the answer
  std::string rule;        ///< "integrity.command-in-hole", "integrity.escape-hatch", ...
  std::string message;
};

/// The findings of `answer` (the text written into one hole) for a hole of `category`;
/// `forbidden_names` are declarations the answer may not mention (a spec may not name the
/// ground truth it is compared with). Empty when the answer fits.
std::vector<HoleFinding> audit_lean_hole(std::string_view answer, LeanHole category,
                                         const std::vector<std::string>& forbidden_names = {});

/// The category of a hole from its name: CLEVER's `generated_spec_body` is a term,
/// `implementation` a definition body, anything else (proof sections, a plain `sorry`) a proof.
LeanHole hole_category(std::string_view hole_name);

}  // namespace verigen::lean
