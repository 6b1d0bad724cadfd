// `verigen bench run` through the real binary and the real Dafny: replay of published outputs,
// resume after SIGKILL, shards merged, malformed outputs, clever without Lean.

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <thread>

#include "../cli/cli_harness.h"
#include "benchmarks/harness/result_store.h"
#include "benchmarks/harness/suite_table.h"
#include "core/file_io.h"

using namespace verigen;
using namespace verigen::test;
namespace fs = std::filesystem;

namespace {

const fs::path kData = fs::path(VERIGEN_SHARED_DIR) / "datasets";
const fs::path kOutputs = kData / "dafnybench" / "model_outputs";
/// Three small real DafnyBench tasks whose gpt-4o outputs DafnyBench recorded as successes.
const std::vector<std::string> kFiles = {"Clover_swap_no_hints.dfy",
                                         "dafny-synthesis_task_id_242_no_hints.dfy",
                                         "dafny-synthesis_task_id_435_no_hints.dfy"};

/// A gpt-4o.json holding only the `files` entries of the real one, and the real results CSV.
std::string small_outputs(const TempDir& dir, const std::vector<std::string>& files = kFiles) {
  auto all = nlohmann::json::parse(*read_file((kOutputs / "gpt-4o.json").string()));
  nlohmann::json some = nlohmann::json::object();
  for (const auto& [key, entry] : all.items())
    if (std::find(files.begin(), files.end(), entry["test_file"].get<std::string>()) != files.end())
      some[key] = entry;
  REQUIRE(some.size() == files.size());
  dir.file("gpt-4o_results.csv", *read_file((kOutputs / "gpt-4o_results.csv").string()));
  return dir.file("gpt-4o.json", some.dump());
}

std::vector<std::string> replay_args(const std::string& outputs, const std::string& db) {
  return {"bench", "run",    "dafnybench",   "--provider", "replay", "--outputs", outputs, "--db",
          db,      "--data", kData.string(), "--limit",    "3",      "--jobs",    "1"};
}

/// (task, sample) → outcome of every sample in the database.
std::map<std::pair<std::string, int>, Outcome> samples_of(const std::string& db) {
  std::map<std::pair<std::string, int>, Outcome> out;
  auto store = bench::ResultStore::open_existing(db);
  if (!store.ok()) return out;
  for (const auto& run : (*store)->runs())
    for (const auto& s : (*store)->samples(run.id)) out[{s.task_id, s.sample}] = s.outcome;
  return out;
}

/// Starts build/verigen with `args` as a child (its own pid), stdout/stderr to /dev/null.
pid_t spawn_verigen(const std::vector<std::string>& args, const std::string& cache) {
  pid_t pid = ::fork();
  if (pid == 0) {
    ::setenv("XDG_CACHE_HOME", cache.c_str(), 1);
    ::setenv("VERIGEN_NO_PROGRESS", "1", 1);
    std::string binary = std::string(VERIGEN_BINARY_DIR) + "/verigen";
    std::vector<char*> argv{binary.data()};
    std::vector<std::string> copy = args;
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    if (std::freopen("/dev/null", "w", stdout) && std::freopen("/dev/null", "w", stderr))
      ::execv(binary.c_str(), argv.data());
    ::_exit(127);
  }
  return pid;
}

bool have_data() {
  if (fs::exists(kOutputs / "gpt-4o.json")) return true;
  WARN("skipped: " << kOutputs << " is absent");
  return false;
}

}  // namespace

// Contract: replaying three published outputs verifies them with Dafny and records one sample
// each, with DafnyBench's recorded attempt beside our verdict.
TEST_CASE("bench run replays published DafnyBench outputs into the database", "[verifier:dafny]") {
  if (!have_data()) return;
  TempDir dir;
  auto db = (dir.path / "tmp.db").string();
  auto run = run_verigen(replay_args(small_outputs(dir), db), (dir.path / "cache").string());
  INFO(run.out << run.err);
  REQUIRE(run.exit_code == 0);
  CHECK(run.out.find("verified       3 (100.0%)") != std::string::npos);
  CHECK(run.out.find(" s verifying (summed over parallel workers)\n") != std::string::npos);
  auto store = bench::ResultStore::open_existing(db);
  REQUIRE(store.ok());
  auto runs = (*store)->runs();
  REQUIRE(runs.size() == 1);
  CHECK(runs[0].key.model == "gpt-4o");
  auto samples = (*store)->samples(runs[0].id);
  REQUIRE(samples.size() == 3);
  for (const auto& s : samples) {
    CHECK(s.outcome == Outcome::Verified);
    CHECK(s.recorded == "0");
    CHECK(s.verifier_calls == 1);
    CHECK(s.verifier_outcome == Outcome::Verified);
  }
}

