#include "benchmarks/harness/runner.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <ostream>
#include <regex>

#include "benchmarks/harness/bench_rules.h"
#include "benchmarks/harness/metrics.h"
#include "benchmarks/harness/output_pool.h"
#include "benchmarks/harness/pool_attempt.h"
#include "benchmarks/harness/suite_table.h"
#include "core/parallel.h"
#include "core/progress.h"

namespace verigen::bench {
namespace {

/// Options that cannot run: the message and the exit code (2 for a usage error, 3 for a tool
/// the suite needs and the machine lacks).
struct OptionProblem {
  int exit_code;
  std::string message;
};

/// Checks that need no file: a suite of Lean proofs without its Lake project stops here,
/// before the dataset or the database is touched.
std::optional<OptionProblem> check_options(const RunOptions& o, const Suite& suite) {
  auto bad = [](std::string m) { return OptionProblem{2, "bench: error: " + std::move(m)}; };
  if (suite.needs_lean_project && o.lean_project.empty())
    return OptionProblem{
        3, "bench: error: " + suite.name +
               " needs Lean 4 and Mathlib: pass --lean-project DIR naming a CLEVER Lake "
               "project (lake build done)"};
  if (o.shard_count < 1 || o.shard_index < 0 || o.shard_index >= o.shard_count)
    return bad("--shard I/N needs 0 <= I < N");
  if (o.k < 1) return bad("-k must be at least 1");
  if (o.provider == "replay" && o.outputs.empty())
    return bad("--provider replay needs --outputs FILE");
  if (!o.outputs.empty() && o.provider != "replay") return bad("--outputs needs --provider replay");
  if (!o.outputs.empty() && !suite.read_outputs)
    return bad("--outputs replays a suite's published outputs; suite '" + o.suite + "' has none");
  if (o.pooled() && o.outputs.empty())
    return bad("--rules and --verify-all judge a pool of published outputs: give --outputs");
  if (o.pooled() && !suite.pools)
    return bad(
        "pools of published outputs (several --outputs, --rules, --verify-all) are "
        "for suites of Dafny annotate tasks; suite '" +
        o.suite + "' has none");
  if (!o.rules.empty() && !rule_set_from_string(o.rules))
    return bad("--rules must be strict or dafnybench, not '" + o.rules + "'");
  if (o.pooled() && o.k != 1) return bad("a pool is one search per task: -k must be 1");
  return std::nullopt;
}

std::string percent(long part, long whole) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%",
                whole > 0 ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : 0.0);
  return buf;
}

/// The summary over every recorded sample of the selected tasks (this process's and earlier
/// ones', so a resumed run reports the whole).
void print_summary(std::ostream& out, const RunOptions& o, std::int64_t run,
                   const std::vector<SampleRecord>& samples, const std::vector<BenchTask>& tasks,
                   long ran_now, double wall) {
  std::set<std::string> selected;
  for (const auto& t : tasks) selected.insert(t.task.id);
  // Every sample lands in exactly one of verified, rejected and not verified, so the three add
  // up to the samples (a refused output solved by attempt 0 is verified, not rejected too).
  long total = 0, verified = 0, rejected = 0, not_verified = 0, attempt_zero = 0, calls = 0;
  double verify = 0;
  std::set<std::string> solved;
  for (const auto& s : samples) {
    if (!selected.count(s.task_id)) continue;
    ++total;
    calls += s.verifier_calls;
    verify += s.verify_seconds;
    switch (sample_end(s)) {
      case SampleEnd::Verified:
        ++verified;
        solved.insert(s.task_id);
        attempt_zero += verified_by_attempt_zero(s);
        break;
      case SampleEnd::Rejected:
        ++rejected;
        break;
      case SampleEnd::NotVerified:
        ++not_verified;
        break;
    }
  }
  const long expected = static_cast<long>(tasks.size()) * o.k;
  // Samples are verified by parallel workers, so their verification times add up to more than
  // the wall time: say so.
  char time[96];
  std::snprintf(time, sizeof time, "%.1f s wall, %.1f s verifying (summed over parallel workers)",
                wall, verify);
  const std::string model = run_key(o).model;
  out << "bench " << o.suite << " (" << o.provider << (model.empty() ? "" : " " + model)
      << ", k=" << o.k << ", rounds=" << o.rounds << ") -> " << o.db << " run " << run
      << (o.shard_count > 1
              ? ", shard " + std::to_string(o.shard_index) + "/" + std::to_string(o.shard_count)
              : "")
      << "\n"
      << "  tasks          " << tasks.size() << " (" << solved.size() << " solved, "
      << percent(static_cast<long>(solved.size()), static_cast<long>(tasks.size())) << ")\n"
      << "  samples        " << total << " of " << expected << " (" << ran_now << " run now, "
      << total - ran_now << " recorded before)\n"
      << "  verified       " << verified << " (" << percent(verified, total)
      << (attempt_zero > 0 ? ", " + std::to_string(attempt_zero) +
                                 " by attempt 0: the hint-free program verifies as it is"
                           : "")
      << ")\n"
      << "  rejected       " << rejected << " (integrity audit)\n"
      << "  not verified   " << not_verified << "\n"
      << "  verifier calls " << calls << "\n"
      << "  time           " << time << "\n";
}

}  // namespace

