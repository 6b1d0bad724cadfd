#pragma once
// The processes alive now, read from /proc, for tests that measure that no child outlives what
// started it.

#include <sys/types.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace verigen::test {

/// One process as /proc shows it.
struct ProcessEntry {
  pid_t pid = 0;
  pid_t parent = 0;
  char state = '?';     ///< 'R', 'S', ... 'Z' for a zombie waiting to be reaped
  std::string cmdline;  ///< the arguments joined by spaces
};

/// `pid` as /proc shows it; nullopt when there is no such process.
inline std::optional<ProcessEntry> read_process(pid_t pid) {
  const std::string dir = "/proc/" + std::to_string(pid);
  std::ifstream stat(dir + "/stat");
  std::string line;
  if (!std::getline(stat, line)) return std::nullopt;
  // The command name is in parentheses and may hold spaces: the state and the parent pid are
  // the first two fields after the last ')'.
  auto close = line.rfind(')');
  if (close == std::string::npos) return std::nullopt;
  ProcessEntry e;
  e.pid = pid;
  std::istringstream fields(line.substr(close + 1));
  if (!(fields >> e.state >> e.parent)) return std::nullopt;
  std::ifstream cmd(dir + "/cmdline");
  e.cmdline.assign(std::istreambuf_iterator<char>(cmd), std::istreambuf_iterator<char>());
  for (auto& c : e.cmdline)
    if (c == '\0') c = ' ';
  return e;
}

/// Every process alive now (those that end while /proc is read are left out).
inline std::vector<ProcessEntry> processes() {
  std::vector<ProcessEntry> out;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator("/proc", ec)) {
    const std::string name = entry.path().filename().string();
    if (name.empty() || name.find_first_not_of("0123456789") != std::string::npos) continue;
    if (auto e = read_process(static_cast<pid_t>(std::stol(name)))) out.push_back(std::move(*e));
  }
  return out;
}

}  // namespace verigen::test
