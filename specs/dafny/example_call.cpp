#include "specs/dafny/example_call.h"

#include <cstdint>
#include <cstdio>
#include <vector>

namespace verigen::dafny {
namespace {

constexpr int kMaxDepth = 64;
constexpr const char* kLiteralsOnly =
    "an example's arguments and expected value must be literals: numbers, true/false, "
    "\"strings\", 'c'haracters, [sequences], (tuples), {sets}, map[k := v]";

bool is_identifier_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool is_identifier_char(char c) {
  return is_identifier_start(c) || (c >= '0' && c <= '9') || c == '\'';
}
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_hex_digit(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

std::string hex_escape(const char* format, std::uint32_t value) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, format, static_cast<unsigned>(value));
  return buffer;
}

/// A Python str literal holding `code_points`, ASCII only (escapes for everything else), so it
/// survives any locale on its way through argv.
std::string python_string(const std::vector<std::uint32_t>& code_points) {
  std::string out = "\"";
  for (std::uint32_t cp : code_points) {
    if (cp == '\\')
      out += "\\\\";
    else if (cp == '"')
      out += "\\\"";
    else if (cp < 0x20 || cp == 0x7f)
      out += hex_escape("\\x%02x", cp);
    else if (cp < 0x80)
      out += static_cast<char>(cp);
    else if (cp <= 0xffff)
      out += hex_escape("\\u%04x", cp);
    else
      out += hex_escape("\\U%08x", cp);
  }
  return out + "\"";
}

/// A one-character Python bytes literal: the UTF-8 encoding of `cp` (a Dafny character).
std::string python_char(std::uint32_t cp) {
  std::string utf8;
  if (cp < 0x80) {
    utf8 += static_cast<char>(cp);
  } else if (cp < 0x800) {
    utf8 += static_cast<char>(0xc0 | (cp >> 6));
    utf8 += static_cast<char>(0x80 | (cp & 0x3f));
  } else if (cp < 0x10000) {
    utf8 += static_cast<char>(0xe0 | (cp >> 12));
    utf8 += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
    utf8 += static_cast<char>(0x80 | (cp & 0x3f));
  } else {
    utf8 += static_cast<char>(0xf0 | (cp >> 18));
    utf8 += static_cast<char>(0x80 | ((cp >> 12) & 0x3f));
    utf8 += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
    utf8 += static_cast<char>(0x80 | (cp & 0x3f));
  }
  std::string out = "b'";
  for (unsigned char byte : utf8) out += hex_escape("\\x%02x", byte);
  return out + "'";
}

/// Recursive descent over one example; every method returns false once an error is recorded.
class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  ExampleParse run() {
    ExampleParse result;
    ExampleCall call;
    skip_space();
    const std::size_t call_begin = pos_;
    if (!parse_call(call)) return failure();
    call.call_text = trimmed(call_begin, pos_);
    skip_space();
    if (!text_.substr(pos_).starts_with("==")) {
      fail_at(pos_, at_end() ? "expected '== VALUE' after the call"
                             : "expected '==' after the call; an example is CALL == VALUE");
      return failure();
    }
    pos_ += 2;
    skip_space();
    const std::size_t expected_begin = pos_;
    std::vector<std::string> values(1);
    if (!value(values[0], 0)) return failure();
    skip_space();
    // Several values are a method's several results: a tuple.
    while (peek() == ',') {
      ++pos_;
      values.emplace_back();
      if (!value(values.back(), 0)) return failure();
      skip_space();
    }
    if (!at_end()) {
      fail_at(pos_, std::string("unexpected '") + peek() +
                        "' after the expected value: " + kLiteralsOnly);
      return failure();
    }
    call.expected_text = trimmed(expected_begin, pos_);
    call.expected = values.size() == 1 ? values[0] : "(" + join(values) + ")";
    result.call = std::move(call);
    return result;
  }

 private:
  ExampleParse failure() const {
    ExampleParse result;
    result.error = error_;
    result.error_offset = error_at_;
    return result;
  }

