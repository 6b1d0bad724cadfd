#pragma once
/// verigen's own reading of the assumptions a Dafny program rests on: the second line of
/// defence behind `dafny audit`, and the one the integrity audit uses before any tool runs.
/// It reads tokens, not sentences, so spacing, comments and spelling variants (`{: axiom }`,
/// `@Axiom`, `:| assume`) do not hide anything.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/assumption.h"

namespace verigen::dafny {

/// Every assumption in `text`: `assume` statements (also in `:|` and inside calc hints and
/// `by` blocks), attributes that switch checking off or weaken it ({:axiom}, {:verify false},
/// {:only}, {:options}, {:selective_checking}, {:termination false}, ... and any attribute
/// verigen does not know to be harmless), body-less lemmas and body-less declarations with
/// contracts (extern or not; abstract trait members excepted), loops and `forall` statements
/// without a body, and `decreases *`. Locations name `display_path`; each carries its
/// enclosing declaration and its layout-free text. Total on any input.
std::vector<Assumption> scan_dafny_assumptions(std::string_view text,
                                               const std::string& display_path);

/// The qualified name of the innermost declaration of `text` that contains 1-based `line` and
/// `column` ("" when none does): for findings a tool reports without naming one.
std::string declaration_at(std::string_view text, int line, int column);

/// Byte ranges [begin, end) of the `expect` statements of `text`, each up to its `;`.
std::vector<std::pair<std::size_t, std::size_t>> expect_statements(std::string_view text);

/// `text` with the given byte ranges blanked out (line breaks kept, so positions stay).
std::string blank_ranges(std::string_view text,
                         const std::vector<std::pair<std::size_t, std::size_t>>& ranges);

/// An `include` directive: the file name as written (quotes removed) and where it is.
struct IncludeDirective {
  std::string file;
  std::size_t offset = 0;
};

/// The `include` directives of `text`, in order.
std::vector<IncludeDirective> included_files(std::string_view text);

/// The assumption kind an attribute `name` (the `{:name}` or `@Name` form) with `arguments`
/// (their token text) makes, or "" when it takes nothing on trust.
std::string attribute_assumption_kind(std::string_view name, const std::string& arguments);

/// True when an attribute of this name (the `{:name}` or `@Name` form, without arguments) may
/// be added or dropped without changing what a program means: it only steers the prover
/// (triggers, fuel, induction, splitting, limits).
bool is_proof_steering_attribute(std::string_view name);

}  // namespace verigen::dafny
