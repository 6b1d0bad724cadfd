// Measures the specification strength check (specs/dafny/spec_strength.h) on DafnyComp's
// ground truth: each reference judged against itself (every clause proved by Dafny), against
// the answer without the ensures of uncalled declarations, and against its contract mutants.
// Prints the counts and writes one JSON line per program to --out (when given).
//
//   verigen_spec_strength_bench [--data DIR] [--jobs N] [--filter TEXT] [--skip N] [--limit N]
//                               [--out FILE]
//
// Programs run in a spread order (ids sorted, then every 7th, starting again one further), so
// that a run stopped early, or one with --limit, covers every category; --skip N leaves out the
// first N of that order (to continue a run stopped early); --filter TEXT keeps only the programs
// whose reference contains TEXT (`modifies`: the ones with frames).

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>

#include "backends/verifier_stack.h"
#include "benchmarks/suites/contract_mutants.h"
#include "benchmarks/suites/suite.h"
#include "core/parallel.h"
#include "core/process.h"
#include "specs/dafny/spec_strength.h"

using namespace verigen;

namespace {

struct Tally {
  std::map<std::string, std::map<std::string, int>> by_probe;  // probe → overall strength → n
  std::map<std::string, std::string> examples;  // "probe/strength" → the first such detail
};

}  // namespace

int main(int argc, char** argv) {
  std::string data = "../shared/datasets/dafnycomp", out_path, filter;
  int jobs = 2;
  long limit = 0, skip = 0;
  for (int i = 1; i < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--help" || flag == "-h") {
      std::cout << "usage: verigen_spec_strength_bench [--data DIR] [--jobs N] [--filter TEXT] "
                   "[--skip N] [--limit N] [--out FILE]\n";
      return 0;
    }
    // A flag without its value would otherwise be dropped and the whole run started.
    if (i + 1 >= argc) {
      std::cerr << "spec_strength: error: " << flag << " needs a value\n";
      return 2;
    }
    std::string value = argv[i + 1];
    if (flag == "--data")
      data = value;
    else if (flag == "--jobs")
      jobs = std::atoi(value.c_str());
    else if (flag == "--limit")
      limit = std::atol(value.c_str());
    else if (flag == "--filter")
      filter = value;
    else if (flag == "--skip")
      skip = std::atol(value.c_str());
    else if (flag == "--out")
      out_path = value;
    else {
      std::cerr << "spec_strength: error: unknown option " << flag << "\n";
      return 2;
    }
  }
  auto tasks = bench::load_dafnycomp(data);
  if (!tasks.ok()) {
    std::cerr << tasks.error() << "\n";
    return 2;
  }
  std::sort(tasks->begin(), tasks->end(),
            [](const auto& a, const auto& b) { return a.task.id < b.task.id; });
  std::vector<bench::BenchTask> spread;
  for (std::size_t start = 0; start < 7; ++start)
    for (std::size_t i = start; i < tasks->size(); i += 7)
      if ((*tasks)[i].reference.find(filter) != std::string::npos) spread.push_back((*tasks)[i]);
  spread.erase(spread.begin(),
               spread.begin() + std::min<long>(std::max<long>(skip, 0), spread.size()));
  *tasks = std::move(spread);
  if (limit > 0 && static_cast<std::size_t>(limit) < tasks->size()) tasks->resize(limit);
  SubprocessRunner runner;
  auto verifier = make_verifier(Language::Dafny, runner, {});
  if (!verifier.ok() || !(*verifier)->missing().empty()) {
    std::cerr << "spec_strength: error: no Dafny\n";
    return 3;
  }
  Backend& backend = (*verifier)->backend();
  std::ofstream out;
  if (!out_path.empty()) out.open(out_path);
  Tally tally;
  std::mutex mutex;
  const auto started = std::chrono::steady_clock::now();
  parallel_for(tasks->size(), jobs, [&](std::size_t i) {
    const auto& task = (*tasks)[i];
    const std::string& reference = task.reference;
    std::vector<std::pair<std::string, std::string>> probes;  // (probe name, candidate text)
    probes.push_back({"self", reference});
    if (auto minimal = bench::without_uncalled_ensures(reference))
      probes.push_back({"uncalled-ensures-removed", *minimal});
    for (auto& m : bench::contract_mutants(reference)) probes.push_back({m.kind, m.text});
    for (const auto& [probe, text] : probes) {
      Candidate c = candidate_for(task.task, text);
      dafny::StrengthOptions options;
      options.prove_identical = probe == "self";
      auto report =
          dafny::compare_contracts(backend, reference, c, Deadline::after_seconds(600), options);
      std::string overall(dafny::to_string(report.overall()));
      std::lock_guard<std::mutex> lock(mutex);
      ++tally.by_probe[probe][overall];
      std::string detail = report.first_problem();
      if (detail.empty()) {
        for (const auto& d : report.declarations)
          if (!d.detail.empty()) detail = d.declaration + ": " + d.detail;
      }
      tally.examples.emplace(probe + "/" + overall, task.task.id + ": " + detail);
      if (out)  // flushed per line: a run stopped early keeps what it measured
        out << nlohmann::json{{"task", task.task.id}, {"probe", probe},
                              {"overall", overall},   {"summary", report.summary()},
                              {"detail", detail},     {"obligations", report.obligations}}
                   .dump()
            << std::endl;
    }
  });
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cout << "programs: " << tasks->size() << ", wall " << seconds << " s, jobs " << jobs << "\n";
  for (const auto& [probe, counts] : tally.by_probe) {
    int total = 0, not_weaker = 0;
    std::cout << probe << ":";
    for (const auto& [strength, n] : counts) {
      total += n;
      if (strength == "equivalent" || strength == "stronger") not_weaker += n;
      std::cout << " " << strength << " " << n;
    }
    std::cout << " (of " << total << "; judged weaker or worse: " << total - not_weaker << ")\n";
  }
  std::cout << "first example of each:\n";
  for (const auto& [key, example] : tally.examples)
    std::cout << "  " << key << ": " << example << "\n";
  return 0;
}
