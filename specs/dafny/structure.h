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
  std::string qualified_name;  ///< Module.Class.Name
  TokenRange modifiers;        ///< ghost, static, twostate ... and attributes before the keyword
  TokenRange signature;        ///< from the kind keyword to the first clause or body
  std::vector<Clause> contracts;
  std::optional<TokenRange> body;            ///< `{ ... }` including the braces
  std::optional<TokenRange> by_method_body;  ///< a function's `by method { ... }`
  std::vector<std::string> attributes;       ///< attribute texts: "{:axiom}", "{:verify false}"
  std::string doc;        ///< the doc comment before it, comment markers stripped
  std::size_t begin = 0;  ///< byte offset of its first token (after the doc comment)
  std::size_t end = 0;    ///< byte offset just past its last token
  /// The keyword of the innermost container ("module", "class", "trait", "datatype", ...), ""
  /// at the top level of the file.
  std::string container;
  bool is_static = false;  ///< declared `static`
};

inline constexpr std::size_t kNoItem = static_cast<std::size_t>(-1);

/// Any declaration at module, class or type level — callables, `const`, `var` fields, `type`,
/// `newtype`, `datatype`, `class`, `trait`, `module`, `import`, `export`, `include` — or a stray
/// token the parser could not place. Every token of a program outside containers' braces
/// belongs to exactly one item, so comparing items compares the whole program.
struct Item {
  std::string keyword;                ///< "method", "const", "module", ...; "" for a stray token
  std::string name;                   ///< simple name; "" for import, export, include and strays
  std::string qualified_name;         ///< enclosing container names and the name, dot-separated
  std::size_t parent = kNoItem;       ///< index of the enclosing container item
  TokenRange tokens;                  ///< the whole item, modifiers and attributes included
  std::optional<TokenRange> members;  ///< a container's `{ ... }`, braces included
  std::optional<std::size_t> declaration;  ///< index into Structure::declarations (callables)
};

/// A `while` or `for` loop inside a body.
struct Loop {
  std::size_t declaration = 0;  ///< index into Structure::declarations
  std::size_t keyword = 0;      ///< token index of `while` / `for`
  TokenRange guard;
  std::vector<Clause> clauses;  ///< invariant / decreases / modifies
  TokenRange body;              ///< `{ ... }`
};

/// A statement that exists only for the proof: assert, assume, calc, reveal, and `forall`
/// statements with an `ensures` clause.
struct ProofStatement {
  std::string keyword;  ///< "assert", "assume", "calc", "reveal", "forall"
  TokenRange tokens;    ///< the whole statement including `;` or its block
};

struct Structure {
  Lexed lexed;
  std::vector<Declaration> declarations;
  std::vector<Item> items;  ///< in source order, containers before their members
  std::vector<Loop> loops;
  std::vector<ProofStatement> proof_statements;
  std::vector<TokenRange> includes;  ///< `include "file"` directives
  /// Token indices of `while`/`for` loops and `forall` statements that have no body: the
  /// verifier takes what they would establish on trust.
  std::vector<std::size_t> bodyless_loops;
  std::optional<std::string> error;  ///< lexing or bracket problem, with its offset below
  std::size_t error_offset = 0;
};

/// Parses the structure of `text`, which must outlive the result (tokens view into it).
Structure parse_structure(std::string_view text);

/// The token texts of a range joined by single spaces: a layout- and comment-free form for
/// comparisons.
std::string token_text(const Structure& s, TokenRange range);

}  // namespace verigen::dafny
