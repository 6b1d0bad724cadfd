/// `verigen bench report DB` (markdown, JSON or SVG from a results database) and
/// `verigen bench merge DB... --into DB` (shards of a run into one database).

#include <iostream>
#include <memory>

#include "benchmarks/harness/metrics.h"
#include "benchmarks/harness/report.h"
#include "benchmarks/harness/result_store.h"
#include "cli/commands.h"
#include "core/file_io.h"

namespace verigen::cli {
namespace {

struct ReportOptions {
  std::string db;
  std::string format = "md";
  std::string out;
};

struct MergeOptions {
  std::vector<std::string> sources;
  std::string into;
};

int run_report(const ReportOptions& options) {
  // open_existing: a mistyped path must be an error, not a fresh empty database.
  auto store = bench::ResultStore::open_existing(options.db);
  if (!store.ok()) {
    std::cerr << store.error() << "\n";
    return kExitBadInput;
  }
  auto metrics = bench::compute_all(**store);
  std::string text;
  if (options.format == "json")
    text = bench::render_json(metrics).dump(2) + "\n";
  else if (options.format == "svg")
    text = bench::render_svg(metrics);
  else
    text = bench::render_markdown(metrics);

  if (options.out.empty()) {
    std::cout << text << std::flush;
    return std::cout ? kExitOk : kExitBadInput;
  }
  auto written = write_file_atomic(options.out, text);
  if (!written.ok()) {
    std::cerr << written.error() << "\n";
    return kExitBadInput;
  }
  return kExitOk;
}

int run_merge(const MergeOptions& options) {
  // Every source is checked before anything is copied, so a typo in the last argument does not
  // leave the target half merged.
  for (const auto& source : options.sources) {
    if (auto checked = bench::ResultStore::open_existing(source); !checked.ok()) {
      std::cerr << checked.error() << "\n";
      return kExitBadInput;
    }
  }
  auto into = bench::ResultStore::open(options.into);
  if (!into.ok()) {
    std::cerr << into.error() << "\n";
    return kExitBadInput;
  }
  for (const auto& source : options.sources) {
    auto merged = (*into)->merge(source);
    if (!merged.ok()) {
      std::cerr << merged.error() << "\n";
      return kExitBadInput;
    }
    const bench::MergeCounts& c = *merged;
    std::cout << "merged " << source << " into " << options.into << ": " << c.runs_seen
              << " run(s) (" << c.runs_added << " new), " << c.samples_seen << " sample(s) ("
              << c.samples_added << " new, " << (c.samples_seen - c.samples_added)
              << " already present)\n";
  }
  return kExitOk;
}

}  // namespace

void register_bench_report(CLI::App& bench, int& exit_code) {
  auto options = std::make_shared<ReportOptions>();
  auto* cmd = bench.add_subcommand(
      "report",
      "Report the runs of a results database: markdown tables (default), JSON, or one SVG 1.1 "
      "document holding the pass@k curves above the verified rate per category");
  cmd->add_option("db", options->db, "Results database written by `verigen bench run`")->required();
  cmd->add_option("--format", options->format,
                  "md (default), json, or svg (both charts stacked in one document)")
      ->check(CLI::IsMember({"md", "json", "svg"}));
  cmd->add_option("--out", options->out, "Write the report to FILE instead of stdout");
  cmd->callback([options, &exit_code] { exit_code = run_report(*options); });
}

void register_bench_merge(CLI::App& bench, int& exit_code) {
  auto options = std::make_shared<MergeOptions>();
  auto* cmd = bench.add_subcommand(
      "merge",
      "Merge results databases (e.g. the shards of a run) into one: runs are matched by their "
      "key, samples already present are kept, so merging again changes nothing");
  cmd->add_option("dbs", options->sources, "Results databases to copy from")->required();
  cmd->add_option("--into", options->into, "Database to merge into (created when absent)")
      ->required();
  cmd->callback([options, &exit_code] { exit_code = run_merge(*options); });
}

}  // namespace verigen::cli
