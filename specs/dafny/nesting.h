#pragma once
/// A bound on how deeply brackets nest in a Dafny program. Dafny 4.11 parses, clones and
/// resolves expressions recursively and dies of a .NET stack overflow (exit 134) on a loop
/// guard nested 50,000 parentheses deep; verigen's own walks must not be asked either. Real
/// programs nest a few dozen levels at most (DafnyBench and DafnyComp: under 30).

#include <cstddef>
#include <optional>
#include <string_view>

#include "specs/dafny/lexer.h"

namespace verigen::dafny {

/// The deepest `(`, `[`, `{` and `{:` nesting verigen accepts in a Dafny file.
inline constexpr std::size_t kMaxNesting = 1000;

/// The byte offset of the first bracket of `lexed` that opens a level deeper than `limit`,
/// or nullopt when the program stays within it. Comments and strings do not count (the lexer
/// set them aside); unbalanced closing brackets are left to the structure parser.
std::optional<std::size_t> too_deep(const Lexed& lexed, std::size_t limit = kMaxNesting);

}  // namespace verigen::dafny
