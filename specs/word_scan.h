#pragma once
/// A small scanner shared by the Lean and F* layers: the words of a source text with their
/// offsets, skipping comments and string literals, so an escape hatch in a comment or a string
/// is not mistaken for code.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace verigen {

/// How a language writes comments.
struct CommentSyntax {
  std::string_view line;         ///< "--" (Lean), "//" (F*)
  std::string_view block_open;   ///< "/-" (Lean), "(*" (F*); blocks nest
  std::string_view block_close;  ///< "-/", "*)"
};

struct Word {
  std::size_t begin = 0;
  std::string text;  ///< an identifier (dots and primes included), a `#pragma`, or "@["
};

struct WordScan {
  std::vector<Word> words;
  std::optional<std::pair<std::size_t, std::string>> error;  ///< offset and message
};

/// Scans `text`: identifiers (with `.`, `'`, `!`, `?`, `_`), `#words`, and the token "@[".
WordScan scan_words(std::string_view text, const CommentSyntax& syntax);

/// Checks that `candidate` keeps the parts of `original` outside `holes` (sorted [begin, end)
/// byte ranges), in order, each once: the text between holes must appear in the candidate,
/// after the previous part. Returns the offset in `original` of the first part that is
/// missing, or nullopt when all are kept. White space at a part's edges is not compared.
std::optional<std::size_t> first_missing_fixed_part(
    std::string_view original, const std::vector<std::pair<std::size_t, std::size_t>>& holes,
    std::string_view candidate);

}  // namespace verigen