RunKey run_key(const RunOptions& o) {
  RunKey key;
  key.suite = o.suite;
  key.provider = o.provider;
  key.model = o.model;
  if (o.provider == "replay" && !o.outputs.empty()) {
    // The outputs' stems; a pool names all of them, sorted, so the order they were given in
    // does not make another run.
    std::vector<std::string> stems;
    for (const auto& path : o.outputs) {
      auto slash = path.find_last_of('/');
      std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
      stems.push_back(name.substr(0, name.rfind('.')));
    }
    std::sort(stems.begin(), stems.end());
    if (o.pooled()) {
      key.model = "pool:";
      for (std::size_t i = 0; i < stems.size(); ++i) key.model += (i ? "+" : "") + stems[i];
    } else {
      key.model = stems.front();
    }
  }
  key.k = o.k;
  key.rounds = o.provider == "replay" ? 0 : o.rounds;
  key.seed = o.seed;
  // nlohmann's object keeps keys sorted, so equal options give equal text.
  nlohmann::json options = {{"timeout", o.timeout},
                            {"verification_time_limit", o.verification_time_limit}};
  if (o.pooled()) {
    options["rules"] = o.rules.empty() ? "strict" : o.rules;
    options["verify_all"] = o.verify_all;
    options["scorer"] = o.scorer;
    if (o.complete > 0) options["complete"] = o.complete;
  }
  key.options = options.dump();
  return key;
}

Result<std::vector<BenchTask>> select_tasks(std::vector<BenchTask> tasks, const RunOptions& o) {
  std::vector<BenchTask> matching;
  if (!o.filter.empty()) {
    std::regex pattern;
    try {
      pattern = std::regex(o.filter);
    } catch (const std::regex_error& e) {
      return fail("bench: error: --filter '" + o.filter +
                  "' is not a regular expression: " + e.what());
    }
    for (auto& t : tasks)
      if (std::regex_search(t.task.id, pattern)) matching.push_back(std::move(t));
  } else {
    matching = std::move(tasks);
  }
  if (o.limit > 0 && static_cast<long>(matching.size()) > o.limit)
    matching.resize(static_cast<std::size_t>(o.limit));
  std::vector<BenchTask> mine;
  for (std::size_t i = 0; i < matching.size(); ++i)
    if (static_cast<int>(i % static_cast<std::size_t>(o.shard_count)) == o.shard_index)
      mine.push_back(std::move(matching[i]));
  return mine;
}

int run_bench(const RunOptions& o, std::ostream& out, std::ostream& err) {
  auto suite = find_suite(o.suite);
  if (!suite.ok()) {
    err << suite.error() << "\n";
    return 2;
  }
  return run_bench(o, **suite, out, err);
}

