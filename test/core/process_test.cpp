// Real child processes: deadlines, process-group kill, output caps, missing programs.

#include "core/process.h"

#include <signal.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <string>
#include <thread>

using namespace verigen;
using namespace std::chrono_literals;

namespace {

/// True while `pid` names a live (not zombie) process.
bool alive(int pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  if (!stat) return false;
  std::string content((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
  auto close = content.rfind(')');
  return close != std::string::npos && close + 2 < content.size() && content[close + 2] != 'Z';
}

bool dies_within(int pid, std::chrono::milliseconds limit) {
  auto until = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < until) {
    if (!alive(pid)) return true;
    std::this_thread::sleep_for(10ms);
  }
  return !alive(pid);
}

ProcessResult run(std::vector<std::string> argv, Deadline deadline = Deadline::never()) {
  SubprocessRunner runner;
  ProcessSpec spec;
  spec.argv = std::move(argv);
  spec.deadline = deadline;
  spec.grace = 300ms;
  return runner.run(spec);
}

}  // namespace

// Contract: exit code and both streams are reported for a normal exit.
TEST_CASE("captures exit code, stdout and stderr", "[process]") {
  auto r = run({"sh", "-c", "echo out; echo err >&2; exit 7"});
  REQUIRE(r.status == ProcessResult::Status::Exited);
  CHECK(r.exit_code == 7);
  CHECK(r.out == "out\n");
  CHECK(r.err == "err\n");
}

// Contract: stdin is /dev/null, so a child that reads stdin sees end-of-file at once.
TEST_CASE("stdin is /dev/null", "[process]") {
  auto r = run({"sh", "-c", "cat; echo done"}, Deadline::after(5s));
  REQUIRE(r.status == ProcessResult::Status::Exited);
  CHECK(r.out == "done\n");
}

// Contract: a child running past its deadline is killed and reported TimedOut, promptly.
TEST_CASE("sleeper past its deadline is killed", "[process]") {
  auto r = run({"sleep", "30"}, Deadline::after(200ms));
  CHECK(r.status == ProcessResult::Status::TimedOut);
  CHECK(r.elapsed < 3s);
}

// Contract: a child that ignores SIGTERM is SIGKILLed after the grace period.
TEST_CASE("a child ignoring SIGTERM still dies", "[process]") {
  auto r = run({"sh", "-c", "trap '' TERM; while :; do sleep 0.05; done"}, Deadline::after(200ms));
  CHECK(r.status == ProcessResult::Status::TimedOut);
  CHECK(r.elapsed < 3s);
}

// Contract: at the deadline the whole process group dies, grandchildren included
// (Dafny starts z3 as a grandchild; killing only Dafny would leave z3 burning CPU).
TEST_CASE("grandchild dies with its parent at the deadline", "[process]") {
  auto r = run({"sh", "-c", "sleep 1000 & echo $!; wait"}, Deadline::after(300ms));
  CHECK(r.status == ProcessResult::Status::TimedOut);
  int grandchild = std::stoi(r.out);
  CHECK(dies_within(grandchild, 2s));
}

// Contract: a grandchild left behind by a child that exited normally is killed too, and the
// runner does not wait for the grandchild to close the inherited pipe.
TEST_CASE("orphan left by a finished child is killed", "[process]") {
  auto r = run({"sh", "-c", "sleep 1000 & echo $!"}, Deadline::after(20s));
  REQUIRE(r.status == ProcessResult::Status::Exited);
  CHECK(r.elapsed < 3s);
  CHECK(dies_within(std::stoi(r.out), 2s));
}

// Contract: death by a signal is Signaled (a crash), never an exit code.
TEST_CASE("death by signal is reported as a signal", "[process]") {
  auto r = run({"sh", "-c", "kill -SEGV $$"});
  REQUIRE(r.status == ProcessResult::Status::Signaled);
  CHECK(r.signal == SIGSEGV);
  CHECK(r.describe() == "killed by signal 11 (SIGSEGV)");
}

// Contract: output beyond the cap is dropped from the head capture but its tail is kept, and
// the child is not blocked by a full pipe.
TEST_CASE("output flood is capped without blocking the child", "[process]") {
  SubprocessRunner runner;
  ProcessSpec spec;
  spec.argv = {"sh", "-c", "head -c 20000000 /dev/zero | tr '\\0' x; echo END"};
  spec.output_cap = 1 << 20;
  spec.deadline = Deadline::after(30s);
  auto r = runner.run(spec);
  REQUIRE(r.status == ProcessResult::Status::Exited);
  CHECK(r.out.size() == (1u << 20));
  CHECK(r.out_truncated);
  REQUIRE(r.out_tail.size() >= 4);
  CHECK(r.out_tail.substr(r.out_tail.size() - 4) == "END\n");
}

// Contract: a program that does not exist is NotFound, with a message naming it.
TEST_CASE("missing executable", "[process]") {
  auto r = run({"verigen-no-such-program-xyz"});
  CHECK(r.status == ProcessResult::Status::NotFound);
  CHECK(r.describe().find("verigen-no-such-program-xyz") != std::string::npos);
  auto by_path = run({"/nonexistent/dir/tool"});
  CHECK(by_path.status == ProcessResult::Status::NotFound);
}

// Contract: environment overrides reach the child; argv is passed verbatim (no shell).
TEST_CASE("environment and verbatim argv", "[process]") {
  SubprocessRunner runner;
  ProcessSpec spec;
  spec.argv = {"sh", "-c", "printf '%s|%s' \"$VERIGEN_TEST_VAR\" \"$0\"", "a b $HOME;"};
  spec.environment = {{"VERIGEN_TEST_VAR", "value 1"}};
  auto r = runner.run(spec);
  REQUIRE(r.exited());
  CHECK(r.out == "value 1|a b $HOME;");
}
