/// `verigen verify [--json] [--sarif FILE] [--jobs N] [--timeout SEC] FILE...`

#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include "backends/verifier_stack.h"
#include "cli/assumption_option.h"
#include "cli/commands.h"
#include "cli/source_input.h"
#include "cli/verify_report.h"
#include "core/file_io.h"
#include "core/parallel.h"
#include "core/progress.h"
#include "specs/dafny/structure.h"
#include "specs/dafny/vacuity.h"
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
  std::vector<std::string> allowed_assumptions;
};

/// The declarations an implement candidate must fill: the original's body-less ones.
std::vector<std::string> implement_holes(const std::string& original) {
  std::vector<std::string> holes;
  auto structure = dafny::parse_structure(original);
  for (const auto& d : structure.declarations)
    if (!d.body && !d.by_method_body) holes.push_back(d.qualified_name);
  return holes;
}

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
  VerifierOptions verifier_options;
  verifier_options.backends.dafny.verification_time_limit = options.time_limit;
  verifier_options.backends.lean.project_dir = options.lean_project;
  verifier_options.backends.fstar.include_dirs = options.fstar_includes;
  verifier_options.use_cache = !options.no_cache;

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
  std::map<Language, std::unique_ptr<Verifier>> verifiers;
  for (std::size_t i = 0; i < options.files.size(); ++i) {
    results[i].file = options.files[i];
    auto source = read_source(options.files[i]);
    if (!source.ok()) {
      results[i].verdict = Verdict::error(Cause::BadInput, source.error());
      continue;
    }
    Language language = source->language;
    if (!verifiers.count(language)) {
      auto verifier = make_verifier(language, runner, verifier_options);
      if (!verifier.ok()) {
        results[i].verdict =
            Verdict::error(Cause::BadInput, options.files[i] + ": error: " + verifier.error());
        continue;
      }
      verifiers[language] = std::move(*verifier);
    }
    if (original) {
      // A candidate that changed what it must keep, or added an escape hatch, is never shown
      // to the verifier: the audit's findings are the verdict.
      auto findings = audit_candidate(source->language, original->text, source->text,
                                      *task_kind_from_string(options.kind), options.files[i],
                                      options.allowed_assumptions);
      if (!findings.empty()) {
        results[i].verdict = Verdict::rejected(findings);
        continue;
      }
    }
    sources[i] = std::move(*source);
  }

  const int jobs = options.jobs > 0
                       ? options.jobs
                       : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
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
      candidate.assumption_policy.allowed = options.allowed_assumptions;
      if (original) {
        // The original's own assumptions may stay; a hole the candidate had to fill may not.
        candidate.assumption_policy.has_original = true;
        candidate.assumption_policy.original = original->text;
        if (options.kind == "implement" && original->language == Language::Dafny)
          candidate.assumption_policy.holes = implement_holes(original->text);
      }
      Backend& backend = verifiers.at(candidate.language)->backend();
      const Deadline deadline = Deadline::after_seconds(options.timeout);
      results[i].verdict = backend.verify(candidate, deadline);
      if (original && options.kind == "specify" && candidate.language == Language::Dafny &&
          results[i].verdict.verified()) {
        // Preconditions nothing can satisfy make any body verify: not an answer to the spec.
        auto vacuous =
            dafny::find_vacuous_preconditions(backend, original->text, candidate, deadline);
        if (!vacuous.empty()) {
          Verdict refused = Verdict::rejected(vacuous);
          refused.tool_version = results[i].verdict.tool_version;
          results[i].verdict = refused;
        }
      }
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
  const int exit_code = exit_code_for(results);
  if (!options.sarif.empty()) {
    auto written =
        write_file_atomic(options.sarif, render_sarif(results, "0.1.0", exit_code).dump(2) + "\n");
    if (!written.ok()) {
      std::cerr << written.error() << "\n";
      return kExitBadInput;
    }
  }
  return exit_code;
}

}  // namespace

void register_verify(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<VerifyOptions>();
  auto* cmd = app.add_subcommand("verify", "Verify source files with the matching back-end");
  cmd->add_option("files", options->files, "Files to verify (.dfy, .lean, .fst, .fsti)")
      ->required();
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
  cmd->add_option("--allow-assumption", options->allowed_assumptions,
                  "Trust assumptions of this kind (KIND or KIND:Declaration; repeatable): by "
                  "default any assumption a proof rests on makes it not verified")
      ->check(assumption_allowance_validator());
  cmd->callback([options, &exit_code] { exit_code = run_verify(*options); });
}

}  // namespace verigen::cli
