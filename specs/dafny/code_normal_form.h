#pragma once
/// A normal form for comparing Dafny code and contracts token by token, so that the integrity
/// audit does not refuse a candidate for edits that cannot change meaning: parentheses that only
/// restate precedence (`s == (x + y)`, `if (i < n)`, `((e))`) and empty blocks left behind when
/// annotations are erased (`else { }`, `if c { }`).
///
/// Conservative by construction: a parenthesis pair is dropped only when every neighbour is a
/// delimiter or an operator that binds strictly looser than everything inside, so ambiguous
/// shapes (`(a - b) - c`, `(a && b) || c`, quantifiers and lambdas next to operators) are kept
/// and still count as changes.

#include <cstddef>
#include <string_view>
#include <vector>

namespace verigen::dafny {

/// The positions in `tokens` that remain in the normal form, in order. Pure; total on any
/// token sequence (unbalanced input is returned whole).
std::vector<std::size_t> code_normal_form(const std::vector<std::string_view>& tokens);

}  // namespace verigen::dafny
