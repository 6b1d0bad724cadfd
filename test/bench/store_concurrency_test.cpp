// Two real processes (and this one) writing one database at once: WAL plus the busy timeout
// must serialise them, losing no sample and corrupting nothing. This is what two `bench run`
// shards pointed at one shared file do.

#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>

#include "test/bench/bench_fixtures.h"

using namespace verigen;
using namespace verigen::bench;
using namespace verigen::bench::test;

namespace {

constexpr int kPerWriter = 150;

// Opens its own connection (never one inherited across fork) and records kPerWriter samples
// of its own tasks; 0 when every write succeeded.
int write_samples(const std::string& path, const std::string& writer) {
  auto store = ResultStore::open(path);
  if (!store.ok()) {
    std::fprintf(stderr, "%s: %s\n", writer.c_str(), store.error().c_str());
    return 1;
  }
  auto run = (*store)->ensure_run(key("shared"));
  if (!run.ok()) return 2;
  for (int i = 0; i < kPerWriter; ++i) {
    auto outcome = i % 2 ? Outcome::Verified : Outcome::Refuted;
    if (!(*store)->record(*run, sample(writer + "-" + std::to_string(i), "2", 0, outcome)).ok())
      return 3;
  }
  return 0;
}

}  // namespace

TEST_CASE("store: concurrent writer processes lose nothing", "[unit]") {
  ScratchDir dir;
  std::string path = dir.file("shared.db");
  std::vector<pid_t> children;
  for (const char* writer : {"child0", "child1"}) {
    pid_t pid = fork();
    REQUIRE(pid >= 0);
    // _exit: the child must not run Catch2's or the parent's destructors and atexit handlers.
    if (pid == 0) _exit(write_samples(path, writer));
    children.push_back(pid);
  }
  int parent_result = write_samples(path, "parent");
  for (pid_t pid : children) {
    int status = 0;
    REQUIRE(waitpid(pid, &status, 0) == pid);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
  }
  CHECK(parent_result == 0);

  auto store = ResultStore::open(path);
  REQUIRE(store.ok());
  auto runs = (*store)->runs();
  REQUIRE(runs.size() == 1);  // all three writers found or created the same run
  auto finished = (*store)->finished(runs[0].id);
  CHECK(finished.size() == 3 * kPerWriter);
  for (const char* writer : {"child0", "child1", "parent"})
    for (int i = 0; i < kPerWriter; ++i)
      CHECK(finished.count({std::string(writer) + "-" + std::to_string(i), 0}) == 1);
  CHECK(pragma_answer(path, "integrity_check") == "ok");
}