namespace {

/// Replays gpt-4o's output for `file` with `insert` put before `before`; the one sample recorded
/// (and the run's summary in `summary`, when given).
bench::SampleRecord replay_edited(const std::string& file, const std::string& before,
                                  const std::string& insert, std::string* summary = nullptr) {
  TempDir dir;
  auto outputs = small_outputs(dir, {file});
  auto json = nlohmann::json::parse(*read_file(outputs));
  for (auto& [key, entry] : json.items()) {
    std::string text = entry["llm_output"];
    auto at = text.find(before);
    REQUIRE(at != std::string::npos);
    entry["llm_output"] = text.insert(at, insert);
  }
  dir.file("gpt-4o.json", json.dump());
  auto db = (dir.path / "tmp.db").string();
  auto run = run_verigen(replay_args(outputs, db), (dir.path / "cache").string());
  INFO(run.out << run.err);
  REQUIRE(run.exit_code == 0);
  if (summary) *summary = run.out;
  auto store = bench::ResultStore::open_existing(db);
  REQUIRE(store.ok());
  auto samples = (*store)->samples((*store)->runs().at(0).id);
  REQUIRE(samples.size() == 1);
  return samples[0];
}

}  // namespace

// Contract: a replayed output the audit refuses (here a contract added to Clover_cal_sum, whose
// hint-free program does not verify) is still verified by Dafny; the sample is Refuted for
// integrity and keeps Dafny's own verdict beside.
TEST_CASE("bench run replay verifies what the audit refused, and records it apart",
          "[verifier:dafny]") {
  if (!have_data()) return;
  auto s = replay_edited("Clover_cal_sum_no_hints.dfy", "{\n  var n",
                         "  ensures s + 0 == N * (N + 1) / 2\n");
  INFO(s.detail);
  CHECK(s.recorded == "1");
  CHECK(s.outcome == Outcome::Refuted);
  CHECK(s.cause == Cause::Integrity);
  CHECK(s.integrity_rejected);
  CHECK(s.verifier_outcome == Outcome::Verified);
  CHECK(s.verifier_calls == 2);  // the output alone, then the hint-free program (attempt 0) fails
  CHECK(s.detail.rfind("integrity: ", 0) == 0);
}

// Contract: DafnyBench's attempt 0 — when the hint-free program verifies as it is (Clover_swap,
// recorded `0`), the task is solved whatever the output; the refused output stays in the detail.
// The summary counts the sample once, as verified (it printed "not verified -1" when the
// refusal was counted too).
TEST_CASE("bench run dafnybench counts a hint-free program that verifies as attempt 0",
          "[verifier:dafny]") {
  if (!have_data()) return;
  std::string summary;
  auto s = replay_edited("Clover_swap_no_hints.dfy", "  ensures y == X\n",
                         "  ensures x + y == X + Y\n", &summary);
  INFO(summary);
  CHECK(summary.find(
            "  verified       1 (100.0%, 1 by attempt 0: the hint-free program verifies as it is)\n"
            "  rejected       0 (integrity audit)\n"
            "  not verified   0\n") != std::string::npos);
  INFO(s.detail);
  CHECK(s.recorded == "0");
  CHECK(s.outcome == Outcome::Verified);
  CHECK(s.integrity_rejected);
  CHECK(s.verifier_calls == 2);
  CHECK(s.detail.rfind(
            "attempt 0: the hint-free program verifies as it is; the output: integrity: ", 0) == 0);
}

