// The bench runner with a stand-in solver (no verifier): task selection, resume, shards, option
// checks; and reading published outputs.

#include "benchmarks/harness/runner.h"

#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "benchmarks/harness/published_outputs.h"
#include "benchmarks/harness/suite_table.h"

using namespace verigen;
using namespace verigen::bench;
namespace fs = std::filesystem;

namespace {

struct Scratch {
  Scratch() {
    static std::atomic<int> n{0};
    path = fs::temp_directory_path() /
           ("verigen-bench-runner-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~Scratch() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
  std::string file(const std::string& name, const std::string& content) const {
    auto p = path / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }
  fs::path path;
};

std::vector<BenchTask> numbered(int n) {
  std::vector<BenchTask> out;
  for (int i = 0; i < n; ++i) {
    BenchTask t;
    t.task.id = "t" + std::to_string(10 + i);
    out.push_back(t);
  }
  return out;
}

std::vector<std::string> ids(const std::vector<BenchTask>& tasks) {
  std::vector<std::string> out;
  for (const auto& t : tasks) out.push_back(t.task.id);
  return out;
}

/// A sygus-inv folder of `n` tiny problems, two logics.
std::string sygus_fixture(const Scratch& s, int n) {
  for (int i = 0; i < n; ++i)
    s.file(
        "data/problems/p" + std::to_string(i) + ".sl",
        std::string("; a comment (set-logic NOPE)\n(set-logic ") + (i % 2 ? "NIA" : "LIA") + ")\n");
  return (s.path / "data").string();
}

/// Stand-in solver: verifies tasks with an even number in their name; counts its calls.
std::atomic<int> g_attempts{0};
/// The sygus-inv entry of the suite table (its loader reads sygus_fixture) with the stand-in
/// solver in place of the invariant portfolio.
Suite stand_in() {
  Suite suite = *find_suite("sygus-inv").value();
  suite.solver = [](const RunOptions&, const std::vector<BenchTask>&,
                    std::shared_ptr<const PublishedOutputs>) {
    SolverSetup setup;
    setup.attempt = [](const BenchTask& t, int) {
      ++g_attempts;
      SampleRecord r;
      bool even = (t.task.id[1] - '0') % 2 == 0;
      r.outcome = even ? Outcome::Verified : Outcome::Refuted;
      r.cause = Cause::None;
      r.verifier_calls = 1;
      r.detail = even ? "" : "stand-in refutation";
      return r;
    };
    return setup;
  };
  return suite;
}

std::set<std::pair<std::string, int>> recorded(const std::string& db) {
  auto store = ResultStore::open(db);
  REQUIRE(store.ok());
  std::set<std::pair<std::string, int>> out;
  for (const auto& run : (*store)->runs())
    for (const auto& s : (*store)->samples(run.id)) out.insert({s.task_id, s.sample});
  return out;
}

}  // namespace

// Contract: filter, then limit, then shard; the shards of a limited selection partition it.
TEST_CASE("select_tasks filters, limits, then shards", "[unit]") {
  RunOptions o;
  o.filter = "t1[0-5]";
  o.limit = 5;
  auto all = select_tasks(numbered(20), o);
  REQUIRE(all.ok());
  CHECK(ids(*all) == std::vector<std::string>{"t10", "t11", "t12", "t13", "t14"});
  o.shard_count = 2;
  o.shard_index = 0;
  CHECK(ids(*select_tasks(numbered(20), o)) == std::vector<std::string>{"t10", "t12", "t14"});
  o.shard_index = 1;
  CHECK(ids(*select_tasks(numbered(20), o)) == std::vector<std::string>{"t11", "t13"});
  o.filter = "([";
  auto bad = select_tasks(numbered(3), o);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().find("--filter") != std::string::npos);
}

// Contract: the run key ignores shard, jobs, limit and filter, and names a replay by its file.
TEST_CASE("run_key ignores how the run is split", "[unit]") {
  RunOptions a, b;
  a.suite = b.suite = "dafnybench";
  b.shard_index = 1;
  b.shard_count = 3;
  b.jobs = 7;
  b.limit = 2;
  b.filter = "x";
  auto ka = run_key(a), kb = run_key(b);
  CHECK((ka.suite == kb.suite && ka.options == kb.options && ka.k == kb.k && ka.model == kb.model));
  a.provider = "replay";
  a.outputs = {"/data/model_outputs/gpt-4o.json"};
  CHECK(run_key(a).model == "gpt-4o");
}

// Contract: a second run of the same command records nothing new and runs no sample again;
// shards 0/2 and 1/2 together record exactly the samples of the unsharded run.
TEST_CASE("run_bench resumes and shards add up", "[unit]") {
  Scratch s;
  const Suite suite = stand_in();
  RunOptions o;
  o.suite = "sygus-inv";
  o.data_dir = sygus_fixture(s, 5);
  o.k = 2;
  o.jobs = 2;
  o.db = (s.path / "all.db").string();
  std::ostringstream out, err;
  g_attempts = 0;
  REQUIRE(run_bench(o, suite, out, err) == 0);
  CHECK(g_attempts == 10);
  CHECK(out.str().find("verified       6 (60.0%)") != std::string::npos);
  CHECK(out.str().find("10 run now") != std::string::npos);
  REQUIRE(run_bench(o, suite, out, err) == 0);
  CHECK(g_attempts == 10);  // everything was already recorded
  auto single = recorded(o.db);
  CHECK(single.size() == 10);

  std::set<std::pair<std::string, int>> shards;
  for (int i = 0; i < 2; ++i) {
    RunOptions shard = o;
    shard.shard_index = i;
    shard.shard_count = 2;
    shard.db = (s.path / ("shard-" + std::to_string(i) + ".db")).string();
    REQUIRE(run_bench(shard, suite, out, err) == 0);
    for (const auto& p : recorded(shard.db)) CHECK(shards.insert(p).second);
  }
  CHECK(shards == single);
}

// Contract: clever without --lean-project stops with exit 3 before touching the database; bad
// option combinations are exit 2 with one line.
TEST_CASE("run_bench refuses what it cannot run, before anything is written", "[unit]") {
  Scratch s;
  std::ostringstream out, err;
  RunOptions clever;
  clever.suite = "clever";
  clever.db = (s.path / "c.db").string();
  clever.data_dir = "/nonexistent";
  CHECK(run_bench(clever, out, err) == 3);
  CHECK(err.str().find("--lean-project") != std::string::npos);
  CHECK_FALSE(fs::exists(clever.db));

  RunOptions replay;
  replay.suite = "dafnybench";
  replay.provider = "replay";
  replay.db = (s.path / "r.db").string();
  err.str("");
  CHECK(run_bench(replay, out, err) == 2);
  CHECK(err.str().find("--outputs") != std::string::npos);
  CHECK_FALSE(fs::exists(replay.db));
}

// Contract: malformed published outputs are one line naming the file (and the entry).
TEST_CASE("load_published_outputs names malformed files and entries", "[unit]") {
  Scratch s;
  auto not_json = load_published_outputs(s.file("a.json", "{nope"));
  REQUIRE_FALSE(not_json.ok());
  CHECK(not_json.error().find("a.json") != std::string::npos);
  auto shape = load_published_outputs(s.file("b.json", "[1, 2]"));
  REQUIRE_FALSE(shape.ok());
  CHECK(shape.error().find("b.json") != std::string::npos);
  auto missing = load_published_outputs(
      s.file("c.json", R"({"007": {"test_ID": "007", "test_file": "x.dfy"}})"));
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().find("c.json") != std::string::npos);
  CHECK(missing.error().find("\"007\"") != std::string::npos);
  CHECK(missing.error().find("llm_output") != std::string::npos);
  // Found by fuzzing: a number too large for a double threw out of the reader, and a key with
  // a line break made a two-line error.
  auto huge = load_published_outputs(s.file("d.json", R"({"1": 1e999999})"));
  REQUIRE_FALSE(huge.ok());
  CHECK(huge.error().find("d.json") != std::string::npos);
  auto broken_key = load_published_outputs(s.file("e.json", "{\"a\\nb\": 3}"));
  REQUIRE_FALSE(broken_key.ok());
  CHECK(broken_key.error().find('\n') == std::string::npos);
  CHECK(broken_key.error().find("e.json") != std::string::npos);
}