  bool fail_at(std::size_t at, std::string message) {
    if (error_.empty()) {
      error_ = std::move(message);
      error_at_ = at;
    }
    return false;
  }

  bool at_end() const { return pos_ >= text_.size(); }
  char peek(std::size_t ahead = 0) const {
    return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0';
  }
  void skip_space() {
    while (!at_end() && (peek() == ' ' || peek() == '\t' || peek() == '\r')) ++pos_;
  }
  std::string trimmed(std::size_t begin, std::size_t end) const {
    while (end > begin &&
           (text_[end - 1] == ' ' || text_[end - 1] == '\t' || text_[end - 1] == '\r'))
      --end;
    return std::string(text_.substr(begin, end - begin));
  }
  static std::string join(const std::vector<std::string>& parts) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? ", " : "") + parts[i];
    return out;
  }

  std::string_view word() {
    const std::size_t begin = pos_;
    if (!at_end() && is_identifier_start(peek()))
      while (!at_end() && is_identifier_char(peek())) ++pos_;
    return text_.substr(begin, pos_ - begin);
  }

  bool parse_call(ExampleCall& call) {
    const std::size_t begin = pos_;
    auto name = word();
    if (name.empty()) return fail_at(begin, "expected a call of the function, such as Max(3, 5)");
    if (name.starts_with("__") || name.find('\'') != std::string_view::npos)
      return fail_at(begin, "'" + std::string(name) + "' cannot be called from an example");
    call.function = std::string(name);
    skip_space();
    if (peek() != '(')
      return fail_at(pos_, "expected '(' after '" + call.function +
                               "': an example calls one function by its plain name (no attribute "
                               "access, no indexing)");
    ++pos_;
    std::vector<std::string> arguments;
    if (!items(')', arguments, 0)) return false;
    call.arguments = "[" + join(arguments) + "]";
    return true;
  }

  /// Comma-separated values up to `close` (consumed); a trailing comma is allowed.
  bool items(char close, std::vector<std::string>& out, int depth, bool* trailing_comma = nullptr) {
    skip_space();
    if (peek() == close) {
      ++pos_;
      return true;
    }
    for (;;) {
      out.emplace_back();
      if (!value(out.back(), depth + 1)) return false;
      skip_space();
      if (peek() == close) {
        ++pos_;
        return true;
      }
      if (peek() != ',') return expected_separator(close);
      ++pos_;
      skip_space();
      if (peek() == close) {
        ++pos_;
        if (trailing_comma) *trailing_comma = true;
        return true;
      }
    }
  }

  bool expected_separator(char close) {
    if (at_end())
      return fail_at(pos_, std::string("expected '") + close + "' before the end of the line");
    return fail_at(pos_, std::string("unexpected '") + peek() + "', expected ',' or '" + close +
                             "': " + kLiteralsOnly);
  }

  bool value(std::string& out, int depth) {
    skip_space();
    if (depth > kMaxDepth) return fail_at(pos_, "literal nested more than 64 levels deep");
    const char c = peek();
    if (c == '-' || is_digit(c)) return number(out);
    if (c == '"' || c == '\'') return quoted(out);
    if (c == '[') {
      ++pos_;
      std::vector<std::string> elements;
      if (!items(']', elements, depth)) return false;
      out = "[" + join(elements) + "]";
      return true;
    }
    if (c == '(') {
      ++pos_;
      std::vector<std::string> elements;
      bool trailing_comma = false;
      if (!items(')', elements, depth, &trailing_comma)) return false;
      if (elements.size() == 1 && !trailing_comma)
        out = elements[0];  // just parentheses
      else
        out = "(" + join(elements) + (elements.size() == 1 ? ",)" : ")");
      return true;
    }
    if (c == '{') {
      ++pos_;
      return set_or_dict(out, depth);
    }
    if (is_identifier_start(c)) {
      const std::size_t begin = pos_;
      auto name = word();
      if (name == "true" || name == "True") {
        out = "True";
        return true;
      }
      if (name == "false" || name == "False") {
        out = "False";
        return true;
      }
      skip_space();
      if (name == "map" && peek() == '[') {
        ++pos_;
        return dafny_map(out, depth);
      }
      return fail_at(begin, "'" + std::string(name) + "' is not a literal: " + kLiteralsOnly);
    }
    if (at_end()) return fail_at(pos_, "expected a literal before the end of the line");
    return fail_at(pos_, std::string("unexpected '") + c + "': " + kLiteralsOnly);
  }

  bool number(std::string& out) {
    const std::size_t begin = pos_;
    out.clear();
    if (peek() == '-') {
      out = "-";
      ++pos_;
      if (!is_digit(peek()))
        return fail_at(begin, "'-' must be followed by a number: " + std::string(kLiteralsOnly));
    }
    // Digits with Dafny's '_' separators, which are dropped; leading zeros too (Python refuses
    // them in integers).
    auto digits = [&](auto accept) {
      std::string d;
      while (!at_end() && (accept(peek()) || (peek() == '_' && accept(peek(1)) && !d.empty()))) {
        if (peek() != '_') d += peek();
        ++pos_;
      }
      return d;
    };
    if (peek() == '0' && (peek(1) == 'x' || peek(1) == 'X')) {
      pos_ += 2;
      auto hex = digits(is_hex_digit);
      if (hex.empty()) return fail_at(begin, "'0x' must be followed by hexadecimal digits");
      out += "0x" + hex;
    } else {
      auto whole = digits(is_digit);
      whole.erase(0, std::min(whole.find_first_not_of('0'), whole.size() - 1));
      out += whole;
      if (peek() == '.' && is_digit(peek(1))) {
        ++pos_;
        out += "." + digits(is_digit);
      }
    }
    if (!at_end() && (is_identifier_char(peek()) || peek() == '.'))
      return fail_at(begin, "malformed number: " + std::string(kLiteralsOnly));
    return true;
  }

  /// Decodes one UTF-8 character at pos_ into `cp`.
  bool utf8_char(std::uint32_t& cp) {
    const auto lead = static_cast<unsigned char>(peek());
    int extra = lead < 0x80           ? 0
                : (lead >> 5) == 0x6  ? 1
                : (lead >> 4) == 0xe  ? 2
                : (lead >> 3) == 0x1e ? 3
                                      : -1;
    if (extra < 0) return fail_at(pos_, "not valid UTF-8");
    cp = extra == 0 ? lead : lead & (0x3f >> extra);
    for (int i = 1; i <= extra; ++i) {
      const auto next = static_cast<unsigned char>(peek(i));
      if ((next & 0xc0) != 0x80) return fail_at(pos_, "not valid UTF-8");
      cp = (cp << 6) | (next & 0x3f);
    }
    pos_ += static_cast<std::size_t>(extra) + 1;
    return true;
  }

  /// A quoted literal: "string" always; 'c' with one character is a Dafny character, 'text'
  /// with several a string.
  bool quoted(std::string& out) {
    const std::size_t begin = pos_;
    const char quote = peek();
    ++pos_;
    std::vector<std::uint32_t> code_points;
    for (;;) {
      if (at_end() || peek() == '\n')
        return fail_at(begin, std::string("unterminated ") +
                                  (quote == '"' ? "string" : "character") + " literal");
      if (peek() == quote) {
        ++pos_;
        break;
      }
      std::uint32_t cp = 0;
      if (peek() == '\\') {
        if (!escape(cp)) return false;
      } else if (!utf8_char(cp)) {
        return false;
      }
      code_points.push_back(cp);
    }
    if (quote == '\'' && code_points.size() == 1) {
      if (code_points[0] >= 0xd800 && code_points[0] <= 0xdfff)
        return fail_at(begin, "a character literal cannot be a lone surrogate");
      out = python_char(code_points[0]);
    } else {
      out = python_string(code_points);
    }
    return true;
  }

  /// Dafny's escapes: \' \" \\ \0 \n \r \t \uXXXX \U{X...}.
  bool escape(std::uint32_t& cp) {
    const std::size_t begin = pos_;
    ++pos_;
    const char c = peek();
    ++pos_;
    switch (c) {
      case '\'':
        cp = '\'';
        return true;
      case '"':
        cp = '"';
        return true;
      case '\\':
        cp = '\\';
        return true;
      case '0':
        cp = 0;
        return true;
      case 'n':
        cp = '\n';
        return true;
      case 'r':
        cp = '\r';
        return true;
      case 't':
        cp = '\t';
        return true;
      case 'u': {
        cp = 0;
        for (int i = 0; i < 4; ++i, ++pos_) {
          if (!is_hex_digit(peek()))
            return fail_at(begin, "\\u must be followed by four hexadecimal digits");
          cp = cp * 16 + static_cast<std::uint32_t>(std::stoi(std::string(1, peek()), nullptr, 16));
        }
        return true;
      }
      case 'U': {
        if (peek() != '{') return fail_at(begin, "\\U must be followed by {hexadecimal digits}");
        ++pos_;
        cp = 0;
        int count = 0;
        for (; is_hex_digit(peek()) && count < 6; ++count, ++pos_)
          cp = cp * 16 + static_cast<std::uint32_t>(std::stoi(std::string(1, peek()), nullptr, 16));
        if (count == 0 || peek() != '}' || cp > 0x10ffff)
          return fail_at(begin, "\\U{...} must hold a code point of 1 to 6 hexadecimal digits");
        ++pos_;
        return true;
      }
      default:
        return fail_at(begin,
                       "unknown escape in a literal (Dafny's are \\' \\\" \\\\ \\0 \\n \\r \\t "
                       "\\uXXXX \\U{X})");
    }
  }

  /// After '{': `}` (the empty set), a set `{a, b}`, or a map `{k: v}`.
  bool set_or_dict(std::string& out, int depth) {
    skip_space();
    if (peek() == '}') {
      ++pos_;
      out = "set()";  // Dafny's {} is the empty set
      return true;
    }
    std::string first;
    if (!value(first, depth + 1)) return false;
    skip_space();
    if (peek() != ':') {
      std::vector<std::string> elements{first};
      if (peek() == '}') {
        ++pos_;
      } else if (peek() == ',') {
        ++pos_;
        if (!items('}', elements, depth)) return false;
      } else {
        return expected_separator('}');
      }
      out = "{" + join(elements) + "}";
      return true;
    }
    std::vector<std::string> entries;
    if (!entry(first, ":", entries, depth)) return false;
    return entries_until('}', ":", entries, out, depth);
  }

  /// After "map[": `map[]` or `map[k := v, ...]`.
  bool dafny_map(std::string& out, int depth) {
    skip_space();
    std::vector<std::string> entries;
    if (peek() == ']') {
      ++pos_;
      out = "{}";
      return true;
    }
    std::string key;
    if (!value(key, depth + 1)) return false;
    skip_space();
    if (!entry(key, ":=", entries, depth)) return false;
    return entries_until(']', ":=", entries, out, depth);
  }

  /// `separator VALUE` after `key`, appended to `entries` as "key: value".
  bool entry(const std::string& key, std::string_view separator, std::vector<std::string>& entries,
             int depth) {
    skip_space();
    if (!text_.substr(pos_).starts_with(separator))
      return fail_at(pos_, "expected '" + std::string(separator) + "' in a map entry");
    pos_ += separator.size();
    std::string value_text;
    if (!value(value_text, depth + 1)) return false;
    entries.push_back(key + ": " + value_text);
    return true;
  }

  bool entries_until(char close, std::string_view separator, std::vector<std::string>& entries,
                     std::string& out, int depth) {
    for (;;) {
      skip_space();
      if (peek() == close) {
        ++pos_;
        out = "{" + join(entries) + "}";
        return true;
      }
      if (peek() != ',') return expected_separator(close);
      ++pos_;
      skip_space();
      if (peek() == close) continue;
      std::string key;
      if (!value(key, depth + 1)) return false;
      if (!entry(key, separator, entries, depth)) return false;
    }
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  std::string error_;
  std::size_t error_at_ = 0;
};

}  // namespace

ExampleParse parse_example(std::string_view text) { return Parser(text).run(); }

}  // namespace verigen::dafny
