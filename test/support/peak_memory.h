#pragma once
// This process's peak resident set size (Linux VmHWM), for tests that assert memory stays
// bounded whatever a server or file sends.

#include <fstream>
#include <string>

namespace verigen::test {

/// VmHWM in KiB; 0 when /proc is unavailable.
inline long peak_rss_kib() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
  return 0;
}

/// Resets VmHWM to the current RSS (writing 5 to clear_refs, Linux 4.0+), so a later
/// peak_rss_kib() measures only what happened since. Harmless where unsupported: the peak then
/// only over-states, and a bound checked against it stays sound.
inline void reset_peak_rss() { std::ofstream("/proc/self/clear_refs") << "5"; }

}  // namespace verigen::test
