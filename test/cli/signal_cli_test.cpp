// Ctrl-C or a kill sent to the real `verigen` binary while a child runs: the child (cvc5, in a
// process group of its own, so the signal never reaches it directly) dies with verigen.

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "test/cli/cli_harness.h"
#include "test/support/process_table.h"

using namespace std::chrono_literals;

namespace {

std::vector<pid_t> children_of(pid_t pid) {
  std::vector<pid_t> out;
  for (const auto& p : verigen::test::processes())
    if (p.parent == pid) out.push_back(p.pid);
  return out;
}

// Gone, or dead and waiting for whoever adopted it to reap it.
bool gone(pid_t pid) {
  auto p = verigen::test::read_process(pid);
  return !p || p->state == 'Z' || p->state == 'X';
}

template <class Predicate>
bool within(std::chrono::milliseconds limit, Predicate done) {
  auto until = std::chrono::steady_clock::now() + limit;
  while (!done()) {
    if (std::chrono::steady_clock::now() > until) return false;
    std::this_thread::sleep_for(50ms);
  }
  return true;
}

}  // namespace

// Contract: SIGTERM and SIGINT end verigen by that signal (its exit status says so), and the
// children it had running are killed with it instead of working on until their own deadline
// (here cvc5 with 120 s on a problem it cannot answer).
TEST_CASE("a fatal signal to verigen kills the children it has running", "[z3][cvc5]") {
  const std::string binary = std::string(VERIGEN_BINARY_DIR) + "/verigen";
  const std::string problem =
      std::string(VERIGEN_SOURCE_DIR) + "/test/fixtures/sygus/quantified_unsafe.sl";
  for (int signal_number : {SIGTERM, SIGINT}) {
    DYNAMIC_SECTION("signal " << signal_number) {
      verigen::test::TempDir dir;
      const std::string cache = (dir.path / "cache").string();
      pid_t pid = ::fork();
      REQUIRE(pid >= 0);
      if (pid == 0) {
        // As from a terminal: a shell's background job would start with SIGINT ignored.
        for (int s : {SIGINT, SIGTERM, SIGHUP}) ::signal(s, SIG_DFL);
        ::setenv("XDG_CACHE_HOME", cache.c_str(), 1);
        ::execl(binary.c_str(), binary.c_str(), "inv", "--members", "cvc5", "--timeout", "120",
                problem.c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
      }
      std::vector<pid_t> children;
      bool started = within(30s, [&] {
        children = children_of(pid);
        return !children.empty();
      });
      if (!started) ::kill(pid, SIGKILL);
      REQUIRE(started);

      REQUIRE(::kill(pid, signal_number) == 0);
      int status = 0;
      bool ended = within(10s, [&] { return ::waitpid(pid, &status, WNOHANG) == pid; });
      if (!ended) {
        ::kill(pid, SIGKILL);
        ::waitpid(pid, &status, 0);
      }
      REQUIRE(ended);
      CHECK(WIFSIGNALED(status));
      CHECK(WTERMSIG(status) == signal_number);
      for (pid_t child : children) {
        INFO("child " << child);
        CHECK(within(5s, [&] { return gone(child); }));
        if (!gone(child)) ::kill(-child, SIGKILL);
      }
    }
  }
}
