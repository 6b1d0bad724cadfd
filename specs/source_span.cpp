#include "specs/source_span.h"

namespace verigen {

TextPosition position_of(std::string_view text, std::size_t offset) {
  TextPosition pos;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++pos.line;
      pos.column = 1;
    } else {
      ++pos.column;
    }
  }
  return pos;
}

std::size_t offset_of_line(std::string_view text, int line) {
  std::size_t offset = 0;
  for (int current = 1; current < line; ++current) {
    auto newline = text.find('\n', offset);
    if (newline == std::string_view::npos) return text.size();
    offset = newline + 1;
  }
  return offset;
}

std::string spec_error(const std::string& path, std::string_view text, std::size_t offset,
                       const std::string& message) {
  auto pos = position_of(text, offset);
  return path + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column) +
         ": error: " + message;
}

}  // namespace verigen
