// The sygus-inv solver of `verigen bench run` with the real Z3: the invariant portfolio on three
// fixture problems, recorded, resumed, and reported through the binary.

#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "../cli/cli_harness.h"
#include "benchmarks/harness/result_store.h"
#include "benchmarks/harness/runner.h"

using namespace verigen;
using namespace verigen::bench;
using namespace verigen::test;
namespace fs = std::filesystem;

namespace {

/// Two solvable problems and one whose post a concrete run violates.
const std::vector<std::string> kProblems = {"lia.sl", "counter_unsafe.sl", "inv_equal_counters.sl"};

/// A dataset root laid out like ../shared/datasets: <root>/sygus-inv/problems/*.sl.
std::string sygus_data(const TempDir& dir) {
  const fs::path problems = dir.path / "datasets" / "sygus-inv" / "problems";
  fs::create_directories(problems);
  for (const auto& name : kProblems)
    fs::copy_file(fs::path(VERIGEN_SOURCE_DIR) / "test" / "fixtures" / "sygus" / name,
                  problems / name);
  return (dir.path / "datasets").string();
}

std::map<std::string, SampleRecord> samples_of(const std::string& db) {
  std::map<std::string, SampleRecord> out;
  auto store = ResultStore::open_existing(db);
  REQUIRE(store.ok());
  for (const auto& run : (*store)->runs())
    for (const auto& s : (*store)->samples(run.id))
      out[s.task_id + "#" + std::to_string(s.sample)] = s;
  return out;
}

}  // namespace

// Contract: each sample is one portfolio run; solved problems are Verified with Z3's checks
// counted, an infeasible one is Refuted saying so; the category is the logic; a second run of
// the same command finds everything recorded and runs nothing.
TEST_CASE("sygus-inv samples are portfolio runs, recorded and resumed", "[z3]") {
  TempDir dir;
  RunOptions o;
  o.suite = "sygus-inv";
  o.data_dir = sygus_data(dir) + "/sygus-inv";
  o.db = (dir.path / "results.db").string();
  o.timeout = 20;
  o.jobs = 2;
  std::ostringstream out, err;
  REQUIRE(run_bench(o, out, err) == 0);
  INFO(out.str() << err.str());
  CHECK(out.str().find("3 run now") != std::string::npos);

  auto samples = samples_of(o.db);
  REQUIRE(samples.size() == 3);
  for (const auto& name : {"lia.sl#0", "inv_equal_counters.sl#0"}) {
    const auto& s = samples.at(name);
    INFO(name << ": " << s.detail);
    CHECK(s.outcome == Outcome::Verified);
    CHECK(s.cause == Cause::None);
    CHECK(s.verifier_calls >= 1);
    CHECK(s.verify_seconds > 0);
    CHECK(s.candidate_sha256.size() == 64);
  }
  const auto& unsafe = samples.at("counter_unsafe.sl#0");
  CHECK(unsafe.outcome == Outcome::Refuted);
  CHECK(unsafe.detail.find("infeasible: post violated after") != std::string::npos);
  for (const auto& [id, s] : samples) CHECK(s.category == "LIA");

  std::ostringstream again;
  REQUIRE(run_bench(o, again, err) == 0);
  CHECK(again.str().find("0 run now, 3 recorded before") != std::string::npos);
  CHECK(samples_of(o.db).size() == 3);
}

// Contract: a problem the SyGuS reader rejects is an Error sample whose detail is the reader's
// one `file:line:col` line; it never counts as verified or refuted.
TEST_CASE("an unparsable sygus-inv problem is an Error sample", "[z3]") {
  TempDir dir;
  dir.file("sygus-inv/problems/bad.sl", "(set-logic LIA)\n(synth-inv inv_fun ((x Int))\n");
  RunOptions o;
  o.suite = "sygus-inv";
  o.data_dir = (dir.path / "sygus-inv").string();
  o.db = (dir.path / "results.db").string();
  o.timeout = 10;
  std::ostringstream out, err;
  REQUIRE(run_bench(o, out, err) == 0);
  auto samples = samples_of(o.db);
  REQUIRE(samples.size() == 1);
  const auto& s = samples.begin()->second;
  CHECK(s.outcome == Outcome::Error);
  CHECK(s.cause == Cause::BadInput);
  CHECK(s.detail.find("bad.sl:") != std::string::npos);
  CHECK(s.detail.find("error") != std::string::npos);
  CHECK(s.detail.find('\n') == std::string::npos);
}

// Contract: `verigen bench run sygus-inv` works through the binary (exit 0), and the report
// shows 2 of 3 samples verified.
TEST_CASE("verigen bench run sygus-inv through the binary", "[z3]") {
  TempDir dir;
  const std::string data = sygus_data(dir);
  const std::string db = (dir.path / "tmp.db").string();
  const std::string cache = (dir.path / "cache").string();
  auto run =
      run_verigen({"bench", "run", "sygus-inv", "--data", data, "--db", db, "--timeout", "20"},
                  cache, {{"VERIGEN_NO_PROGRESS", "1"}});
  INFO(run.out << run.err);
  REQUIRE(run.exit_code == 0);
  CHECK(run.out.find("verified       2 (66.7%)") != std::string::npos);

  auto report = run_verigen({"bench", "report", db, "--format", "json"}, cache);
  INFO(report.err);
  REQUIRE(report.exit_code == 0);
  auto json = nlohmann::json::parse(report.out);
  CHECK(json["schema_version"] == 2);
  CHECK(json["command"] == "bench-report");
  REQUIRE(json["runs"].size() == 1);
  const auto& overall = json["runs"][0]["overall"];
  CHECK(json["runs"][0]["suite"] == "sygus-inv");
  CHECK(overall["samples"] == 3);
  CHECK(overall["verified_samples"] == 2);
  CHECK(overall["verified_rate"].get<double>() == Approx(2.0 / 3.0));
}
