#pragma once
/// Reading a tool's output line by line.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace verigen {

/// The lines of `text`, without their line breaks (a trailing '\r' is dropped too); a final
/// line without a break is included, an empty text has no lines. Views into `text`.
std::vector<std::string_view> lines_of(std::string_view text);

/// `text` without leading and trailing spaces, tabs and line breaks.
std::string trim_space(std::string_view text);

/// `text` with each line break ('\n', '\r') replaced by a space: a message kept in a one-line
/// field (a database column, a report line).
std::string on_one_line(std::string text);

/// on_one_line without the trailing spaces: a tool's multi-line message as one `note:` line.
std::string note_line(std::string text);

/// The largest number a tool's count or position is read as: a line number of 10^9 is already
/// nonsense, and capping keeps a hostile "99999999999999999999" from overflowing an int.
inline constexpr int kNumberCap = 1000000000;

/// The decimal number at the start of `text` and the rest after its digits, saturating at
/// kNumberCap; nullopt when `text` does not start with a digit.
std::optional<std::pair<int, std::string_view>> leading_number(std::string_view text);

/// `digits` (all of it decimal digits, as a regex group matched) read as a number saturating at
/// kNumberCap; 0 for an empty text.
int saturating_number(std::string_view digits);

}  // namespace verigen
