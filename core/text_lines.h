#pragma once
/// Reading a tool's output line by line.

#include <string_view>
#include <vector>

namespace verigen {

/// The lines of `text`, without their line breaks (a trailing '\r' is dropped too); a final
/// line without a break is included, an empty text has no lines. Views into `text`.
std::vector<std::string_view> lines_of(std::string_view text);

}  // namespace verigen
