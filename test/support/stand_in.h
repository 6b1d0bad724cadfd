#pragma once
// Stand-in executables for tools that cannot be installed here (Lean, F*), used only to drive
// process handling: a directory of small shell scripts put first on PATH for a test's duration.

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

namespace verigen::test {

/// A fresh directory for stand-ins.
inline std::string stand_in_dir(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() /
             ("verigen-standins-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

/// Sets PATH to `dir` plus the system directories (no ~/.dotnet/tools, no /usr/local) while
/// alive, writing each `scripts` entry as an executable `#!/bin/sh` file there.
class PathOverride {
 public:
  explicit PathOverride(const std::string& dir,
                        const std::map<std::string, std::string>& scripts = {}) {
    if (const char* old = std::getenv("PATH")) saved_ = old;
    for (const auto& [name, body] : scripts) {
      auto path = dir + "/" + name;
      std::ofstream(path) << "#!/bin/sh\n" << body << "\n";
      ::chmod(path.c_str(), 0755);
    }
    ::setenv("PATH", (dir + ":/usr/bin:/bin").c_str(), 1);
  }
  ~PathOverride() { ::setenv("PATH", saved_.c_str(), 1); }

 private:
  std::string saved_;
};

}  // namespace verigen::test
