#include "gen/providers/toml_guard.h"

#include <cstdio>
#include <string>
#include <vector>

namespace verigen {
namespace {

bool non_ascii(char c) { return static_cast<unsigned char>(c) >= 0x80; }

bool is_blank(char c) { return c == ' ' || c == '\t'; }

bool is_bare_key_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-';
}

/// The length of the run of `quote` characters starting at `at`.
std::size_t run_of(std::string_view text, std::size_t at, char quote) {
  std::size_t n = 0;
  while (at + n < text.size() && text[at + n] == quote) ++n;
  return n;
}

/// A small model of where toml++ is in the document, enough to know which characters it will
/// test for white space. Outside strings and comments that is every character; inside an
/// unquoted value (a number, a date, `true`) it reads on to the next value terminator whatever
/// comes, quotes included; inside strings it only tests the character after a backslash and,
/// in multi-line basic strings, the first one after a line-ending backslash.
class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  std::optional<TomlHazard> run() {
    while (at_ < text_.size()) {
      if (auto hazard = step()) return hazard;
    }
    return std::nullopt;
  }

 private:
  /// Expecting a key (line start, `{`, `,` in an inline table), a value (after `=`, `[` or `,`
  /// in an array), the end of a value, inside an unquoted value, or lost: the text left the
  /// grammar, toml++ stops with an error somewhere near, and everything after is treated as
  /// outside strings.
  enum class Mode { Key, Value, AfterValue, Unquoted, Lost };
  enum class Container { Header, Array, InlineTable };

  std::optional<TomlHazard> step() {
    const char c = text_[at_];
    if (mode_ == Mode::Lost || mode_ == Mode::Unquoted) {
      if (non_ascii(c)) return outside();
      if (mode_ == Mode::Unquoted &&
          (is_blank(c) || c == '\n' || c == '\r' || c == ']' || c == '}' || c == ',' || c == '#')) {
        if (c == ' ' && date_then_one_digit()) {
          return TomlHazard{at_ + 1,
                            "a date followed by a one-digit time (toml++ 3.3 cannot "
                            "read it; write the time as HH:MM:SS)"};
        }
        mode_ = Mode::AfterValue;  // the terminator is read again as what follows a value
        return std::nullopt;
      }
      if (mode_ == Mode::Unquoted && c != '_') token_ += c;
      ++at_;
      return std::nullopt;
    }
    if (non_ascii(c)) return outside();
    if (header_start_ && !is_blank(c)) {
      // toml++ parses a header's key without checking its first character (an assumption,
      // __builtin_assume in release builds): anything but a key there must not reach it.
      if (c == '[' && stack_.size() == 1 && text_[at_ - 1] == '[') {  // [[array of tables]]
        stack_.push_back(Container::Header);
        ++at_;
        return std::nullopt;
      }
      header_start_ = false;
      if (!is_bare_key_char(c) && c != '"' && c != '\'' && c != ']')
        return TomlHazard{at_, "a table header must start with a key"};
    }
    if (c == '#') {
      skip_comment();
      return std::nullopt;
    }
    if (c == '\n') {
      // A newline ends a key/value pair or a header; inside an array it is only white space.
      if (!stack_.empty() && stack_.back() != Container::Array)
        mode_ = Mode::Lost;
      else if (stack_.empty())
        mode_ = Mode::Key;
      ++at_;
      return std::nullopt;
    }
    if (is_blank(c) || (c == '\r' && at_ + 1 < text_.size() && text_[at_ + 1] == '\n')) {
      ++at_;
      return std::nullopt;
    }
    if (c == '\r') {  // a carriage return not ending a line: toml++ stops on it
      mode_ = Mode::Lost;
      return std::nullopt;
    }
    switch (mode_) {
      case Mode::Key:
        return key(c);
      case Mode::Value:
        return value(c);
      case Mode::AfterValue:
        after_value(c);
        return std::nullopt;
      default:
        return std::nullopt;
    }
  }

  std::optional<TomlHazard> key(char c) {
    if (c == '"' || c == '\'') {
      // Right after a bare key or another string a quote is an error for toml++, not a string.
      const char before = at_ > 0 ? text_[at_ - 1] : '\n';
      if (is_bare_key_char(before) || before == '"' || before == '\'') {
        mode_ = Mode::Lost;
        return std::nullopt;
      }
      return string(/*is_value=*/false);
    }
    if (is_bare_key_char(c) || c == '.') {
      ++at_;
    } else if (c == '=') {
      mode_ = Mode::Value;
      ++at_;
    } else if (c == '[' && stack_.empty()) {
      stack_.push_back(Container::Header);
      header_start_ = true;
      ++at_;
    } else if (c == ']' && !stack_.empty() && stack_.back() == Container::Header) {
      stack_.pop_back();
      if (stack_.empty() || stack_.back() != Container::Header) mode_ = Mode::AfterValue;
      ++at_;
    } else if (c == '}' && !stack_.empty() && stack_.back() == Container::InlineTable) {
      stack_.pop_back();  // {}
      mode_ = Mode::AfterValue;
      ++at_;
    } else {
      mode_ = Mode::Lost;
    }
    return std::nullopt;
  }

