#pragma once
/// Positions in spec text, and the one-line errors that point at them.

#include <cstddef>
#include <string>
#include <string_view>

namespace verigen {

/// A 1-based line/column position in a text (columns count bytes).
struct TextPosition {
  int line = 1;
  int column = 1;
};

/// The position of byte `offset` in `text`.
TextPosition position_of(std::string_view text, std::size_t offset);

/// The byte offset where 1-based `line` starts (text.size() when past the end).
std::size_t offset_of_line(std::string_view text, int line);

/// "path:line:col: error: message" for a problem found at `offset` of `text`.
std::string spec_error(const std::string& path, std::string_view text, std::size_t offset,
                       const std::string& message);

}  // namespace verigen