// Contract: a run killed with SIGKILL after its first recorded sample resumes when the same
// command runs again, skipping what was recorded; it ends with the samples of an uninterrupted
// run. Shards 0/2 and 1/2 merged give those samples too.
TEST_CASE("bench run resumes after SIGKILL and shards merge into the single run",
          "[verifier:dafny]") {
  if (!have_data()) return;
  TempDir dir;
  auto outputs = small_outputs(dir);
  auto whole_db = (dir.path / "whole.db").string();
  REQUIRE(
      run_verigen(replay_args(outputs, whole_db), (dir.path / "cache-whole").string()).exit_code ==
      0);
  auto whole = samples_of(whole_db);
  REQUIRE(whole.size() == 3);

  // A fresh cache, so the killed run is slow enough to be caught between samples.
  auto killed_db = (dir.path / "killed.db").string();
  auto cache = (dir.path / "cache-killed").string();
  pid_t child = spawn_verigen(replay_args(outputs, killed_db), cache);
  REQUIRE(child > 0);
  std::size_t seen = 0;
  auto give_up = std::chrono::steady_clock::now() + std::chrono::minutes(3);
  while (seen == 0 && std::chrono::steady_clock::now() < give_up) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    if (fs::exists(killed_db)) seen = samples_of(killed_db).size();
  }
  ::kill(child, SIGKILL);
  int status = 0;
  ::waitpid(child, &status, 0);
  REQUIRE(seen >= 1);
  auto after_kill = samples_of(killed_db);
  WARN("killed after " << after_kill.size() << " of 3 samples were recorded");
  auto resumed = run_verigen(replay_args(outputs, killed_db), cache);
  INFO(resumed.out << resumed.err);
  REQUIRE(resumed.exit_code == 0);
  CHECK(resumed.out.find(std::to_string(3 - after_kill.size()) + " run now") != std::string::npos);
  CHECK(samples_of(killed_db) == whole);

  std::vector<std::string> shard_dbs;
  for (int i = 0; i < 2; ++i) {
    auto args = replay_args(outputs, (dir.path / ("shard-" + std::to_string(i) + ".db")).string());
    args.insert(args.end(), {"--shard", std::to_string(i) + "/2"});
    REQUIRE(run_verigen(args, cache).exit_code == 0);
    shard_dbs.push_back(args[8]);
  }
  auto merged_db = (dir.path / "merged.db").string();
  auto merge =
      run_verigen({"bench", "merge", shard_dbs[0], shard_dbs[1], "--into", merged_db}, cache);
  INFO(merge.out << merge.err);
  REQUIRE(merge.exit_code == 0);
  CHECK(samples_of(merged_db) == whole);
}

// Contract: an outputs file that is not JSON, or an entry without llm_output, is exit 2 with one
// line naming the file (and the entry); nothing is recorded.
TEST_CASE("bench run refuses malformed outputs files", "[verifier:dafny]") {
  TempDir dir;
  auto db = (dir.path / "x.db").string();
  auto garbage = dir.file("broken.json", "{\"000\": ");
  auto run = run_verigen(replay_args(garbage, db), (dir.path / "cache").string());
  CHECK(run.exit_code == 2);
  CHECK(run.err.find("broken.json:1:") != std::string::npos);  // the file and the place
  CHECK(run.err.find("not JSON") != std::string::npos);
  auto missing =
      dir.file("shape.json", R"({"000": {"test_ID": "000", "test_file": "a_no_hints.dfy"}})");
  run = run_verigen(replay_args(missing, db), (dir.path / "cache").string());
  CHECK(run.exit_code == 2);
  CHECK(run.err.find("shape.json") != std::string::npos);
  CHECK(run.err.find("\"000\"") != std::string::npos);  // the entry, JSON-quoted
  CHECK_FALSE(fs::exists(db));
}

// Contract: clever without --lean-project says what to pass in one line and exits 3 at once.
TEST_CASE("bench run clever without --lean-project exits 3", "[verifier:dafny]") {
  TempDir dir;
  auto db = (dir.path / "c.db").string();
  auto run = run_verigen({"bench", "run", "clever", "--db", db}, (dir.path / "cache").string());
  CHECK(run.exit_code == 3);
  CHECK(run.err.find("--lean-project") != std::string::npos);
  CHECK(std::count(run.err.begin(), run.err.end(), '\n') == 1);
  CHECK_FALSE(fs::exists(db));
}

