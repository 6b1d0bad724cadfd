#pragma once
/// Helpers shared by the libFuzzer targets: the input as text, split into parts, and a check
/// that stops the run (a crash libFuzzer records) when a property the code promises fails.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>

#include "core/diagnostic.h"

namespace verigen::fuzz {

/// The fuzzer's bytes as a string view.
inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

/// The parts before and after the first NUL byte; without one, the whole input and "".
inline std::pair<std::string_view, std::string_view> split_at_nul(std::string_view text) {
  auto at = text.find('\0');
  if (at == std::string_view::npos) return {text, {}};
  return {text.substr(0, at), text.substr(at + 1)};
}

/// Aborts with `what` when `ok` is false: libFuzzer keeps the input as a crash.
inline void require(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "property violated: %s\n", what);
  std::abort();
}

/// Aborts when an audit of a text against itself found anything but the text being unreadable
/// (an unterminated string or comment, unbalanced brackets: the audit then fails closed, which
/// is right), printing the findings first.
template <typename Diagnostics>
void require_no_findings(const Diagnostics& findings, const char* what) {
  bool bad = false;
  for (const auto& d : findings) {
    if (d.message.find("cannot be audited") != std::string::npos ||
        d.message.find("could not be read") != std::string::npos)
      continue;
    std::fprintf(stderr, "finding: %s\n", verigen::format_diagnostic(d).c_str());
    bad = true;
  }
  require(!bad, what);
}

}  // namespace verigen::fuzz
