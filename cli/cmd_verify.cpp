/// `verigen verify [--json] [--sarif FILE] [--jobs N] [--timeout SEC] FILE...`

#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include "backends/backend_factory.h"
#include "cli/commands.h"
#include "cli/source_input.h"
#include "cli/verify_report.h"
#include "core/caching_backend.h"
#include "core/file_io.h"
#include "core/parallel.h"
#include "core/progress.h"
#include "specs/integrity_audit.h"

namespace verigen::cli {
namespace {

struct VerifyOptions {
  std::vector<std::string> files;
  bool json = false;
  std::string sarif;
  int jobs = 0;
  double timeout = 600;
  int time_limit = 20;
  bool no_cache = false;
  std::string symbol;
  std::string against;
  std::string kind = "implement";
  std::string lean_project;
  std::vector<std::string> fstar_includes;
};

/// Prints finished results in input order as soon as every earlier file is done, so a long run
/// shows its results as it goes and an interrupted one has printed all it finished.
class OrderedPrinter {
 public:
  explicit OrderedPrinter(const std::vector<FileVerdict>& results, bool enabled)
      : results_(results), done_(results.size(), false), enabled_(enabled) {}
  void finished(std::size_t index, Progress& progress) {
    std::lock_guard<std::mutex> lock(mutex_);
    done_[index] = true;
    if (!enabled_) return;
    while (next_ < done_.size() && done_[next_]) {
      progress.finish();
      std::cout << render_text({results_[next_]}) << std::flush;
      ++next_;
    }
  }

 private:
  std::mutex mutex_;
  const std::vector<FileVerdict>& results_;
  std::vector<bool> done_;
  std::size_t next_ = 0;
  bool enabled_;
};

int run_verify(const VerifyOptions& options) {
  SubprocessRunner runner;
  BackendOptions backend_options;
  backend_options.dafny.verification_time_limit = options.time_limit;
  backend_options.lean.project_dir = options.lean_project;
  backend_options.fstar.include_dirs = options.fstar_includes;
  VerificationCache cache(VerificationCache::default_directory());
  if (!options.no_cache) backend_options.dafny.version_memo_dir = cache.directory() + "/tools";

  // Inputs are read and checked before any tool runs: a bad file costs nothing else.
  std::optional<SourceFile> original;
  if (!options.against.empty()) {
    auto read = read_source(options.against);
    if (!read.ok()) {
      std::cout << read.error() << "\n";
      return kExitBadInput;
    }
    original = std::move(*read);
  }
  std::vector<FileVerdict> results(options.files.size());
  std::vector<std::optional<SourceFile>> sources(options.files.size());
  std::map<Language, std::unique_ptr<Backend>> backends;
  std::map<Language, std::unique_ptr<Backend>> cached_backends;
  for (std::size_t i = 0; i < options.files.size(); ++i) {
    results[i].file = options.files[i];
    auto source = read_source(options.files[i]);
    if (!source.ok()) {
      results[i].verdict = Verdict::error(Cause::BadInput, source.error());
      continue;
    }
    Language language = source->language;
    if (!backends.count(language)) {
      auto backend = make_backend(language, runner, backend_options);
      if (!backend.ok()) {
        results[i].verdict = Verdict::error(Cause::BadInput, options.files[i] + ": error: " + backend.error());
        continue;
      }
      backends[language] = std::move(*backend);
      if (!options.no_cache)
        cached_backends[language] = std::make_unique<CachingBackend>(*backends[language], cache);
    }
    if (original) {
      // A candidate that changed what it must keep, or added an escape hatch, is never shown
      // to the verifier: the audit's findings are the verdict.
      auto findings = audit_candidate(source->language, original->text, source->text,
                                      *task_kind_from_string(options.kind), options.files[i]);
      if (!findings.empty()) {
        Verdict v = Verdict::refuted(findings, format_diagnostic(findings.front()));
        v.cause = Cause::Integrity;
        results[i].verdict = v;
        continue;
      }
    }
    sources[i] = std::move(*source);
  }

  const int jobs = options.jobs > 0 ? options.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  Progress progress("verify", options.files.size());
  OrderedPrinter printer(results, !options.json);
  parallel_for(options.files.size(), jobs, [&](std::size_t i) {
    if (sources[i]) {
      Candidate candidate;
      candidate.task_id = sources[i]->path;
      candidate.language = sources[i]->language;
      candidate.display_path = sources[i]->path;
      candidate.text = sources[i]->text;
      candidate.symbol = options.symbol;
      Backend& backend = options.no_cache ? *backends.at(candidate.language)
                                          : *cached_backends.at(candidate.language);
      results[i].verdict = backend.verify(candidate, Deadline::after_seconds(options.timeout));
    }
    progress.advance(results[i].file, !results[i].verdict.verified());
    printer.finished(i, progress);
  });
  progress.finish();

  if (options.json) {
    std::cout << render_json(results).dump(2) << "\n";
  } else if (results.size() > 1) {
    std::string all = render_text(results);
    std::cout << all.substr(all.rfind('\n', all.size() - 2) + 1);  // the totals line
  }
  if (!options.sarif.empty()) {
    auto written = write_file_atomic(options.sarif, render_sarif(results, "0.1.0").dump(2) + "\n");
    if (!written.ok()) {
      std::cerr << written.error() << "\n";
      return kExitBadInput;
    }
  }
  return exit_code_for(results);
}

}  // namespace

void register_verify(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<VerifyOptions>();
  auto* cmd = app.add_subcommand("verify", "Verify source files with the matching back-end");
  cmd->add_option("files", options->files, "Files to verify (.dfy, .lean, .fst, .fsti)")->required();
  cmd->add_flag("--json", options->json, "Print one JSON document on stdout");
  cmd->add_option("--sarif", options->sarif, "Also write a SARIF 2.1.0 log to FILE");
  cmd->add_option("--jobs,-j", options->jobs, "Files verified in parallel (0: one per core)")
      ->check(CLI::NonNegativeNumber)
      ->default_str("cores");
  cmd->add_option("--timeout", options->timeout, "Wall-clock limit per file, seconds (0: none)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--verification-time-limit", options->time_limit,
                  "Dafny's limit per assertion batch, seconds")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--symbol", options->symbol, "Verify only this symbol (Dafny --filter-symbol)");
  cmd->add_flag("--no-cache", options->no_cache, "Neither read nor write the verification cache");
  cmd->add_option("--against", options->against,
                  "Audit each file against this original: contracts, signatures and code kept, "
                  "no escape hatch added");
  cmd->add_option("--lean-project", options->lean_project,
                  "Lake project to check Lean files in (default: the nearest with a lakefile)");
  cmd->add_option("--include", options->fstar_includes, "F* include directory (repeatable)");
  cmd->add_option("--kind", options->kind, "What the files were allowed to change (with --against)")
      ->check(CLI::IsMember({"implement", "annotate", "specify"}));
  cmd->callback([options, &exit_code] { exit_code = run_verify(*options); });
}

}  // namespace verigen::cli
