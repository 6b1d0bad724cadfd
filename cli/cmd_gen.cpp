/// `verigen gen SPEC [--provider builtin|openai|replay] [--model M] [-k N] [--rounds R]
///                   [--target py] [--out DIR] [--json]`: a spec in, verified code and a
/// certificate out.

#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <optional>

#include "backends/lean/lean_backend.h"
#include "backends/lean/lean_toolchain.h"
#include "backends/verifier_stack.h"
#include "cli/assumption_option.h"
#include "cli/commands.h"
#include "cli/source_input.h"
#include "core/file_io.h"
#include "core/json_document.h"
#include "core/progress.h"
#include "core/verdict_json.h"
#include "deliver/gen_output.h"
#include "deliver/python_examples.h"
#include "gen/best_failure.h"
#include "gen/generator_factory.h"
#include "gen/pipeline.h"
#include "gen/size_limits.h"
#include "rank/scorer.h"
#include "specs/dafny/spec_file.h"
#include "specs/fstar/fstar_spec.h"
#include "specs/integrity_audit.h"
#include "specs/lean/clever_stage.h"
#include "specs/lean/lean_spec.h"

namespace verigen::cli {
namespace {
namespace fs = std::filesystem;

/// The models behind '+'-separated sample origins ("openai:gpt-4o#generate0" -> "gpt-4o"), as
/// the Dafny ranking model knows its writers: samples of one model that agree count once each.
std::string model_names(const std::string& origins) {
  std::string out;
  for (std::size_t start = 0; start <= origins.size();) {
    std::size_t plus = origins.find('+', start);
    if (plus == std::string::npos) plus = origins.size();
    std::string origin = origins.substr(start, plus - start);
    start = plus + 1;
    // "…#generate3+retry" marks a sample asked for again, not a second writer.
    if (origin.empty() || origin == "retry") continue;
    if (auto colon = origin.find(':'); colon != std::string::npos) origin.erase(0, colon + 1);
    if (auto hash = origin.find('#'); hash != std::string::npos) origin.erase(hash);
    out += (out.empty() ? "" : "+") + origin;
  }
  return out;
}

/// This process's peak resident set size in KiB (VmHWM), 0 when unknown. Children (Dafny) are
/// not included: it measures verigen itself.
long peak_rss_kib() {
  auto status = read_file("/proc/self/status");
  if (!status.ok()) return 0;
  auto at = status->find("VmHWM:");
  return at == std::string::npos ? 0 : std::atol(status->c_str() + at + 6);
}

struct GenCommandOptions {
  std::string spec;
  GeneratorOptions generator;
  int k = 5;
  int rounds = 2;
  int repair_width = 2;
  int repairs_per_failure = 1;
  int jobs = 2;
  std::string target = "py";
  std::string out_dir;
  std::string kind;
  double timeout = 1800;
  double verify_timeout = 300;
  int time_limit = 20;
  std::string clever_task = "implementation";
  std::string generated_spec;  ///< CLEVER isomorphism stage: the spec stage's answer (a file)
  std::string implementation;  ///< CLEVER correctness stage: the implementation stage's answer
  std::string lean_project;
  std::vector<std::string> fstar_includes;
  bool json = false;
  bool no_cache = false;
  bool no_rank = false;
  std::string scorer_model;
  std::string key_file;
  std::size_t max_candidate_bytes = kDefaultMaxCandidateBytes;
  std::vector<std::string> allowed_assumptions;
  std::string reference;  ///< a Dafny program whose contracts the answer must not weaken
};

/// "1 candidate", "3 candidates".
std::string counted(std::size_t n, const std::string& noun) {
  return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

/// The task a spec file asks for, in any language gen supports.
Result<Task> load_task(const SourceFile& source, const GenCommandOptions& options) {
  switch (source.language) {
    case Language::Dafny: {
      std::optional<TaskKind> forced;
      if (!options.kind.empty()) forced = task_kind_from_string(options.kind);
      return dafny::parse_spec(source.path, source.text, forced);
    }
    case Language::Lean: {
      if (source.text.find("start_def") == std::string::npos)
        return lean::parse_lean_spec(source.path, source.text);
      // A CLEVER problem: --task picks one of its four stages, staged as CLEVER stages it.
      auto problem = lean::read_clever_problem(source.path, source.text);
      if (!problem.ok()) return fail(problem.error());
      lean::StageInputs inputs;
      for (auto [file, slot] : {std::pair{&options.generated_spec, &inputs.generated_spec_body},
                                std::pair{&options.implementation, &inputs.implementation}}) {
        if (file->empty()) continue;
        auto text = read_file(*file);
        if (!text.ok()) return fail(text.error());
        *slot = *text;
      }
      return lean::clever_stage_task(*problem, *lean::stage_from_name(options.clever_task), inputs);
    }
    case Language::FStar:
      return fstar::parse_fstar_spec(source.path, source.text);
    default:
      return fail(source.path +
                  ": error: loop-invariant problems (.sl) are solved by 'verigen inv'");
  }
}

/// The live line on a terminal: stage, candidates tried and verified, elapsed time.
class GenProgress {
 public:
  explicit GenProgress(int expected) : progress_("gen", static_cast<std::size_t>(expected)) {}
  void settled(const CandidateRecord& r) {
    bool ok = r.verdict && r.verdict->verified();
    progress_.advance("candidate " + std::to_string(r.id) + (r.round ? " (repair)" : "") + ": " +
                          (r.verdict ? std::string(to_string(r.verdict->outcome)) : r.rejected),
                      !ok);
  }
  void finish() { progress_.finish(); }

 private:
  Progress progress_;
};

int run_gen(const GenCommandOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  // One deadline for the whole run: generation, verification, compilation and the examples.
  const Deadline run_deadline = Deadline::after_seconds(options.timeout);
  auto source = read_source(options.spec);
  if (!source.ok()) {
    std::cerr << source.error() << "\n";
    return kExitBadInput;
  }
  auto task = load_task(*source, options);
  if (!task.ok()) {
    std::cerr << task.error() << "\n";
    return kExitBadInput;
  }
  // A bad key is found before the long run, not when the certificate is written.
  auto key = CertificateKey::configured(options.key_file);
  if (!key.ok()) {
    std::cerr << key.error() << "\n";
    return kExitBadInput;
  }

  SubprocessRunner runner;
  VerifierOptions verifier_options;
  verifier_options.backends.dafny.verification_time_limit = options.time_limit;
  verifier_options.backends.lean.project_dir = options.lean_project;
  verifier_options.backends.fstar.include_dirs = options.fstar_includes;
  verifier_options.use_cache = !options.no_cache;
  auto verifier = make_verifier(task->language, runner, verifier_options);
  if (!verifier.ok()) {
    std::cerr << options.spec << ": error: " << verifier.error() << "\n";
    return kExitBadInput;
  }
  if (const auto& missing = (*verifier)->missing(); !missing.empty()) {
    std::cerr << missing << "\n";
    return kExitToolMissing;
  }
  // CLEVER's problems are written for one Lean and one Mathlib: checked before any work, and
  // named in the certificate.
  std::string toolchain_note;
  if (task->language == Language::Lean && lean::stage_from_name(task->category)) {
    const std::string project =
        options.lean_project.empty() ? lean::find_lake_project(source->path) : options.lean_project;
    auto found =
        lean::probe_lean_toolchain(runner, project, run_deadline.capped(std::chrono::seconds(60)));
    std::string mismatch = !found.ok()
                               ? found.error() + "; CLEVER needs Lean " + lean::kCleverLeanVersion +
                                     " with Mathlib " + lean::kCleverMathlibRevision +
                                     " (a CLEVER Lake project: --lean-project)"
                               : lean::toolchain_mismatch(*found, lean::kCleverLeanVersion,
                                                          lean::kCleverMathlibRevision);
    if (!mismatch.empty()) {
      std::cerr << mismatch << "\n";
      return kExitToolMissing;
    }
    toolchain_note = "; lean=" + found->lean_version + "; mathlib=" + found->mathlib_revision;
  }
  Backend& tool = (*verifier)->tool();
  Backend& backend = (*verifier)->backend();
  const std::string target = task->language == Language::Dafny ? options.target : "";

  auto generator = make_generator(options.generator, backend, &runner);
  if (!generator.ok()) {
    std::cerr << generator.error() << "\n";
    return kExitBadInput;
  }

  const std::string out_dir =
      options.out_dir.empty() ? (fs::path("verigen-out") / fs::path(source->path).stem()).string()
                              : options.out_dir;
  // Checked before anything is written: a wrong --reference leaves no output folder behind.
  std::string reference_text;
  if (!options.reference.empty()) {
    if (task->language != Language::Dafny || task->kind != TaskKind::Specify) {
      std::cerr << options.reference << ": error: --reference applies to Dafny specify tasks; "
                << source->path << " is a " << to_string(task->kind) << " task\n";
      return kExitBadInput;
    }
    auto reference = read_file(options.reference);
    if (!reference.ok()) {
      std::cerr << reference.error() << "\n";
      return kExitBadInput;
    }
    reference_text = std::move(*reference);
  }
  std::error_code ec;
  fs::create_directories(out_dir, ec);
  auto opened_log = RunLog::open((fs::path(out_dir) / "run.jsonl").string());
  if (!opened_log.ok()) {
    std::cerr << opened_log.error() << "\n";
    return kExitBadInput;
  }
  RunLog& log = **opened_log;

  PipelineOptions pipeline_options;
  pipeline_options.k = options.k;
  pipeline_options.rounds = options.rounds;
  pipeline_options.repair_width = options.repair_width;
  pipeline_options.repairs_per_failure = options.repairs_per_failure;
  pipeline_options.jobs = options.jobs;
  pipeline_options.verify_timeout_seconds = options.verify_timeout;
  pipeline_options.max_candidate_bytes = options.max_candidate_bytes;
  pipeline_options.deadline = run_deadline;
  pipeline_options.allowed_assumptions = options.allowed_assumptions;
  pipeline_options.reference = std::move(reference_text);
  auto auditor = [allowed = options.allowed_assumptions](const Task& t,
                                                         const std::string& candidate) {
    return audit_task_candidate(t, candidate, allowed);
  };
  // Candidates are verified best-scored first; the scorer only orders them, it never decides.
  std::optional<rank::Scorer> loaded_scorer;
  Ranker ranker;
  if (!options.no_rank) {
    if (!options.scorer_model.empty()) {
      auto model = rank::Scorer::load(options.scorer_model);
      if (!model.ok()) {
        std::cerr << model.error() << "\n";
        return kExitBadInput;
      }
      loaded_scorer = std::move(*model);
    }
    // A Dafny annotate task's samples take the pool's path: the Dafny ranking model (trained on
    // DafnyBench's models' annotations) weighs how many samples wrote the same program and
    // whether one can be an answer at all; every other task keeps the token model.
    const bool dafny_annotate =
        task->language == Language::Dafny && task->kind == TaskKind::Annotate;
    const rank::Scorer* scorer = loaded_scorer    ? &*loaded_scorer
                                 : dafny_annotate ? &rank::Scorer::default_dafny_model()
                                                  : &rank::Scorer::default_model();
    ranker = [scorer](const Task& t, const std::string& candidate, const std::string& origins) {
      return scorer->score(scorer->prepare(t.spec_text), candidate, model_names(origins));
    };
  }
  Pipeline pipeline(**generator, backend, auditor, ranker, log, pipeline_options);
  GenProgress progress(options.k);
  pipeline.on_progress([&](const CandidateRecord& r) { progress.settled(r); });
  PipelineResult result = pipeline.run(*task);
  progress.finish();

  auto ms = [](auto d) { return std::chrono::duration_cast<std::chrono::milliseconds>(d).count(); };
  nlohmann::json report = {{"spec", source->path},
                           {"kind", std::string(to_string(task->kind))},
                           {"provider", (*generator)->name()},
                           {"candidates", result.candidates.size()},
                           {"verifier_calls", result.verifier_calls},
                           {"generator_verifier_calls", result.generator_verifier_calls},
                           {"out", out_dir}};
  int integrity = 0;
  for (const auto& r : result.candidates) integrity += r.findings.empty() ? 0 : 1;
  report["integrity_rejections"] = integrity;

  int exit_code = kExitNotVerified;
  std::string summary;
  long long compile_ms = 0, examples_ms = 0;
  if (!result.failure.empty()) {
    summary = result.failure;
    report["error"] = result.failure;
    exit_code = kExitBadInput;
  } else if (!result.winner) {
    summary = source->path + ": not verified: " + counted(result.candidates.size(), "candidate") +
              " tried, none verified (see " + out_dir + "/run.jsonl)";
    // Show what came closest, with the verifier's first errors, so the user need not dig in
    // the run log.
    auto best = report_best_failure(*task, result, out_dir);
    if (!best.ok()) {
      std::cerr << best.error() << "\n";
    } else if (*best) {
      summary += "\n" + best_failure_text(**best);
      report["best_candidate"] = best_failure_json(**best);
    }
  } else {
    nlohmann::json trusted = nlohmann::json::array();
    if (result.winner->verdict)
      for (const auto& a : result.winner->verdict->assumptions)
        trusted.push_back(assumption_to_json(a));
    report["assumptions"] = trusted;
    if (!result.winner->contract.empty())
      report["contract"] = {{"strength", result.winner->contract},
                            {"declarations", result.winner->contract_summary}};
    GenProvenance provenance;
    provenance.verifier = tool.name() + " " + tool.version();
    if (task->language == Language::Dafny) provenance.dafny_version = tool.version();
    provenance.z3_version = tool.solver_version();
    provenance.verifier_options = tool.options_fingerprint() + toolchain_note;
    provenance.provider = (*generator)->name();
    provenance.model = options.generator.model;
    provenance.timings = {{"generation_ms", result.generation_time.count()},
                          {"verification_ms", result.verification_time.count()},
                          {"total_ms", ms(std::chrono::steady_clock::now() - started)}};
    if (result.winner->verdict) provenance.assumptions = result.winner->verdict->assumptions;
    const auto spent = (*generator)->usage();
    provenance.generation = {{"k", options.k},
                             {"requests", spent.requests},
                             {"prompt_tokens", spent.prompt_tokens},
                             {"completion_tokens", spent.completion_tokens},
                             {"rounds", options.rounds},
                             {"candidates", result.candidates.size()},
                             {"verifier_calls", result.verifier_calls},
                             {"winner", result.winner->id},
                             {"winner_round", result.winner->round}};
    auto compile_started = std::chrono::steady_clock::now();
    auto artifacts =
        write_gen_program(runner, out_dir, *task, result.winner->text, target, run_deadline);
    if (!artifacts.ok()) {
      summary = artifacts.error();
      report["error"] = artifacts.error();
    } else {
      compile_ms = ms(std::chrono::steady_clock::now() - compile_started);
      report["outputs"] = {{"dafny", artifacts->verified_source},
                           {"entry_point", artifacts->entry_point}};
      auto outputs = [&](const std::string& source_label) {
        return "\n  " + source_label + ": " + artifacts->verified_source +
               (target.empty() ? ""
                               : "\n  " + target + ": " + artifacts->entry_point +
                                     "\n  run: " + artifacts->run_command);
      };
      std::string example_lines;
      int examples_failed = 0;
      if (target == "py" && !task->examples.empty()) {
        auto examples_started = std::chrono::steady_clock::now();
        auto runs =
            run_python_examples(runner, fs::path(artifacts->entry_point).parent_path().string(),
                                task->examples, run_deadline);
        nlohmann::json examples = nlohmann::json::array();
        for (const auto& run : runs) {
          examples.push_back({{"call", run.example.input},
                              {"expected", run.example.expected},
                              {"actual", run.actual},
                              {"passed", run.passed}});
          example_lines += "\n  example " + run.example.input + " == " + run.example.expected +
                           ": " + (run.passed ? "ok" : "FAILED (got " + run.actual + ")");
          if (!run.passed) ++examples_failed;
        }
        report["examples"] = examples;
        report["examples_failed"] = examples_failed;
        examples_ms = ms(std::chrono::steady_clock::now() - examples_started);
      } else if (!task->examples.empty()) {
        example_lines = "\n  examples not run: they run against --target py only";
      }
      const std::string winner =
          "candidate " + std::to_string(result.winner->id) + ", " + result.winner->origin;
      if (examples_failed > 0) {
        // The program meets the spec's contract yet not its examples: the run as a whole is
        // not verified, and no certificate vouches for it (the marked files name a certificate
        // that does not exist, so `verigen check` refuses them).
        const std::string why = std::to_string(examples_failed) + " of " +
                                std::to_string(task->examples.size()) + " example" +
                                (task->examples.size() == 1 ? "" : "s") + " failed";
        summary = source->path + ": not verified: " + why + " (" + winner +
                  " meets the spec's contract, which may be weaker than its examples); no "
                  "certificate written" +
                  example_lines + outputs("source, for inspection");
        report["error"] = why + "; no certificate written";
      } else if (auto certified =
                     write_gen_certificate(*task, result.winner->text, target, provenance,
                                           *artifacts, *key ? &**key : nullptr);
                 !certified.ok()) {
        summary = certified.error();
        report["error"] = certified.error();
      } else {
        exit_code = kExitOk;
        report["outputs"]["certificate"] = artifacts->certificate;
        summary = source->path + ": verified (" + winner + ")" + outputs("verified source") +
                  "\n  certificate: " + artifacts->certificate + example_lines;
      }
    }
  }
  // The run's verdict in the shared vocabulary: verified only once the certificate is written;
  // otherwise what the closest candidate came to, or why the run could not get that far.
  if (exit_code == kExitOk) {
    set_verdict_fields(report, Outcome::Verified, Cause::None, "");
  } else if (!result.failure.empty()) {
    set_verdict_fields(report, Outcome::Error, Cause::BadInput, result.failure);
  } else if (!result.winner) {
    const CandidateRecord* closest = nullptr;
    for (const auto& r : result.candidates)
      if (r.verdict && (!closest || combine(r.verdict->outcome, closest->verdict->outcome) ==
                                        closest->verdict->outcome))
        closest = &r;
    if (closest)
      set_verdict_fields(report, closest->verdict->outcome, closest->verdict->cause,
                         closest->verdict->detail);
    else
      set_verdict_fields(report, Outcome::Error, Cause::BadOutput, "no usable candidate");
  } else {
    // A verified candidate whose examples failed, or whose output could not be written.
    bool examples = report.contains("examples_failed") && report["examples_failed"].get<int>() > 0;
    set_verdict_fields(report, examples ? Outcome::Refuted : Outcome::Error,
                       examples ? Cause::None : Cause::Internal,
                       report.value("error", std::string()));
  }
  report["elapsed_ms"] = ms(std::chrono::steady_clock::now() - started);
  // Where the time went: the verifier, Dafny's compiler and python3 run as child processes;
  // the rest is verigen's own work (parsing, prompting, auditing, hashing, bookkeeping).
  report["timings"] = {{"generation_ms", result.generation_time.count()},
                       {"verification_ms", result.verification_time.count()},
                       {"compile_ms", compile_ms},
                       {"examples_ms", examples_ms},
                       {"child_processes_ms", total_child_time().count()},
                       {"total_ms", report["elapsed_ms"]}};
  auto usage = (*generator)->usage();
  report["usage"] = {{"requests", usage.requests},
                     {"prompt_tokens", usage.prompt_tokens},
                     {"completion_tokens", usage.completion_tokens},
                     {"stopped", usage.stopped}};
  report["peak_rss_kib"] = peak_rss_kib();
  if (!result.failure.empty()) std::cerr << result.failure << "\n";
  if (options.json) {
    std::cout << json_document("gen", report).dump(2) << "\n";
  } else if (result.failure.empty()) {
    std::cout << summary << "\n";
    std::cout << "  " << counted(result.candidates.size(), "candidate") << ", " << integrity
              << " rejected by the integrity audit, "
              << counted(result.verifier_calls, "verifier call")
              << (result.generator_verifier_calls > 0
                      ? " (" + std::to_string(result.generator_verifier_calls) +
                            " of them by the " + (*generator)->name() + " generator)"
                      : "")
              << ", " << report["elapsed_ms"].get<long long>() / 1000.0 << " s\n";
    if (usage.requests > 0)
      std::cout << "  model: " << counted(static_cast<std::size_t>(usage.requests), "request")
                << ", " << usage.prompt_tokens << " prompt + " << usage.completion_tokens
                << " completion tokens" << (usage.stopped.empty() ? "" : "; " + usage.stopped)
                << "\n";
  }
  return exit_code;
}

}  // namespace

void register_gen(CLI::App& app, int& exit_code) {
  auto o = std::make_shared<GenCommandOptions>();
  auto* cmd = app.add_subcommand("gen", "Fill a spec's holes, verify, repair, compile, certify");
  cmd->add_option("spec", o->spec, "Spec file (.dfy, .lean, .fst)")->required();
  cmd->add_option("--task", o->clever_task,
                  "For a CLEVER problem: spec, isomorphism, implementation or correctness")
      ->check(CLI::IsMember({"spec", "isomorphism", "implementation", "correctness"}));
  cmd->add_option("--generated-spec", o->generated_spec,
                  "CLEVER isomorphism stage: a file holding the spec stage's answer (default: the "
                  "problem's own generated_spec_body)")
      ->check(CLI::ExistingFile);
  cmd->add_option("--implementation", o->implementation,
                  "CLEVER correctness stage: a file holding the implementation stage's answer "
                  "(default: the problem's own implementation)")
      ->check(CLI::ExistingFile);
  cmd->add_option("--lean-project", o->lean_project, "Lake project to check Lean candidates in");
  cmd->add_option("--include", o->fstar_includes, "F* include directory (repeatable)");
  cmd->add_option("--provider", o->generator.provider,
                  "builtin (default, offline), openai or replay")
      ->check(CLI::IsMember({"builtin", "openai", "replay"}));
  cmd->add_option("--model", o->generator.model, "Model name (openai; default $VERIGEN_MODEL)");
  cmd->add_option("-k", o->k, "Candidates in the first round")->check(CLI::PositiveNumber);
  cmd->add_option("--rounds", o->rounds, "Repair rounds")->check(CLI::NonNegativeNumber);
  cmd->add_option("--repair-width", o->repair_width,
                  "Failed candidates repaired per round (verifier failures first, then audit "
                  "refusals and unusable answers)")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  cmd->add_option("--repairs-per-failure", o->repairs_per_failure,
                  "Repairs asked for each failed candidate")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  cmd->add_option("--repair-model", o->generator.repair_model,
                  "Model for repairs (default: the generating model)");
  cmd->add_option("--repair-provider", o->generator.repair_provider,
                  "Provider for repairs: openai or replay (default: --provider)")
      ->check(CLI::IsMember({"openai", "replay"}));
  cmd->add_option("--prompts", o->generator.prompts_dir,
                  "Folder of prompt templates (LANGUAGE/KIND.txt) overriding the embedded ones")
      ->check(CLI::ExistingDirectory);
  cmd->add_option("--max-tokens", o->generator.max_tokens,
                  "Token budget per answer (default: verigen.toml's max_tokens, else 4096)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--max-requests", o->generator.budget.max_requests,
                  "Requests to the model in the whole run at most (0: no limit)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  cmd->add_option("--max-verifier-calls", o->generator.max_verifier_calls,
                  "Verifier calls the builtin provider makes per task at most (0: no limit)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  cmd->add_option("--history-tokens", o->generator.history_tokens,
                  "Tokens (estimated) of earlier attempts and their errors a repair request "
                  "carries, newest first (0: none)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  cmd->add_option("--max-tokens-total", o->generator.budget.max_tokens_total,
                  "Prompt + completion tokens in the whole run at most (0: no limit)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  cmd->add_option("--jobs,-j", o->jobs, "Candidates verified in parallel")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--target", o->target, "Compile the verified program to py, js, cs, java or go")
      ->check(CLI::IsMember({"py", "js", "cs", "java", "go"}));
  cmd->add_option("--out", o->out_dir, "Output directory (default verigen-out/<spec name>)");
  cmd->add_option("--kind", o->kind, "Force the task kind")
      ->check(CLI::IsMember({"implement", "annotate", "specify"}));
  cmd->add_option("--timeout", o->timeout,
                  "Wall-clock limit for the whole run (generation, verification, compilation, "
                  "examples), seconds");
  cmd->add_option("--verify-timeout", o->verify_timeout,
                  "Wall-clock limit per verification, seconds");
  cmd->add_option("--verification-time-limit", o->time_limit,
                  "Dafny's limit per assertion batch, seconds");
  cmd->add_option("--temperature", o->generator.temperature, "Sampling temperature (openai)");
  cmd->add_option("--seed", o->generator.seed, "Sampling seed (openai)");
  cmd->add_option("--cassette", o->generator.cassette, "Recorded answers (replay provider)");
  cmd->add_option("--record", o->generator.record,
                  "Record the provider's answers to this cassette");
  cmd->add_option("--max-response-size", o->generator.max_response_bytes,
                  "Largest model answer read (openai, replay), e.g. 8MiB; more is an error")
      ->transform(CLI::AsSizeValue(false))
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  cmd->add_option("--max-candidate-size", o->max_candidate_bytes,
                  "Largest candidate program verified, e.g. 1MiB; a larger one is rejected")
      ->transform(CLI::AsSizeValue(false))
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  cmd->add_flag("--json", o->json, "Print one JSON document on stdout");
  cmd->add_flag("--no-cache", o->no_cache, "Neither read nor write the verification cache");
  cmd->add_flag("--no-rank", o->no_rank,
                "Verify candidates in the provider's order, not the scorer's");
  cmd->add_option("--scorer", o->scorer_model, "Scorer model file (default: the shipped one)");
  cmd->add_option("--reference", o->reference,
                  "Dafny specify: a program whose contracts the answer must be at least as strong "
                  "as (each declaration equivalent or stronger, proved by Dafny)");
  cmd->add_option("--allow-assumption", o->allowed_assumptions,
                  "Trust assumptions of this kind (KIND or KIND:Declaration; repeatable): by "
                  "default a candidate may keep only the spec's own assumptions")
      ->check(assumption_allowance_validator());
  cmd->add_option("--key-file", o->key_file,
                  "Certificate key: sign the certificate with HMAC-SHA256 (default "
                  "$VERIGEN_CERT_KEY_FILE, else the key in $VERIGEN_CERT_KEY)");
  cmd->callback([o, &exit_code] { exit_code = run_gen(*o); });
}

}  // namespace verigen::cli