// Contract: for a few small DafnyComp programs the ground truth, given as the answer to the
// stripped task, passes `verify --against` (the specify-kind audit, then Dafny): stripping
// removed annotations only, and putting them back verifies.
TEST_CASE("dafnycomp: ground truth re-inserted into the stripped program verifies",
          "[verifier:dafny]") {
  auto dir_of = kData / "dafnycomp";
  if (!fs::exists(dir_of)) {
    WARN("skipped: " << dir_of << " is absent");
    return;
  }
  auto tasks = bench::load_suite("dafnycomp", dir_of.string());
  REQUIRE(tasks.ok());
  std::sort(tasks->begin(), tasks->end(),
            [](const auto& a, const auto& b) { return a.reference.size() < b.reference.size(); });
  TempDir dir;
  for (int i = 0; i < 3; ++i) {
    const auto& t = (*tasks)[static_cast<std::size_t>(i)];
    auto stripped = dir.file("stripped" + std::to_string(i) + ".dfy", t.task.spec_text);
    auto truth = dir.file("truth" + std::to_string(i) + ".dfy", t.reference);
    auto run = run_verigen({"verify", "--against", stripped, "--kind", "specify", truth},
                           (dir.path / "cache").string());
    INFO(t.task.id << "\n" << run.out << run.err);
    CHECK(run.exit_code == 0);
  }
}

// Contract: scripts/slurm-bench --dry-run prints an N-task array whose tasks run one shard each
// into their own database, and a merge+report job depending on the array's success, with the
// job scripts they run. (test/slurm/ runs it on a real cluster.)
TEST_CASE("slurm-bench --dry-run prints the array and the dependent merge", "[verifier:dafny]") {
  SubprocessRunner runner;
  ProcessSpec spec;
  spec.argv = {std::string(VERIGEN_SOURCE_DIR) + "/scripts/slurm-bench",
               "sygus-inv",
               "--shards",
               "3",
               "--dir",
               "/tmp/sb",
               "--dry-run",
               "--",
               "--jobs",
               "2"};
  // The jobs are told where the datasets are (it is refused when nobody knows).
  spec.environment = {{"VERIGEN_DATA", "/tmp/sb-data"}};
  spec.deadline = Deadline::after_seconds(30);
  auto result = runner.run(spec);
  INFO(result.out << result.err);
  REQUIRE(result.exited());
  REQUIRE(result.exit_code == 0);
  CHECK(result.out.find("export VERIGEN_DATA=/tmp/sb-data") != std::string::npos);
  CHECK(result.out.find("export PATH=\"$HOME/.dotnet/tools:$PATH\"") != std::string::npos);
  CHECK(result.out.find("--array 0-2") != std::string::npos);
  CHECK(result.out.find("--shard \"$SLURM_ARRAY_TASK_ID/3\"") != std::string::npos);
  CHECK(result.out.find("/tmp/sb/\"shard-$SLURM_ARRAY_TASK_ID.db\" --jobs 2") != std::string::npos);
  CHECK(result.out.find("--dependency afterok:JOBID") != std::string::npos);
  CHECK(result.out.find("bench merge \"${shards[@]}\" --into /tmp/sb/results.db") !=
        std::string::npos);
  CHECK(result.out.find("bench report /tmp/sb/results.db") != std::string::npos);
}

namespace {

/// Runs build/verigen with `args` in `dir` (so no verigen.toml above the checkout is found),
/// with no model configured.
CliRun run_unconfigured(const fs::path& dir, const std::vector<std::string>& args) {
  SubprocessRunner runner;
  ProcessSpec spec;
  spec.argv = {std::string(VERIGEN_BINARY_DIR) + "/verigen"};
  spec.argv.insert(spec.argv.end(), args.begin(), args.end());
  spec.working_directory = dir.string();
  spec.environment = {{"XDG_CACHE_HOME", (dir / "cache").string()},
                      {"VERIGEN_NO_PROGRESS", "1"},
                      {"VERIGEN_MODEL", ""},
                      {"OPENAI_BASE_URL", ""},
                      {"OPENAI_API_KEY", ""}};
  spec.deadline = Deadline::after_seconds(300);
  auto r = runner.run(spec);
  return CliRun{r.exited() ? r.exit_code : -1, r.out, r.err};
}

}  // namespace

