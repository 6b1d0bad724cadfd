#pragma once
/// Lean 4's comment syntax, for scan_words.

#include "specs/word_scan.h"

namespace verigen::lean {
inline constexpr CommentSyntax kLeanComments{"--", "/-", "-/"};
}  // namespace verigen::lean
