#include "specs/lean/lean_lexer.h"

#include <cctype>
#include <cstring>

namespace verigen::lean {
namespace {

/// One UTF-8 code point at `pos`: its value and length; length 0 for a malformed sequence.
std::pair<char32_t, std::size_t> decode(std::string_view s, std::size_t pos) {
  const auto b = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  unsigned char c = b(pos);
  if (c < 0x80) return {c, 1};
  std::size_t n = c >= 0xF0 && c < 0xF5 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
  if (n == 0 || pos + n > s.size()) return {0, 0};
  char32_t cp = c & (0x7F >> n);
  for (std::size_t i = 1; i < n; ++i) {
    if ((b(pos + i) & 0xC0) != 0x80) return {0, 0};
    cp = (cp << 6) | (b(pos + i) & 0x3F);
  }
  // Overlong forms and surrogates are not text Lean reads.
  if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
      (cp >= 0xD800 && cp <= 0xDFFF))
    return {0, 0};
  return {cp, n};
}

/// Lean's "letter-like" characters that may start an identifier (Lean's `isLetterLike`): Greek
/// except λ, Π and Σ, Coptic, Greek extended, letter-like symbols, mathematical alphanumerics.
bool letter_like(char32_t c) {
  return (c >= 0x3B1 && c <= 0x3C9 && c != 0x3BB) ||
         (c >= 0x391 && c <= 0x3A9 && c != 0x3A0 && c != 0x3A3) || (c >= 0x3CA && c <= 0x3FB) ||
         (c >= 0x1F00 && c <= 0x1FFE) || (c >= 0x2100 && c <= 0x214F) ||
         (c >= 0x1D49C && c <= 0x1D59F);
}

/// Subscripts, which may continue an identifier (Lean's `isSubScriptAlnum`).
bool subscript(char32_t c) {
  return (c >= 0x2080 && c <= 0x2089) || (c >= 0x2090 && c <= 0x209C) ||
         (c >= 0x1D62 && c <= 0x1D6A) || c == 0x2C7C;
}

bool ident_start(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || letter_like(c);
}

bool ident_rest(char32_t c) {
  return ident_start(c) || (c >= '0' && c <= '9') || c == '\'' || c == '!' || c == '?' ||
         subscript(c);
}

/// Characters that render as nothing or reorder text: a word split by one looks whole to a
/// reader and not to Lean (or the other way round), so they are refused outright.
bool invisible(char32_t c) {
  return (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2060 && c <= 0x2064) || (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF || c == 0xAD ||
         c == 0x2028 || c == 0x2029 || c == 0x180E;
}

class Lexer {
 public:
  explicit Lexer(std::string_view s) : s_(s) {}

  LeanLex run() {
    code(false);
    return std::move(out_);
  }

 private:
  std::string_view s_;
  std::size_t pos_ = 0;
  LeanLex out_;

  bool failed() const { return out_.error.has_value(); }
  void fail(std::size_t at, std::string why) {
    if (!out_.error) out_.error = {{at, std::move(why)}};
  }
  void push(LeanToken::Kind kind, std::string text, std::size_t begin, bool quoted = false) {
    out_.tokens.push_back({kind, std::move(text), begin, pos_, quoted});
  }
  bool at(std::string_view w) const { return s_.substr(pos_, w.size()) == w; }

  /// Code until the end, or (inside an interpolated string) until the `}` that closes it.
  void code(bool in_interpolation) {
    int braces = 0;
    while (pos_ < s_.size() && !failed()) {
      auto [c, n] = decode(s_, pos_);
      if (n == 0) return fail(pos_, "not UTF-8");
      if (invisible(c)) return fail(pos_, "an invisible or direction-changing character");
      if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
        ++pos_;
        continue;
      }
      if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0))
        return fail(pos_, "a control character");
      if (in_interpolation && c == '}' && braces == 0) return;
      if (at("--")) {
        line_comment();
      } else if (at("/-")) {
        block_comment();
      } else if (c == '"') {
        string_literal(pos_ > 0 && s_[pos_ - 1] == '!');
      } else if (c == 'r' && raw_string_ahead()) {
        raw_string();
      } else if (c == '\'' && char_ahead()) {
        char_literal();
      } else if (c == 0xAB) {  // «
        identifier();
      } else if (ident_start(c)) {
        identifier();
      } else if (c >= '0' && c <= '9') {
        number();
      } else {
        std::size_t begin = pos_;
        if (at("@[") || at("#[")) {
          pos_ += 2;
          push(LeanToken::Kind::Symbol, std::string(s_.substr(begin, 2)), begin);
          continue;
        }
        if (c == '{') ++braces;
        if (c == '}') --braces;
        pos_ += n;
        push(LeanToken::Kind::Symbol, std::string(s_.substr(begin, n)), begin);
      }
    }
    if (in_interpolation && !failed()) fail(pos_, "an interpolated string never closed");
  }

  void line_comment() {
    std::size_t begin = pos_;
    while (pos_ < s_.size() && s_[pos_] != '\n') ++pos_;
    push(LeanToken::Kind::Comment, "--", begin);
  }

  /// Block comments nest in Lean: `/- /- -/ x -/` is one comment.
  void block_comment() {
    std::size_t begin = pos_;
    std::string kind = at("/--") && !at("/--/") ? "/--" : at("/-!") ? "/-!" : "/-";
    int depth = 0;
    while (pos_ < s_.size()) {
      if (at("/-")) {
        ++depth;
        pos_ += 2;
      } else if (at("-/")) {
        pos_ += 2;
        if (--depth == 0) return push(LeanToken::Kind::Comment, kind, begin);
      } else {
        ++pos_;
      }
    }
    fail(begin, "a comment never closed");
  }

  /// `"…"` with escapes; in an interpolated string (`s!"…"`, `m!"…"`) `{…}` is code.
  void string_literal(bool interpolated) {
    std::size_t begin = pos_++;
    while (pos_ < s_.size() && !failed()) {
      char c = s_[pos_];
      if (c == '\\') {
        pos_ += 2;
      } else if (c == '"') {
        ++pos_;
        return push(LeanToken::Kind::String, std::string(s_.substr(begin, pos_ - begin)), begin);
      } else if (interpolated && c == '{') {
        ++pos_;
        code(true);
        if (failed()) return;
        ++pos_;  // the closing brace
      } else {
        ++pos_;
      }
    }
    fail(begin, "a string never closed");
  }

  /// `r"…"` or `r#"…"#` (any number of #): no escapes, so `\"` does not hide the end.
  bool raw_string_ahead() const {
    std::size_t i = pos_ + 1;
    while (i < s_.size() && s_[i] == '#') ++i;
    // `r` continuing an identifier (`for"`) was taken by identifier() already.
    return i < s_.size() && s_[i] == '"';
  }

  void raw_string() {
    std::size_t begin = pos_++;
    std::size_t hashes = 0;
    while (s_[pos_] == '#') ++hashes, ++pos_;
    ++pos_;  // the opening quote
    const std::string close = "\"" + std::string(hashes, '#');
    auto end = s_.find(close, pos_);
    if (end == std::string_view::npos) return fail(begin, "a raw string never closed");
    pos_ = end + close.size();
    push(LeanToken::Kind::String, std::string(s_.substr(begin, pos_ - begin)), begin);
  }

  /// A character literal: one escape or one code point between quotes.
  bool char_ahead() const {
    std::size_t i = pos_ + 1;
    if (i >= s_.size()) return false;
    if (s_[i] == '\\') {
      auto close = s_.find('\'', i + 2);
      return close != std::string_view::npos && close - i <= 10;
    }
    auto [c, n] = decode(s_, i);
    return n > 0 && c != '\'' && i + n < s_.size() && s_[i + n] == '\'';
  }

  void char_literal() {
    std::size_t begin = pos_;
    pos_ = s_[pos_ + 1] == '\\' ? s_.find('\'', pos_ + 3) + 1 : s_.find('\'', pos_ + 1) + 1;
    push(LeanToken::Kind::Char, std::string(s_.substr(begin, pos_ - begin)), begin);
  }

  /// One identifier part, plain or «quoted»; false (and an error) when it cannot be read.
  bool part(std::string& name, bool& quoted) {
    if (at("\xC2\xAB")) {  // «
      auto close = s_.find("\xC2\xBB", pos_ + 2);
      if (close == std::string_view::npos) {
        fail(pos_, "a «name» never closed");
        return false;
      }
      name += s_.substr(pos_ + 2, close - pos_ - 2);
      pos_ = close + 2;
      quoted = true;
      return true;
    }
    auto [c, n] = decode(s_, pos_);
    if (n == 0 || !ident_start(c)) return false;
    while (pos_ < s_.size()) {
      auto [d, m] = decode(s_, pos_);
      if (m == 0 || !ident_rest(d)) break;
      name += s_.substr(pos_, m);
      pos_ += m;
    }
    return true;
  }

  void identifier() {
    std::size_t begin = pos_;
    std::string name;
    bool quoted = false;
    if (!part(name, quoted)) return;
    // `a.b.c` is one name; a dot followed by anything else ends it (`x.1`, `xs.map`).
    while (pos_ + 1 < s_.size() && s_[pos_] == '.') {
      std::size_t dot = pos_++;
      auto [c, n] = decode(s_, pos_);
      if (n == 0 || !(ident_start(c) || at("\xC2\xAB"))) {
        pos_ = dot;
        break;
      }
      name += '.';
      if (!part(name, quoted)) return;
    }
    push(LeanToken::Kind::Identifier, std::move(name), begin, quoted);
  }

  /// Digits (hex, binary, octal after 0x, 0b, 0o), a fraction, an exponent. Letters after them
  /// start a new token, as in Lean: `0set_option` is a number and a keyword.
  void number() {
    std::size_t begin = pos_;
    auto digits = [&](auto is_digit) {
      while (pos_ < s_.size() && (is_digit(static_cast<unsigned char>(s_[pos_])) ||
                                  (s_[pos_] == '_' && pos_ + 1 < s_.size() &&
                                   is_digit(static_cast<unsigned char>(s_[pos_ + 1])))))
        ++pos_;
    };
    auto dec = [](unsigned char c) { return std::isdigit(c) != 0; };
    if (s_[pos_] == '0' && pos_ + 2 < s_.size() && std::strchr("xXbBoO", s_[pos_ + 1]) &&
        std::isxdigit(static_cast<unsigned char>(s_[pos_ + 2]))) {
      pos_ += 2;
      digits([](unsigned char c) { return std::isxdigit(c) != 0; });
    } else {
      digits(dec);
      if (pos_ + 1 < s_.size() && s_[pos_] == '.' &&
          dec(static_cast<unsigned char>(s_[pos_ + 1]))) {
        ++pos_;
        digits(dec);
      }
      std::size_t e = pos_;
      if (e < s_.size() && (s_[e] == 'e' || s_[e] == 'E')) {
        ++e;
        if (e < s_.size() && (s_[e] == '+' || s_[e] == '-')) ++e;
        if (e < s_.size() && dec(static_cast<unsigned char>(s_[e]))) {
          pos_ = e;
          digits(dec);
        }
      }
    }
    push(LeanToken::Kind::Number, std::string(s_.substr(begin, pos_ - begin)), begin);
  }
};

}  // namespace

LeanLex lex_lean(std::string_view text) { return Lexer(text).run(); }

}  // namespace verigen::lean