// Contract: every suite × provider pair that cannot produce a single verdict stops before any
// sample with exit 2 and one line saying why and which providers can run the suite, and
// creates no database: builtin on clever (Lean), openai without a model, replay without
// --outputs. builtin on dafnycomp, dafnybench and sygus-inv runs.
TEST_CASE("bench run refuses up front a provider that cannot run the suite", "[verifier:dafny]") {
  if (!fs::exists(kData / "dafnycomp") || !fs::exists(kData / "clever")) {
    WARN("skipped: " << kData << " is absent");
    return;
  }
  TempDir dir;
  fs::create_directories(dir.path / "lake");
  struct Case {
    std::string suite, provider, says;
  };
  const std::string no_model = "bench: error: no model configured for --provider openai";
  const std::vector<Case> cases = {
      {"dafnycomp", "openai", no_model},
      {"dafnycomp", "replay", "bench: error: --provider replay needs --outputs FILE"},
      {"dafnybench", "openai", no_model},
      {"dafnybench", "replay", "bench: error: --provider replay needs --outputs FILE"},
      {"clever", "builtin",
       "bench: error: --provider builtin cannot attempt the selected clever task"},
      {"clever", "openai", no_model},
      {"clever", "replay", "bench: error: --provider replay needs --outputs FILE"},
      {"sygus-inv", "openai", no_model},
      {"sygus-inv", "replay", "bench: error: --provider replay needs --outputs FILE"},
  };
  for (const auto& c : cases) {
    const auto db = dir.path / (c.suite + "-" + c.provider + ".db");
    auto r = run_unconfigured(
        dir.path, {"bench", "run", c.suite, "--provider", c.provider, "--db", db.string(), "--data",
                   kData.string(), "--limit", "1", "--lean-project", (dir.path / "lake").string()});
    INFO(c.suite << " × " << c.provider << "\n" << r.out << r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.err.rfind(c.says, 0) == 0);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK_FALSE(fs::exists(db));
  }
}

// Contract: builtin runs dafnycomp offline (template contracts and invariants, Houdini-pruned by
// Dafny) and records a real verdict with its reason — never an internal error; a verified
// answer is judged against the ground truth's contracts.
TEST_CASE("bench run dafnycomp with builtin records real verdicts", "[verifier:dafny]") {
  if (!fs::exists(kData / "dafnycomp")) {
    WARN("skipped: " << kData << " is absent");
    return;
  }
  TempDir dir;
  auto db = (dir.path / "c.db").string();
  auto run = run_unconfigured(dir.path, {"bench", "run", "dafnycomp", "--db", db, "--data",
                                         kData.string(), "--limit", "1", "--timeout", "120"});
  INFO(run.out << run.err);
  REQUIRE(run.exit_code == 0);
  auto store = bench::ResultStore::open_existing(db);
  REQUIRE(store.ok());
  auto samples = (*store)->samples((*store)->runs().at(0).id);
  REQUIRE(samples.size() == 1);
  const auto& s = samples[0];
  INFO(s.detail);
  CHECK(s.cause != Cause::Internal);
  CHECK_FALSE(s.detail.empty());
  CHECK(s.verifier_calls > 0);
  if (s.verifier_outcome == Outcome::Verified) CHECK_FALSE(s.contract.empty());
}

