// How many published model answers a repair round reaches that were dead ends before.
//
//   verigen_repair_reach [--data DIR] [--json FILE]
//
// DafnyBench's five models' final answers (DIR/dafnybench/model_outputs/<model>.json) are
// extracted and audited exactly as `bench run dafnybench --provider replay` does (extract from
// the fenced block, audit_candidate against the hint-free task), without verifying anything:
// an answer the audit refuses or that never became a program was a dead end before the model
// path learned to repair them (issue 17, item 1: before, `--rounds N` only repaired what the
// verifier refuted); now each of them is sent back with the audit's findings or the extraction
// problem. Prints, per model, the answers, how many reach the verifier, how many the audit
// refuses (by rule), how many are unusable, and writes the same as JSON.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "benchmarks/harness/published_outputs.h"
#include "benchmarks/suites/suite.h"
#include "specs/integrity_audit.h"

using namespace verigen;
namespace fs = std::filesystem;

namespace {

struct ModelCount {
  int answers = 0, clean = 0, refused = 0, unusable = 0, no_task = 0;
  std::map<std::string, int> refused_by_rule;  // the first finding's rule
};

}  // namespace

int main(int argc, char** argv) {
  std::string data = "../shared/datasets", json_path;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--data")
      data = argv[i + 1];
    else if (flag == "--json")
      json_path = argv[i + 1];
    else {
      std::cerr << "repair_reach: error: unknown option " << flag << "\n";
      return 2;
    }
  }
  auto tasks = bench::load_dafnybench(data + "/dafnybench");
  if (!tasks.ok()) {
    std::cerr << tasks.error() << "\n";
    return 2;
  }
  std::map<std::string, const bench::BenchTask*> by_id;
  for (const auto& t : *tasks) by_id[t.task.id] = &t;

  std::vector<fs::path> models;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(data + "/dafnybench/model_outputs", ec))
    if (entry.path().extension() == ".json") models.push_back(entry.path());
  std::sort(models.begin(), models.end());
  if (models.empty()) {
    std::cerr << "repair_reach: error: no model outputs under " << data
              << "/dafnybench/model_outputs\n";
    return 2;
  }

  nlohmann::json report = nlohmann::json::object();
  std::cout << "| model | answers | reach the verifier | refused by the audit | unusable | "
               "a repair round now reaches |\n|---|---|---|---|---|---|\n";
  ModelCount total;
  for (const auto& path : models) {
    auto outputs = bench::load_published_outputs(path.string());
    if (!outputs.ok()) {
      std::cerr << outputs.error() << "\n";
      return 2;
    }
    ModelCount count;
    for (const auto& [file, output] : outputs->by_file) {
      auto task = by_id.find(file);
      if (task == by_id.end()) {
        ++count.no_task;
        continue;
      }
      ++count.answers;
      const Task& t = task->second->task;
      auto generator = bench::make_published_generator(outputs->model, output);
      auto raw = generator->generate(t, 1, Deadline::after_seconds(60));
      if (!raw.ok() || raw->empty() || !(*raw)[0].rejected.empty()) {
        ++count.unusable;
        continue;
      }
      auto findings = audit_candidate(t.language, t.spec_text, (*raw)[0].text, t.kind, t.spec_path);
      if (findings.empty()) {
        ++count.clean;
      } else {
        ++count.refused;
        ++count.refused_by_rule[findings.front().rule];
      }
    }
    const int reached = count.refused + count.unusable;
    std::cout << "| " << outputs->model << " | " << count.answers << " | " << count.clean << " | "
              << count.refused << " | " << count.unusable << " | " << reached << " (0 before) |\n";
    report[outputs->model] = {
        {"answers", count.answers},          {"reach_verifier", count.clean},
        {"refused_by_audit", count.refused}, {"unusable", count.unusable},
        {"without_task", count.no_task},     {"refused_by_rule", count.refused_by_rule},
        {"repair_reaches_now", reached},     {"repair_reached_before", 0}};
    total.answers += count.answers;
    total.refused += count.refused;
    total.unusable += count.unusable;
    for (const auto& [rule, n] : count.refused_by_rule) total.refused_by_rule[rule] += n;
  }
  std::cout << "\nrefusals by the audit's first finding, all models:\n";
  for (const auto& [rule, n] : total.refused_by_rule)
    std::cout << "  " << rule << ": " << n << "\n";
  std::cout << "\n"
            << total.refused + total.unusable << " of " << total.answers
            << " answers were dead ends and now get a repair request (with --rounds >= 1)\n";
  if (!json_path.empty()) std::ofstream(json_path) << report.dump(2) << "\n";
  return 0;
}
