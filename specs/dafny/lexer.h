#pragma once
/// A Dafny lexer: tokens with byte offsets, comments kept aside. Total on any input: bad input
/// yields an error position, never a crash or a loop.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace verigen::dafny {

enum class TokenKind { Identifier, Number, String, Char, Punct };

struct Token {
  TokenKind kind = TokenKind::Punct;
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string_view text;  ///< a view into the lexed text, which must outlive the tokens
};

struct Comment {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool block = false;  ///< /* ... */ rather than // ...
};

struct LexError {
  std::size_t offset = 0;
  std::string message;  ///< "unterminated comment", "unterminated string", ...
};

struct Lexed {
  std::vector<Token> tokens;
  std::vector<Comment> comments;
  std::optional<LexError> error;  ///< the first problem; tokens up to it are kept
};

/// Lexes Dafny source. Multi-character operators are single tokens; `{:` (an attribute's start)
/// is one token so attributes are recognisable.
Lexed lex(std::string_view text);

/// True for the identifiers that start a contract or loop-specification clause.
bool is_clause_keyword(std::string_view word);

}  // namespace verigen::dafny
