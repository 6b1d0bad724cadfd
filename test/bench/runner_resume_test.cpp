// The bench runner's resume logic with an injected suite entry: tasks from memory and a solver
// that records what it was asked, so only the runner and the result store are exercised.

#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <filesystem>
#include <mutex>
#include <set>
#include <sstream>

#include "benchmarks/harness/runner.h"
#include "benchmarks/harness/suite_table.h"

using namespace verigen;
using namespace verigen::bench;
namespace fs = std::filesystem;

namespace {

using Pair = std::pair<std::string, int>;

/// A scratch folder for the databases, removed at the end.
struct Scratch {
  Scratch() {
    static std::atomic<int> n{0};
    path = fs::temp_directory_path() /
           ("verigen-resume-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~Scratch() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
  fs::path path;
};

/// A suite of tasks t10..t(10+n-1) held in memory, whose solver verifies every sample and
/// records which (task, sample) pairs it was asked to attempt.
struct RecordingSuite {
  explicit RecordingSuite(int n) {
    suite.name = "recording";
    suite.load = [n](const std::string&) {
      std::vector<BenchTask> tasks;
      for (int i = 0; i < n; ++i) {
        BenchTask t;
        t.task.id = "t" + std::to_string(10 + i);
        tasks.push_back(t);
      }
      return Result<std::vector<BenchTask>>(tasks);
    };
    suite.solver = [this](const RunOptions&, const std::vector<BenchTask>&,
                          std::shared_ptr<const PublishedOutputs>) {
      SolverSetup setup;
      setup.attempt = [this](const BenchTask& t, int sample) {
        std::lock_guard<std::mutex> lock(mutex);
        attempted.insert({t.task.id, sample});
        SampleRecord r;
        r.outcome = Outcome::Verified;
        r.cause = Cause::None;
        return r;
      };
      return setup;
    };
  }
  std::set<Pair> take() {
    std::lock_guard<std::mutex> lock(mutex);
    return std::exchange(attempted, {});
  }

  Suite suite;
  std::mutex mutex;
  std::set<Pair> attempted;
};

RunOptions options(const Scratch& s, int k) {
  RunOptions o;
  o.suite = "recording";
  o.db = (s.path / "results.db").string();
  o.k = k;
  o.jobs = 2;
  return o;
}

/// Records `pairs` as finished samples of `o`'s run, as an earlier process would have.
void prerecord(const RunOptions& o, const std::set<Pair>& pairs) {
  auto store = ResultStore::open(o.db);
  REQUIRE(store.ok());
  auto run = (*store)->ensure_run(run_key(o));
  REQUIRE(run.ok());
  for (const auto& [task, sample] : pairs) {
    SampleRecord r;
    r.task_id = task;
    r.sample = sample;
    r.outcome = Outcome::Refuted;
    r.cause = Cause::None;
    REQUIRE((*store)->record(*run, r).ok());
  }
}

}  // namespace

// Contract: samples a store already holds for the same run are not attempted again; the rest
// are, once each; the summary counts both.
TEST_CASE("bench resume runs only the samples the store lacks", "[unit]") {
  Scratch s;
  RecordingSuite recording(4);
  RunOptions o = options(s, 2);
  prerecord(o, {{"t10", 0}, {"t10", 1}, {"t12", 0}});
  std::ostringstream out, err;
  REQUIRE(run_bench(o, recording.suite, out, err) == 0);
  INFO(out.str() << err.str());
  CHECK(recording.take() ==
        std::set<Pair>{{"t11", 0}, {"t11", 1}, {"t12", 1}, {"t13", 0}, {"t13", 1}});
  CHECK(out.str().find("samples        8 of 8 (5 run now, 3 recorded before)") !=
        std::string::npos);
}

// Contract: samples of another run (here another seed) are not this run's: all are attempted.
TEST_CASE("bench resume ignores samples of another run key", "[unit]") {
  Scratch s;
  RecordingSuite recording(2);
  RunOptions other = options(s, 1);
  other.seed = 99;
  prerecord(other, {{"t10", 0}, {"t11", 0}});
  RunOptions o = options(s, 1);
  std::ostringstream out, err;
  REQUIRE(run_bench(o, recording.suite, out, err) == 0);
  CHECK(recording.take() == std::set<Pair>{{"t10", 0}, {"t11", 0}});
}

// Contract: shards sharing one store share its run: after shard 0/2 and 1/2 ran, the
// unsharded run finds every sample recorded and attempts none.
TEST_CASE("bench resume after shards attempts nothing", "[unit]") {
  Scratch s;
  RecordingSuite recording(5);
  RunOptions o = options(s, 1);
  std::ostringstream out, err;
  for (int i = 0; i < 2; ++i) {
    RunOptions shard = o;
    shard.shard_index = i;
    shard.shard_count = 2;
    REQUIRE(run_bench(shard, recording.suite, out, err) == 0);
  }
  CHECK(recording.take().size() == 5);
  std::ostringstream again;
  REQUIRE(run_bench(o, recording.suite, again, err) == 0);
  CHECK(recording.take().empty());
  CHECK(again.str().find("(0 run now, 5 recorded before)") != std::string::npos);
}
