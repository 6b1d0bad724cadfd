#include "specs/dafny/lexer.h"

#include <array>
#include <cctype>

namespace verigen::dafny {
namespace {

bool ident_start(unsigned char c) { return std::isalpha(c) || c == '_' || c == '$' || c >= 0x80; }
bool ident_char(unsigned char c) {
  return std::isalnum(c) || c == '_' || c == '\'' || c == '?' || c == '$' || c >= 0x80;
}

// Longest first: the lexer takes the first that matches.
constexpr std::array<std::string_view, 24> kOperators = {
    "<==>", "==>", "<==", "-->", "~>", "!!", "==", "!=", "<=", ">=", "&&", "||",
    ":=",   "::",  ":|",  "..",  "=>", "->", "<-", "{:", "#[", "**", "`",  "@"};

}  // namespace

bool is_clause_keyword(std::string_view w) {
  return w == "requires" || w == "ensures" || w == "modifies" || w == "reads" || w == "decreases" ||
         w == "invariant" || w == "yield";
}

Lexed lex(std::string_view text) {
  Lexed out;
  const std::size_t n = text.size();
  // A UTF-8 byte-order mark is not part of the program (some editors write one).
  std::size_t i = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  auto fail = [&](std::size_t at, const char* message) { out.error = LexError{at, message}; };
  while (i < n && !out.error) {
    const unsigned char c = text[i];
    if (std::isspace(c)) {
      ++i;
      continue;
    }
    // Comments, nested for /* */.
    if (c == '/' && i + 1 < n && text[i + 1] == '/') {
      std::size_t start = i;
      while (i < n && text[i] != '\n') ++i;
      out.comments.push_back({start, i, false});
      continue;
    }
    if (c == '/' && i + 1 < n && text[i + 1] == '*') {
      std::size_t start = i;
      int depth = 0;
      while (i < n) {
        if (text[i] == '/' && i + 1 < n && text[i + 1] == '*') {
          ++depth;
          i += 2;
          continue;
        }
        if (text[i] == '*' && i + 1 < n && text[i + 1] == '/') {
          i += 2;
          if (--depth == 0) break;
          continue;
        }
        ++i;
      }
      if (depth != 0) {
        fail(start, "unterminated comment");
        break;
      }
      out.comments.push_back({start, i, true});
      continue;
    }
    const std::size_t start = i;
    auto push = [&](TokenKind kind) {
      out.tokens.push_back({kind, start, i, text.substr(start, i - start)});
    };
    if (c == '@' && i + 1 < n && text[i + 1] == '"') {  // verbatim string: "" is a quote
      i += 2;
      while (true) {
        if (i >= n) {
          fail(start, "unterminated string");
          break;
        }
        if (text[i] == '"') {
          if (i + 1 < n && text[i + 1] == '"') {
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        ++i;
      }
      if (!out.error) push(TokenKind::String);
      continue;
    }
    if (c == '"') {
      ++i;
      while (true) {
        if (i >= n || text[i] == '\n') {
          fail(start, "unterminated string");
          break;
        }
        if (text[i] == '\\') {
          i += 2;
          continue;
        }
        if (text[i] == '"') {
          ++i;
          break;
        }
        ++i;
      }
      if (!out.error) push(TokenKind::String);
      continue;
    }
    if (c == '\'') {  // a char literal: identifiers never start with a quote
      ++i;
      if (i < n && text[i] == '\\') {
        i += 2;
        while (i < n && text[i] != '\'' && text[i] != '\n' && i - start < 16) ++i;
      } else if (i < n) {
        // One code point, possibly several UTF-8 bytes.
        ++i;
        while (i < n && (static_cast<unsigned char>(text[i]) & 0xc0) == 0x80) ++i;
      }
      if (i >= n || text[i] != '\'') {
        fail(start, "unterminated character literal");
        break;
      }
      ++i;
      push(TokenKind::Char);
      continue;
    }
    if (ident_start(c)) {
      while (i < n && ident_char(text[i])) ++i;
      push(TokenKind::Identifier);
      continue;
    }
    if (std::isdigit(c)) {
      if (c == '0' && i + 1 < n && (text[i + 1] == 'x' || text[i + 1] == 'X')) {
        i += 2;
        while (i < n && (std::isxdigit(static_cast<unsigned char>(text[i])) || text[i] == '_')) ++i;
      } else {
        while (i < n && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '_')) ++i;
        if (i + 1 < n && text[i] == '.' && std::isdigit(static_cast<unsigned char>(text[i + 1]))) {
          ++i;
          while (i < n && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '_'))
            ++i;
        }
      }
      push(TokenKind::Number);
      continue;
    }
    bool matched = false;
    for (auto op : kOperators) {
      if (text.substr(i, op.size()) == op) {
        i += op.size();
        matched = true;
        break;
      }
    }
    if (!matched) ++i;
    push(TokenKind::Punct);
  }
  return out;
}

}  // namespace verigen::dafny
