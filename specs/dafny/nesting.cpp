#include "specs/dafny/nesting.h"

namespace verigen::dafny {

std::optional<std::size_t> too_deep(const Lexed& lexed, std::size_t limit) {
  std::size_t depth = 0;
  for (const auto& t : lexed.tokens) {
    if (t.kind != TokenKind::Punct) continue;
    if (t.text == "(" || t.text == "[" || t.text == "{" || t.text == "{:") {
      if (++depth > limit) return t.begin;
    } else if ((t.text == ")" || t.text == "]" || t.text == "}") && depth > 0) {
      --depth;
    }
  }
  return std::nullopt;
}

}  // namespace verigen::dafny