int run_bench(const RunOptions& o, const Suite& suite, std::ostream& out, std::ostream& err) {
  const auto started = std::chrono::steady_clock::now();
  if (auto problem = check_options(o, suite)) {
    err << problem->message << "\n";
    return problem->exit_code;
  }
  // The user's own outputs file is checked first: its errors are theirs to fix before the
  // dataset matters.
  std::shared_ptr<const PublishedOutputs> outputs;
  std::shared_ptr<const std::map<std::string, TaskPool>> pools;
  if (!o.outputs.empty()) {
    std::vector<PublishedOutputs> models;
    for (const auto& path : o.outputs) {
      auto read = suite.read_outputs(path);
      if (!read.ok()) {
        err << read.error() << "\n";
        return 2;
      }
      models.push_back(std::move(*read));
    }
    if (o.pooled())
      pools = std::make_shared<const std::map<std::string, TaskPool>>(build_pools(models));
    else
      outputs = std::make_shared<const PublishedOutputs>(std::move(models.front()));
  }
  auto loaded = load_tasks(suite, o.data_dir);
  if (!loaded.ok()) {
    err << loaded.error() << "\n";
    return 2;
  }
  if (outputs || pools) {
    // A replay runs the tasks the model (any model of a pool) has an output for; say how many
    // others there are, so a truncated outputs file is not mistaken for the whole suite.
    std::vector<BenchTask> answered;
    for (auto& t : *loaded)
      if (outputs ? outputs->by_file.count(t.task.id) > 0 : pools->count(t.task.id) > 0)
        answered.push_back(std::move(t));
    std::string files;
    for (const auto& path : o.outputs) files += (files.empty() ? "" : ", ") + path;
    if (answered.size() < loaded->size())
      err << "bench: note: " << loaded->size() - answered.size() << " of " << loaded->size()
          << " tasks have no output in " << files << "; replaying the " << answered.size()
          << " that do\n";
    *loaded = std::move(answered);
  }
  auto tasks = select_tasks(std::move(*loaded), o);
  if (!tasks.ok()) {
    err << tasks.error() << "\n";
    return 2;
  }
  SolverSetup solver = pools ? make_pool_solver(o, pools) : suite.solver(o, *tasks, outputs);
  if (!solver.attempt) {
    err << solver.error << "\n";
    return solver.exit_code ? solver.exit_code : 2;
  }
  if (!solver.note.empty()) err << solver.note << "\n";

  auto store = ResultStore::open(o.db);
  if (!store.ok()) {
    err << store.error() << "\n";
    return 2;
  }
  auto run = (*store)->ensure_run(run_key(o));
  if (!run.ok()) {
    err << run.error() << "\n";
    return 2;
  }
  const auto finished = (*store)->finished(*run);
  std::vector<std::pair<const BenchTask*, int>> pending;
  for (const auto& t : *tasks)
    for (int s = 0; s < o.k; ++s)
      if (!finished.count({t.task.id, s})) pending.emplace_back(&t, s);

  Progress progress("bench " + o.suite, pending.size());
  std::mutex store_mutex;  // one writer per process; SQLite's busy timeout covers other processes
  std::string store_error;
  long ran = 0;
  parallel_for(pending.size(), o.jobs, [&](std::size_t i) {
    const auto& [task, sample] = pending[i];
    SampleRecord record = solver.attempt(*task, sample);
    record.task_id = task->task.id;
    record.category = task->category;
    record.sample = sample;
    bool failed = record.outcome != Outcome::Verified;
    {
      std::lock_guard<std::mutex> lock(store_mutex);
      auto recorded = (*store)->record(*run, record);
      if (!recorded.ok() && store_error.empty()) store_error = recorded.error();
      if (recorded.ok()) ++ran;
    }
    progress.advance(task->task.id + "#" + std::to_string(sample) + ": " +
                         std::string(to_string(record.outcome)),
                     failed);
  });
  progress.finish();
  if (!store_error.empty()) {
    err << store_error << "\n";
    return 2;
  }
  double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  print_summary(out, o, *run, (*store)->samples(*run), *tasks, ran, wall);
  return 0;
}

}  // namespace verigen::bench
