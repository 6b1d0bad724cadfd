#pragma once
/// Running external tools: one child per call, in its own process group, with a deadline.
/// This header and process.cpp are the only places that know Boost.Process.

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/deadline.h"
#include "core/result.h"

namespace verigen {

/// What to run. argv[0] is a program name looked up on PATH, or a path containing '/'.
/// The child's stdin is /dev/null; it is never run through a shell.
struct ProcessSpec {
  std::vector<std::string> argv;
  std::string working_directory;                                 ///< empty: inherit
  std::vector<std::pair<std::string, std::string>> environment;  ///< set or override these
  Deadline deadline = Deadline::never();
  std::chrono::milliseconds grace{1500};  ///< SIGTERM → SIGKILL delay at the deadline
  std::size_t output_cap = 8u << 20;      ///< bytes kept from the start of each stream
};

/// How a child ended, and what it printed.
struct ProcessResult {
  enum class Status {
    Exited,      ///< exited on its own; exit_code is valid
    Signaled,    ///< died on a signal it did not get from us; never a verdict
    TimedOut,    ///< still running at the deadline; its group was killed
    NotFound,    ///< argv[0] could not be found or is not executable
    StartFailed  ///< found, but could not be started
  };
  Status status = Status::StartFailed;
  int exit_code = -1;
  int signal = 0;
  std::string out;       ///< stdout, up to output_cap bytes from the start
  std::string err;       ///< stderr, likewise
  std::string out_tail;  ///< the last bytes of stdout when it overflowed the cap
  bool out_truncated = false;
  bool err_truncated = false;
  std::string error;  ///< why it could not start, for NotFound/StartFailed
  std::chrono::milliseconds elapsed{0};

  bool exited() const { return status == Status::Exited; }
  /// One line for logs and verdict details, e.g. "killed by signal 11 (SIGSEGV)".
  std::string describe() const;
};

/// Runs processes. An interface so the orchestration can be tested with a fake runner
/// (as ninja's CommandRunner), while the real one is tested with real children.
class ProcessRunner {
 public:
  virtual ~ProcessRunner() = default;
  /// Runs spec to completion or deadline; never throws, never leaves a descendant behind
  /// that stayed in the child's process group.
  virtual ProcessResult run(const ProcessSpec& spec) = 0;
};

/// The real runner (Boost.Process + asio).
class SubprocessRunner : public ProcessRunner {
 public:
  ProcessResult run(const ProcessSpec& spec) override;
};

/// A long-lived child with pipes to its stdin and stdout (stderr goes to /dev/null), in its own
/// process group, for tools that serve many requests (Dafny's language server). Destroying it
/// kills the whole group and reaps the child.
class InteractiveProcess {
 public:
  enum class ReadStatus { Data, Timeout, Closed };

  /// Starts `spec.argv` (spec.deadline is ignored: each read has its own); a Failure saying why
  /// when it cannot start.
  static Result<std::unique_ptr<InteractiveProcess>> start(const ProcessSpec& spec);
  ~InteractiveProcess();
  InteractiveProcess(const InteractiveProcess&) = delete;
  InteractiveProcess& operator=(const InteractiveProcess&) = delete;

  /// Writes all of `bytes` to the child's stdin; false when the child is gone.
  bool write(std::string_view bytes);
  /// Appends what the child has written to `out`, waiting until some arrives or `deadline`.
  ReadStatus read(std::string& out, Deadline deadline);
  /// True while the child runs.
  bool alive();
  /// Kills the child's process group (SIGKILL) and reaps it.
  void kill();

 private:
  InteractiveProcess() = default;
  struct State;
  std::unique_ptr<State> state_;
};

/// Wall time spent in SubprocessRunner::run calls so far in this process, summed over calls
/// (overlapping calls count twice). Benchmarks subtract it to find a command's own time.
std::chrono::milliseconds total_child_time();

/// Resolves a program name the way SubprocessRunner does; "" when it cannot be found.
std::string find_program(const std::string& name);

}  // namespace verigen
