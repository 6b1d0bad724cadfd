#pragma once
/// Lean 4's tokens as far as the integrity audit needs them: identifiers (with «» quoting and
/// dotted parts), literals, comments and single symbols. Stricter than Lean where hiding is
/// possible: raw strings, interpolated strings (whose `{…}` parts are code) and nested block
/// comments are read as Lean reads them, and invisible or control characters are errors, so a
/// word can never be hidden from the audit in a place Lean would read as code.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace verigen::lean {

struct LeanToken {
  enum class Kind { Identifier, Number, String, Char, Symbol, Comment };
  Kind kind = Kind::Symbol;
  /// Identifiers: the name with «» removed (`«sorry»` → `sorry`, `Lean.«ofReduceBool»` →
  /// `Lean.ofReduceBool`); symbols: the character (one code point, or "@[", "#["); comments:
  /// "--", "/-", "/--" or "/-!"; literals: their source text.
  std::string text;
  std::size_t begin = 0;  ///< byte offset in the lexed text
  std::size_t end = 0;
  bool quoted = false;  ///< an identifier written with «»: never a keyword
};

struct LeanLex {
  std::vector<LeanToken> tokens;
  /// The first thing that is not Lean text the audit can read: offset and why.
  std::optional<std::pair<std::size_t, std::string>> error;
};

/// The tokens of `text` (code inside interpolated strings included, in order).
LeanLex lex_lean(std::string_view text);

}  // namespace verigen::lean
