#include "gen/providers/toml_guard.h"

namespace verigen {
namespace {

bool non_ascii(char c) { return static_cast<unsigned char>(c) >= 0x80; }

/// The length of the run of `quote` characters starting at `at`.
std::size_t run_of(std::string_view text, std::size_t at, char quote) {
  std::size_t n = 0;
  while (at + n < text.size() && text[at + n] == quote) ++n;
  return n;
}

}  // namespace

std::optional<TomlHazard> find_toml_hazard(std::string_view text) {
  enum class State { Normal, Comment, Basic, MultiBasic, Literal, MultiLiteral };
  State state = State::Normal;
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    switch (state) {
      case State::Normal:
        if (non_ascii(c)) return TomlHazard{i, "non-ASCII character outside a string or comment"};
        if (c == '#') {
          state = State::Comment;
        } else if (c == '"' || c == '\'') {
          bool multi = run_of(text, i, c) >= 3;
          state = c == '"' ? (multi ? State::MultiBasic : State::Basic)
                           : (multi ? State::MultiLiteral : State::Literal);
          i += multi ? 3 : 1;
          continue;
        }
        break;
      case State::Comment:
        if (c == '\n') state = State::Normal;
        break;
      case State::Literal:
        if (c == '\'' || c == '\n') state = State::Normal;
        break;
      case State::Basic:
      case State::MultiBasic:
        if (c == '\\') {
          if (i + 1 < text.size() && non_ascii(text[i + 1]))
            return TomlHazard{i + 1, "non-ASCII character after a backslash"};
          if (state == State::MultiBasic) {
            // A line-ending backslash: toml++ skips the white space after it and tests the first
            // other character for being white space too.
            std::size_t j = i + 1;
            while (j < text.size() &&
                   (text[j] == ' ' || text[j] == '\t' || text[j] == '\r' || text[j] == '\n'))
              ++j;
            if (j > i + 1 && j < text.size() && non_ascii(text[j]))
              return TomlHazard{j,
                                "non-ASCII character right after a line-ending backslash (toml++ "
                                "3.3 cannot read it; write it as \\uXXXX)"};
          }
          i += 2;
          continue;
        }
        if (state == State::Basic && (c == '"' || c == '\n')) state = State::Normal;
        if (state == State::MultiBasic && c == '"') {
          // The last three quotes of a run close the string; up to two before them are content.
          std::size_t n = run_of(text, i, '"');
          if (n >= 3) state = State::Normal;
          i += n;
          continue;
        }
        break;
      case State::MultiLiteral:
        if (c == '\'') {
          std::size_t n = run_of(text, i, '\'');
          if (n >= 3) state = State::Normal;
          i += n;
          continue;
        }
        break;
    }
    ++i;
  }
  return std::nullopt;
}

}  // namespace verigen
