#pragma once
/// A guard in front of toml++ 3.3.0, the version Debian 12 ships: asked whether certain non-ASCII
/// code points are whitespace, its generated Unicode table reaches __builtin_unreachable
/// (undefined behaviour; found by fuzzing verigen.toml, reported upstream as
/// marzer/tomlplusplus#190 and #295). It asks that of every character outside strings and
/// comments, of the character after a backslash in a basic string, and of the first character
/// after a line-ending backslash in a multi-line basic string. TOML allows non-ASCII characters
/// only inside strings and comments, so refusing them in those places before toml++ sees the
/// text rejects no valid file but the last case, which the message explains. Raw control
/// characters (other than tab and line ends), never valid TOML, are refused too: toml++ assumes
/// in places that none is there.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace verigen {

/// Where toml++ 3.3 would misbehave on `text`, and why.
struct TomlHazard {
  std::size_t offset = 0;  ///< byte offset of the offending character
  std::string message;     ///< one line, without a place
};

/// The first place in `text` where toml++ 3.3 would reach undefined behaviour, or nullopt when it
/// can read the text safely (which says nothing about the text being valid TOML).
std::optional<TomlHazard> find_toml_hazard(std::string_view text);

}  // namespace verigen