  std::optional<TomlHazard> value(char c) {
    if (c == '"' || c == '\'') return string(/*is_value=*/true);
    // In an array toml++ takes any character but ']' for a value's start and assumes it is not
    // a value terminator; '}' is one ('[ # c\n }' failed that assertion).
    if (c == '}' && !stack_.empty() && stack_.back() == Container::Array)
      return TomlHazard{at_, "expected a value or ']' in an array, saw '}'"};
    if (c == '[') {
      stack_.push_back(Container::Array);
    } else if (c == '{') {
      stack_.push_back(Container::InlineTable);
      mode_ = Mode::Key;
    } else if (c == ']' && !stack_.empty() && stack_.back() == Container::Array) {
      stack_.pop_back();  // [] or a trailing comma
      mode_ = Mode::AfterValue;
    } else {
      mode_ = Mode::Unquoted;
      token_.clear();
      return std::nullopt;  // the character is read again as the value's first
    }
    ++at_;
    return std::nullopt;
  }

  void after_value(char c) {
    const bool in_array = !stack_.empty() && stack_.back() == Container::Array;
    const bool in_table = !stack_.empty() && stack_.back() == Container::InlineTable;
    if (c == ',' && (in_array || in_table)) {
      mode_ = in_array ? Mode::Value : Mode::Key;
    } else if ((c == ']' && in_array) || (c == '}' && in_table)) {
      stack_.pop_back();
    } else {
      mode_ = Mode::Lost;
      return;
    }
    ++at_;
  }

  void skip_comment() {
    while (at_ < text_.size() && text_[at_] != '\n') ++at_;
  }

  /// A string starting at at_; afterwards, in a value, what follows a value is expected.
  std::optional<TomlHazard> string(bool is_value) {
    const char quote = text_[at_];
    const bool multi = run_of(text_, at_, quote) >= 3;
    at_ += multi ? 3 : 1;
    const bool basic = quote == '"';
    while (at_ < text_.size()) {
      const char c = text_[at_];
      if (basic && c == '\\') {
        if (at_ + 1 < text_.size() && non_ascii(text_[at_ + 1]))
          return TomlHazard{at_ + 1, "non-ASCII character after a backslash"};
        if (multi) {
          // A line-ending backslash: toml++ skips the white space after it and tests the first
          // other character for being white space too.
          std::size_t j = at_ + 1;
          while (j < text_.size() && (is_blank(text_[j]) || text_[j] == '\n' || text_[j] == '\r'))
            ++j;
          if (j > at_ + 1 && j < text_.size() && non_ascii(text_[j]))
            return TomlHazard{j,
                              "non-ASCII character right after a line-ending backslash (toml++ "
                              "3.3 cannot read it; write it as \\uXXXX)"};
        }
        at_ += 2;
        continue;
      }
      if (c == quote) {
        // The last three quotes of a run close a multi-line string; up to two before are content.
        std::size_t n = multi ? run_of(text_, at_, quote) : 1;
        if (!multi || n >= 3) {
          at_ += n;
          if (is_value) mode_ = Mode::AfterValue;
          return std::nullopt;
        }
        at_ += n;
        continue;
      }
      if (c == '\n' && !multi) break;  // unterminated: toml++ stops here
      ++at_;
    }
    mode_ = Mode::Lost;
    return std::nullopt;
  }

  /// At the space after an unquoted value: is it shaped like `YYYY-MM-DD` (ten characters
  /// besides '_', dashes at 4 and 7; toml++ does not look at most letters there) followed by one
  /// digit and then a value terminator? toml++ then scans on for a time and assumes
  /// (TOML_ASSERT_ASSUME) the character after that digit does not end the value.
  bool date_then_one_digit() const {
    if (token_.size() != 10 || token_[4] != '-' || token_[7] != '-') return false;
    std::size_t digit = at_ + 1;
    if (digit >= text_.size() || text_[digit] < '0' || text_[digit] > '9') return false;
    std::size_t after = digit + 1;
    if (after >= text_.size()) return false;  // toml++ checks for the end itself
    const char e = text_[after];
    return is_blank(e) || e == '\n' || e == '\r' || e == ']' || e == '}' || e == ',' || e == '#' ||
           e == '\v' || e == '\f';
  }

  TomlHazard outside() const {
    return TomlHazard{at_, "non-ASCII character outside a string or comment"};
  }

  std::string_view text_;
  std::size_t at_ = 0;
  Mode mode_ = Mode::Key;
  std::vector<Container> stack_;
  std::string token_;          ///< the unquoted value read so far, without '_'
  bool header_start_ = false;  ///< after a header's '[' (or '[['), before its key
};

}  // namespace

std::optional<TomlHazard> find_toml_hazard(std::string_view text) {
  // TOML allows no raw control character but tab and line ends, not even in strings or comments;
  // toml++ 3.3 assumes (TOML_ASSERT_ASSUME, __builtin_assume in release builds) that some
  // places never hold one, e.g. a NUL right after '['.
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
      char code[8];
      std::snprintf(code, sizeof code, "%02X", c);
      return TomlHazard{i, std::string("control character U+00") + code +
                               " (TOML allows only tab and line ends)"};
    }
  }
  return Scanner(text).run();
}

}  // namespace verigen
