#pragma once
/// Text files compiled into the binary (prompt templates, the default scorer model).

#include <optional>
#include <string_view>

namespace verigen {

/// The content of an embedded file by its path relative to the directory that embedded it
/// (e.g. "prompts/dafny/implement.txt"); nullopt when there is no such file.
std::optional<std::string_view> embedded_file(std::string_view name);

}  // namespace verigen
