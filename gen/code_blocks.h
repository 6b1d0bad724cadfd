#pragma once
/// Pulling code out of a model's completion: fenced blocks first, else the whole text.

#include <string>
#include <string_view>
#include <vector>

namespace verigen {

/// One code block of a completion.
struct CodeBlock {
  std::string language;  ///< the fence's info string ("dafny", "lean", ""), lower-cased
  std::string code;
  bool closed = true;  ///< false when the completion ended inside the fence (truncated)
};

/// The fenced blocks (``` or ~~~) of `completion`, in order. When there is no fence at all the
/// whole completion is returned as one block with an empty language, since many models answer
/// with bare code. A fence still open at the end is returned with closed = false.
std::vector<CodeBlock> extract_code_blocks(std::string_view completion);

/// Collapses runs of whitespace and drops `//` line comments, so candidates that differ only
/// in layout or comments hash alike for deduplication.
std::string normalize_code(std::string_view code);

}  // namespace verigen