// Contract: outputs are keyed by test_file, `recorded` comes from the CSV beside the JSON, and
// the generator answers with the fenced Dafny block, or the whole text without fences.
TEST_CASE("published outputs: CSV results and candidate extraction", "[unit]") {
  Scratch s;
  s.file("m_results.csv",
         "test_ID,test_file,success_on_attempt_#\n001,a "
         "b_no_hints.dfy,3\n002,c_no_hints.dfy,failed\n");
  auto outputs = load_published_outputs(s.file("m.json", R"({
    "001": {"test_ID": "001", "test_file": "a b_no_hints.dfy", "llm_output": "Here:\n```dafny\nmethod A() {}\n```\nDone."},
    "002": {"test_ID": "002", "test_file": "c_no_hints.dfy", "llm_output": "method C() {}\n"}})"));
  REQUIRE(outputs.ok());
  CHECK(outputs->model == "m");
  REQUIRE(outputs->by_file.size() == 2);
  CHECK(outputs->by_file.at("a b_no_hints.dfy").recorded == "3");
  CHECK(outputs->by_file.at("c_no_hints.dfy").recorded == "failed");
  Task task;
  auto fenced = make_published_generator("m", outputs->by_file.at("a b_no_hints.dfy"))
                    ->generate(task, 1, Deadline::never());
  REQUIRE(fenced.ok());
  CHECK((*fenced)[0].text == "method A() {}\n");
  auto bare = make_published_generator("m", outputs->by_file.at("c_no_hints.dfy"))
                  ->generate(task, 1, Deadline::never());
  CHECK((*bare)[0].text == "method C() {}\n");
}