// Contract: builtin on dafnybench runs the tasks with a loop to annotate; those it cannot
// attempt (no loop) are announced up front and recorded as not attempted (error, bad-input),
// never as internal errors — unless attempt 0 solves them, as it does Clover_swap.
TEST_CASE("bench run dafnybench with builtin says which tasks it cannot attempt",
          "[verifier:dafny]") {
  if (!have_data()) return;
  TempDir dir;
  auto db = (dir.path / "b.db").string();
  auto run =
      run_unconfigured(dir.path, {"bench", "run", "dafnybench", "--db", db, "--data",
                                  kData.string(), "--filter", "^Clover_(swap|cal_sum)_no_hints"});
  INFO(run.out << run.err);
  REQUIRE(run.exit_code == 0);
  CHECK(
      run.err.find(
          "bench: note: --provider builtin cannot attempt 1 of the 2 selected dafnybench tasks (it "
          "writes loop invariants only); they are recorded as not attempted (error, bad-input) "
          "unless "
          "attempt 0 solves them\n") != std::string::npos);
  auto store = bench::ResultStore::open_existing(db);
  REQUIRE(store.ok());
  auto samples = (*store)->samples((*store)->runs().at(0).id);
  REQUIRE(samples.size() == 2);
  for (const auto& s : samples) {
    INFO(s.task_id << ": " << s.detail);
    CHECK(s.cause != Cause::Internal);
    CHECK(s.verifier_calls > 0);
    if (s.task_id == "Clover_swap_no_hints.dfy") {
      CHECK(s.outcome == Outcome::Verified);
      CHECK(
          s.detail.rfind(
              "attempt 0: the hint-free program verifies as it is; the output: not attempted: the "
              "builtin provider found no loop without an invariant",
              0) == 0);
    }
  }
}

// Contract: a glob of --outputs pools several models' outputs per task: a respelled copy of an
// output is one candidate with both origins, a truncated output stays its model's failed
// candidate, the run key names every model and the rules, and the report's pool section counts
// the oracle.
TEST_CASE("bench run pools outputs given by a glob, duplicates merged", "[verifier:dafny]") {
  if (!have_data()) return;
  TempDir dir;
  const std::string file = "Clover_swap_no_hints.dfy";
  auto original = nlohmann::json::parse(*read_file(small_outputs(dir, {file})));
  nlohmann::json twin = original, broken = original;
  for (auto& [key, entry] : twin.items())
    entry["llm_output"] = "// the same answer\n" + entry["llm_output"].get<std::string>() + "\n\n";
  for (auto& [key, entry] : broken.items()) entry["llm_output"] = "```dafny\nmethod Swap(";
  dir.file("twin.json", twin.dump());
  dir.file("broken.json", broken.dump());
  auto db = (dir.path / "pool.db").string();
  std::vector<std::string> args = {"bench",
                                   "run",
                                   "dafnybench",
                                   "--provider",
                                   "replay",
                                   "--outputs",
                                   (dir.path / "*.json").string(),
                                   "--db",
                                   db,
                                   "--data",
                                   kData.string(),
                                   "--rules",
                                   "dafnybench",
                                   "--verify-all",
                                   "--jobs",
                                   "1"};
  auto run = run_verigen(args, (dir.path / "cache").string());
  INFO(run.out << run.err);
  REQUIRE(run.exit_code == 0);
  auto store = bench::ResultStore::open_existing(db);
  REQUIRE(store.ok());
  auto runs = (*store)->runs();
  REQUIRE(runs.size() == 1);
  CHECK(runs[0].key.model == "pool:broken+gpt-4o+twin");
  CHECK(runs[0].key.options.find("\"rules\":\"dafnybench\"") != std::string::npos);
  auto samples = (*store)->samples(runs[0].id);
  REQUIRE(samples.size() == 1);
  CHECK(samples[0].outcome == Outcome::Verified);
  auto pool = nlohmann::json::parse(samples[0].pool);
  REQUIRE(pool["entries"].size() == 3);  // hint-free, broken, gpt-4o = twin (glob order)
  CHECK(pool["entries"][1]["origins"] == nlohmann::json({"broken"}));
  CHECK(pool["entries"][1]["rank"] == 0);
  CHECK(pool["entries"][2]["origins"] == nlohmann::json({"gpt-4o", "twin"}));
  CHECK(pool["calls"] == 2);  // verify-all: the hint-free program and the merged answer

  auto report =
      run_verigen({"bench", "report", db, "--format", "json"}, (dir.path / "cache").string());
  REQUIRE(report.exit_code == 0);
  auto doc = nlohmann::json::parse(report.out);
  CHECK(doc["runs"][0]["pool"]["oracle"] == 1);
  CHECK(doc["runs"][0]["pool"]["outputs"] == 3);

  // A pattern that matches nothing is refused, not an empty pool.
  args[6] = (dir.path / "none-*.json").string();
  auto none = run_verigen(args, (dir.path / "cache").string());
  CHECK(none.exit_code == 2);
  CHECK(none.err.find("matches no file") != std::string::npos);
}
