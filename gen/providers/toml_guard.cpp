#include "gen/providers/toml_guard.h"

#include <vector>

namespace verigen {
namespace {

bool non_ascii(char c) { return static_cast<unsigned char>(c) >= 0x80; }

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

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
          (is_blank(c) || c == '\n' || c == ']' || c == '}' || c == ',' || c == '#')) {
        mode_ = Mode::AfterValue;  // the terminator is read again as what follows a value
        return std::nullopt;
      }
      ++at_;
      return std::nullopt;
    }
    if (non_ascii(c)) return outside();
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
    if (is_blank(c)) {
      ++at_;
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
    } else if (c == '[' &&
               (stack_.empty() || (stack_.back() == Container::Header && text_[at_ - 1] == '['))) {
      stack_.push_back(Container::Header);
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
          while (j < text_.size() && (is_blank(text_[j]) || text_[j] == '\n')) ++j;
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

  TomlHazard outside() const {
    return TomlHazard{at_, "non-ASCII character outside a string or comment"};
  }

  std::string_view text_;
  std::size_t at_ = 0;
  Mode mode_ = Mode::Key;
  std::vector<Container> stack_;
};

}  // namespace

std::optional<TomlHazard> find_toml_hazard(std::string_view text) { return Scanner(text).run(); }

}  // namespace verigen
