#pragma once
/// S-expressions as SMT-LIB and SyGuS-IF write them, with the place each one starts, so every
/// later error (a type error in an invariant, an unknown symbol) can name file:line:col.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace verigen::sygus {

/// A 1-based place in a source text.
struct Place {
  int line = 1;
  int column = 1;
};

/// An atom (symbol, numeral, keyword) or a parenthesised list.
struct SExpr {
  enum class Kind { Symbol, Numeral, List };
  Kind kind = Kind::List;
  std::string atom;          ///< the symbol or the numeral's digits; empty for a list
  std::vector<SExpr> items;  ///< the list's elements; empty for an atom
  Place place;

  bool is_list() const { return kind == Kind::List; }
  bool is_symbol() const { return kind == Kind::Symbol; }
  bool is_symbol(std::string_view name) const { return kind == Kind::Symbol && atom == name; }
  bool is_numeral() const { return kind == Kind::Numeral; }
  /// The head symbol of a non-empty list whose first item is a symbol, else "".
  std::string_view head() const;

  static SExpr symbol(std::string name, Place place = {});
  static SExpr numeral(std::string digits, Place place = {});
  static SExpr list(std::vector<SExpr> items, Place place = {});
};

/// How deeply lists may nest. Every walk over a term (sort checking, translation to Z3, concrete
/// evaluation, printing, even destruction) recurses once per level, so the reader refuses deeper
/// input instead of letting a later walk overflow the stack. The SyGuS-INV problems nest at most
/// 12 deep.
inline constexpr std::size_t kMaxNesting = 1000;

/// Parses every top-level s-expression of `text`. Comments (`;` to end of line) and white space
/// are skipped; `|quoted symbols|` are symbols. A Failure reads `PATH:LINE:COL: error: ...`
/// (unbalanced parenthesis, stray character, unterminated quoted symbol, nesting deeper than
/// kMaxNesting).
Result<std::vector<SExpr>> parse_sexprs(std::string_view text, const std::string& path);

/// True when `expr` is or contains a `forall` or `exists` term.
bool quantifies(const SExpr& expr);

/// SMT-LIB text of `expr` on one line, e.g. `(and (>= x 0) (< x n))`. Negative numerals are
/// printed as `(- 5)`, as SMT-LIB requires.
std::string to_smtlib(const SExpr& expr);

}  // namespace verigen::sygus
