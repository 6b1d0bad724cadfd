#pragma once
/// The structure of a Dafny program that verigen needs: declarations with their signatures,
/// contracts and bodies; loops with their specification clauses; proof-only statements.
/// A light parser over the token stream, not a full Dafny parser: it recognises shapes by
/// keywords and bracket nesting, and is total on any input.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "specs/dafny/lexer.h"

namespace verigen::dafny {

/// A half-open range of token indices [first, last).
struct TokenRange {
  std::size_t first = 0;
  std::size_t last = 0;
  bool empty() const { return first >= last; }
};

/// A specification clause: `requires e`, `ensures e`, `invariant e`, `decreases e`, ...
struct Clause {
  std::string keyword;
  TokenRange tokens;  ///< the keyword and its expression
};

enum class DeclKind { Method, Function, Predicate, Lemma, Constructor };

struct Declaration {
  DeclKind kind = DeclKind::Method;
  std::string name;
  std::string qualified_name;      ///< Module.Class.Name
  TokenRange modifiers;            ///< ghost, static, twostate ... and attributes before the keyword
  TokenRange signature;            ///< from the kind keyword to the first clause or body
  std::vector<Clause> contracts;
  std::optional<TokenRange> body;  ///< `{ ... }` including the braces
  std::optional<TokenRange> by_method_body;  ///< a function's `by method { ... }`
  std::vector<std::string> attributes;       ///< attribute texts: "{:axiom}", "{:verify false}"
  std::string doc;                 ///< the doc comment before it, comment markers stripped
  std::size_t begin = 0;           ///< byte offset of its first token (after the doc comment)
  std::size_t end = 0;             ///< byte offset just past its last token
};

/// A `while` or `for` loop inside a body.
struct Loop {
  std::size_t declaration = 0;  ///< index into Structure::declarations
  std::size_t keyword = 0;      ///< token index of `while` / `for`
  TokenRange guard;
  std::vector<Clause> clauses;  ///< invariant / decreases / modifies
  TokenRange body;              ///< `{ ... }`
};

/// A statement that exists only for the proof: assert, assume, calc, reveal, expect-free
/// ghost code recognised by keyword.
struct ProofStatement {
  std::string keyword;  ///< "assert", "assume", "calc", "reveal"
  TokenRange tokens;    ///< the whole statement including `;` or its block
};

struct Structure {
  Lexed lexed;
  std::vector<Declaration> declarations;
  std::vector<Loop> loops;
  std::vector<ProofStatement> proof_statements;
  std::vector<TokenRange> includes;     ///< `include "file"` directives
  std::optional<std::string> error;     ///< lexing or bracket problem, with its offset below
  std::size_t error_offset = 0;
};

/// Parses the structure of `text`, which must outlive the result (tokens view into it).
Structure parse_structure(std::string_view text);

/// The token texts of a range joined by single spaces: a layout- and comment-free form for
/// comparisons.
std::string token_text(const Structure& s, TokenRange range);

}  // namespace verigen::dafny
