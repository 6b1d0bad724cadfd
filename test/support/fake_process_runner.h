#pragma once
// A ProcessRunner that runs nothing (after ninja's FakeCommandRunner): each command is answered
// from a script, matched on the program's name and words of its argv, and every command is
// recorded, so code that runs tools can be unit-tested in milliseconds.

#include <mutex>
#include <string>
#include <vector>

#include "core/process.h"

namespace verigen::test {

class FakeProcessRunner : public ProcessRunner {
 public:
  /// Commands whose argv[0] has base name `program` and whose argv holds each of `words` (in
  /// any order) get `result`, every time. The rule added last is tried first, so a test can
  /// override a fixture's defaults.
  FakeProcessRunner& on(std::string program, std::vector<std::string> words, ProcessResult result);
  /// As on(), but answers only the first matching command; later ones go on to older rules.
  FakeProcessRunner& once(std::string program, std::vector<std::string> words,
                          ProcessResult result);

  /// Answers from the script; a command no rule matches is NotFound with an error naming it
  /// (as a missing tool would be). Thread-safe; never throws.
  ProcessResult run(const ProcessSpec& spec) override;

  /// Every command asked for, in order (argv, working directory, environment, deadline; a
  /// child's stdin is always /dev/null, so there is none to record).
  std::vector<ProcessSpec> commands() const;
  /// The argv of each command asked for, joined by spaces.
  std::vector<std::string> command_lines() const;

  /// A child that exited with `code` after printing `out` and `err`.
  static ProcessResult exited(int code, std::string out, std::string err = {});
  /// A child still running at its deadline (its group was killed).
  static ProcessResult timed_out();
  /// A child killed by `signal` it did not get from us (a crash).
  static ProcessResult crashed(int signal = 11);
  /// The run recorded in `<stem>.stdout`, `<stem>.stderr` and `<stem>.rc` (exit code), as
  /// test/fixtures/dafny/record.sh writes them; a missing file reads as empty (rc 0).
  static ProcessResult recorded(const std::string& stem);

 private:
  struct Rule {
    std::string program;
    std::vector<std::string> words;
    ProcessResult result;
    bool once = false;
    bool used = false;
  };
  bool matches(const Rule& rule, const std::vector<std::string>& argv) const;

  mutable std::mutex mutex_;
  std::vector<Rule> rules_;
  std::vector<ProcessSpec> commands_;
};

}  // namespace verigen::test
