#include "benchmarks/harness/pipeline_attempt.h"

#include "backends/lean/lean_toolchain.h"
#include "backends/verifier_stack.h"
#include "benchmarks/harness/stage_chain.h"
#include "core/hash.h"
#include "core/process.h"
#include "core/text_lines.h"
#include "gen/builtin/builtin_generator.h"
#include "gen/generator_factory.h"
#include "gen/pipeline.h"
#include "specs/dafny/assumption_scan.h"
#include "specs/integrity_audit.h"
#include "specs/lean/clever_stage.h"

namespace verigen::bench {
namespace {

double seconds(std::chrono::milliseconds ms) { return static_cast<double>(ms.count()) / 1000.0; }

/// What every sample of a run shares: the tool, its cache and the log. Samples run on several
/// threads; the back-ends and the log are thread-safe.
struct Environment {
  SubprocessRunner runner;
  std::unique_ptr<Verifier> verifier;
  Backend* backend = nullptr;
  std::unique_ptr<RunLog> log;
  RunOptions options;
  std::shared_ptr<const PublishedOutputs> outputs;
  bool attempt_zero = false;  ///< the suite counts a hint-free program that verifies (DafnyBench)
  /// builtin runs only: the tasks it cannot attempt (id → why), recorded without running.
  std::map<std::string, std::string> unattempted;
  /// Stages later stages build on, run once per sample.
  StageChain chain;
};

std::string why_not(const CandidateRecord& r);

/// The one line that says why a sample failed, for reports that explain disagreements
/// (related messages of a diagnostic follow on the same line).
std::string failure_detail(const CandidateRecord& r) { return on_one_line(why_not(r)); }

std::string why_not(const CandidateRecord& r) {
  if (!r.rejected.empty()) return "no candidate: " + r.rejected;
  if (!r.findings.empty()) return "integrity: " + format_diagnostic(r.findings.front());
  if (!r.verdict) return "never verified (deadline reached first)";
  const Verdict& v = *r.verdict;
  if (v.cause == Cause::Timeout) return "timeout: " + v.detail;
  for (const auto& d : v.diagnostics)
    if (d.severity == Severity::Error) return format_diagnostic(d);
  return v.detail.empty() ? std::string(to_string(v.outcome)) : v.detail;
}

/// The sample's record from the pipeline's result: the winner, else the last candidate that
/// got furthest (a verdict beats an audit refusal beats an extraction failure).
void fill_record(const PipelineResult& result, SampleRecord& record) {
  record.verifier_calls = result.verifier_calls;
  record.verify_seconds = seconds(result.verification_time);
  record.generate_seconds = seconds(result.generation_time);
  if (result.winner) {
    record.outcome = Outcome::Verified;
    record.cause = Cause::None;
    record.verifier_outcome = Outcome::Verified;
    record.candidate_sha256 = sha256_hex(result.winner->text);
    record.contract = result.winner->contract;
    if (!result.winner->contract_summary.empty())
      record.detail = "contract: " + result.winner->contract_summary;
    return;
  }
  if (!result.failure.empty() && result.candidates.empty()) {
    record.outcome = Outcome::Error;
    record.cause = Cause::Internal;
    record.detail = result.failure;
    return;
  }
  const CandidateRecord* last = nullptr;
  for (const auto& r : result.candidates) {
    auto stage = [](const CandidateRecord& c) {
      return c.verdict && c.findings.empty() ? 2 : c.findings.empty() ? 0 : 1;
    };
    if (!last || stage(r) >= stage(*last)) last = &r;
  }
  if (!last) {
    record.outcome = Outcome::Error;
    record.cause = Cause::BadOutput;
    record.detail = "the generator produced no candidate";
    return;
  }
  record.detail = failure_detail(*last);
  record.candidate_sha256 = last->text.empty() ? "" : sha256_hex(last->text);
  if (last->verdict) {
    // The audit's refusal (Verdict::rejected) is a verdict on the candidate like any other.
    record.outcome = last->verdict->outcome;
    record.cause = last->verdict->cause;
    record.integrity_rejected = last->verdict->integrity_rejected();
    if (last->findings.empty()) record.verifier_outcome = record.outcome;  // the verifier ran
    // Judged against the reference only once it verified: weaker is the audit's refusal of a
    // candidate the verifier accepted, counted as such rather than hidden.
    if (!last->contract.empty()) {
      record.contract = last->contract;
      record.verifier_outcome = Outcome::Verified;
    }
  } else {
    record.outcome = Outcome::Error;
    record.cause = last->rejected.empty() ? Cause::Timeout : Cause::BadOutput;
  }
}

/// Replay only: the verifier's verdict on a candidate the audit refused, so that reports can
/// tell the verifier's disagreements with the dataset from the audit's. Same back-end (and
/// cache) and the same per-verification limit as the pipeline's own calls.
void verify_refused(Environment& env, const Task& task, const PipelineResult& result,
                    const PipelineOptions& options, SampleRecord& record) {
  const CandidateRecord* refused = nullptr;
  for (const auto& r : result.candidates)
    if (!r.findings.empty() && !r.text.empty()) refused = &r;
  if (!refused) return;
  Candidate candidate = candidate_for(task, refused->text);
  // The verifier's own answer, for comparison with the dataset's: every assumption trusted.
  // This verdict is only reported beside ours; the sample's outcome stays the audit's refusal.
  candidate.assumption_policy.allowed = assumption_kinds();
  candidate.origin = refused->origin;
  candidate.index = refused->id;
  Deadline deadline = options.deadline.capped(
      std::chrono::milliseconds(static_cast<long long>(options.verify_timeout_seconds * 1000)));
  Verdict verdict = env.backend->verify(candidate, deadline);
  ++record.verifier_calls;
  record.verify_seconds += seconds(verdict.elapsed);
  record.verifier_outcome = verdict.outcome;
  // The finding stays first (it decided the outcome); when the verifier failed too, its reason
  // follows, since verifier_outcome alone cannot say which error it was.
  if (!verdict.verified()) {
    CandidateRecord alone;
    alone.verdict = verdict;
    record.detail += "; verifier alone: " + failure_detail(alone);
  }
}

/// DafnyBench's attempt 0: a task whose hint-free program verifies as it is counts as solved,
/// whatever the model wrote (the published numbers and the recorded `0`s count it so). The
/// program must be free of escape hatches (it is verified on its own, trusting nothing), so an
/// `assume` in the dataset cannot make a task solved. On success the outcome and
/// verifier_outcome become Verified and the detail keeps why the output itself failed.
void try_attempt_zero(Environment& env, const Task& task, double timeout_seconds,
                      SampleRecord& record) {
  if (!dafny::scan_dafny_assumptions(task.spec_text, task.spec_path).empty()) return;
  Candidate program = candidate_for(task, task.spec_text);
  program.assumption_policy = {};  // the program on its own: nothing in it is trusted
  Verdict verdict = env.backend->verify(program, Deadline::after_seconds(timeout_seconds));
  ++record.verifier_calls;
  record.verify_seconds += seconds(verdict.elapsed);
  if (!verdict.verified()) return;
  record.outcome = Outcome::Verified;
  record.cause = Cause::None;
  record.verifier_outcome = Outcome::Verified;
  record.detail =
      "attempt 0: the hint-free program verifies as it is; the output: " + record.detail;
}

/// One sample of `task` (the bench task's own, or a chained stage staged from its earlier
/// stage's answer): the pipeline's record, and the winner's answer to the hole.
StageOutcome run_sample(Environment& env, const BenchTask& bench_task, const Task& task,
                        int sample) {
  StageOutcome outcome;
  SampleRecord& record = outcome.record;
  if (auto it = env.unattempted.find(task.id); it != env.unattempted.end()) {
    // Not a fault of verigen's (Internal) nor a verdict: the chosen provider cannot do it.
    // DafnyBench's attempt 0 still applies: it needs no candidate.
    record.outcome = Outcome::Error;
    record.cause = Cause::BadInput;
    record.detail = "not attempted: " + it->second;
    if (env.attempt_zero) try_attempt_zero(env, task, env.options.timeout, record);
    return outcome;
  }
  std::unique_ptr<CandidateGenerator> generator;
  if (env.outputs) {
    auto it = env.outputs->by_file.find(task.id);
    if (it == env.outputs->by_file.end()) {
      record.outcome = Outcome::Error;
      record.cause = Cause::BadOutput;
      record.detail = "no published output for this task in " + env.options.outputs.front();
      return outcome;
    }
    record.recorded = it->second.recorded;
    generator = make_published_generator(env.outputs->model, it->second);
  } else {
    GeneratorOptions g;
    g.provider = env.options.provider;
    g.model = env.options.model;
    g.seed = env.options.seed + sample;  // independent samples from a seeded model
    g.max_verifier_calls = env.options.max_verifier_calls;
    auto made = make_generator(g, *env.backend, &env.runner);
    if (!made.ok()) {
      record.outcome = Outcome::Error;
      record.cause = Cause::Internal;
      record.detail = made.error();
      return outcome;
    }
    generator = std::move(*made);
  }
  PipelineOptions p;
  p.k = 1;  // one candidate per sample: pass@k counts k independent samples
  p.rounds = env.options.outputs.empty() ? env.options.rounds : 0;
  p.jobs = 1;
  p.verify_timeout_seconds = env.options.timeout;
  // The builtin generator verifies inside generate() (Houdini); bound the whole sample too.
  p.deadline = Deadline::after_seconds(env.options.timeout * (env.options.rounds + 3));
  // A specify task with a ground truth (DafnyComp) is solved only by a contract at least as
  // strong as the ground truth's, as the published numbers judge it.
  if (task.kind == TaskKind::Specify) p.reference = bench_task.reference;
  auto auditor = [](const Task& t, const std::string& candidate) {
    return audit_task_candidate(t, candidate);
  };
  Pipeline pipeline(*generator, *env.backend, auditor, nullptr, *env.log, p);
  PipelineResult result = pipeline.run(task);
  fill_record(result, record);
  if (env.outputs && record.integrity_rejected) verify_refused(env, task, result, p, record);
  if (env.attempt_zero && record.outcome != Outcome::Verified)
    try_attempt_zero(env, task, env.options.timeout, record);
  auto usage = generator->usage();
  record.prompt_tokens = usage.prompt_tokens;
  record.completion_tokens = usage.completion_tokens;
  record.model_requests = usage.requests;
  if (result.winner)
    if (auto answers = locate_answers(task, result.winner->text); answers && answers->size() == 1)
      outcome.answer = result.winner->text.substr((*answers)[0].first,
                                                  (*answers)[0].second - (*answers)[0].first);
  return outcome;
}

SampleRecord not_attempted(const std::string& why) {
  SampleRecord record;
  record.outcome = Outcome::Error;
  record.cause = Cause::BadInput;
  record.detail = "not attempted: " + why;
  return record;
}

SampleRecord attempt(Environment& env, const BenchTask& bench_task, int sample) {
  if (!bench_task.blocked.empty()) return not_attempted(bench_task.blocked);
  if (bench_task.earlier && bench_task.stage_from) {
    const BenchTask& earlier = *bench_task.earlier;
    StageOutcome prior = env.chain.get(
        earlier.task.id, sample, [&] { return run_sample(env, earlier, earlier.task, sample); });
    if (!prior.answer)
      return not_attempted("the " + earlier.category + " stage has no verified answer in sample " +
                           std::to_string(sample) + " (" + prior.record.detail + ")");
    auto staged = bench_task.stage_from(*prior.answer);
    if (!staged.ok()) return not_attempted(staged.error());
    return run_sample(env, bench_task, *staged, sample).record;
  }
  return env.chain
      .get(bench_task.task.id, sample,
           [&] { return run_sample(env, bench_task, bench_task.task, sample); })
      .record;
}

/// Whether options.provider can run `tasks` at all, before any tool starts: a model provider
/// is configured; the builtin one can attempt some task (those it cannot go to `unattempted`),
/// or the suite has attempt 0, which needs no candidate. The refusal, exit code 2, or nullopt.
std::optional<SolverSetup> check_provider(const RunOptions& options, bool attempt_zero,
                                          const std::vector<BenchTask>& tasks,
                                          std::map<std::string, std::string>& unattempted,
                                          std::string& note) {
  if (options.provider == "builtin") {
    for (const auto& t : tasks)
      if (auto why = builtin_cannot_attempt(t.task)) unattempted[t.task.id] = *why;
    // Tasks builtin cannot attempt still count through attempt 0 where the suite has it, so
    // only a suite without it is refused when builtin can attempt none of its tasks.
    if (tasks.empty() || unattempted.size() < tasks.size() || attempt_zero) {
      if (!unattempted.empty())
        note = "bench: note: --provider builtin cannot attempt " +
               std::to_string(unattempted.size()) + " of the " + std::to_string(tasks.size()) +
               " selected " + options.suite +
               " tasks (it writes loop invariants only); they are recorded as not attempted "
               "(error, bad-input)" +
               (attempt_zero ? " unless attempt 0 solves them" : "");
      return std::nullopt;
    }
    // Every selected task is out of reach: say so once instead of recording an error per sample.
    const std::string& suite = options.suite;
    const std::string which = tasks.size() == 1 ? "the selected " + suite + " task"
                                                : "any of the " + std::to_string(tasks.size()) +
                                                      " selected " + suite + " tasks";
    return SolverSetup{nullptr,
                       "bench: error: --provider builtin cannot attempt " + which + " (" +
                           unattempted.begin()->second + "); " + suite +
                           " runs with --provider openai (a model)",
                       2};
  }
  if (options.provider == "openai") {
    // A model that is not configured would fail every sample alike: stop before the first.
    GeneratorOptions g;
    g.provider = options.provider;
    g.model = options.model;
    auto chain = make_llm_provider_chain(g, "bench");
    if (!chain.ok()) return SolverSetup{nullptr, chain.error(), 2};
  }
  return std::nullopt;
}

}  // namespace

SolverSetup make_pipeline_solver(const RunOptions& options, Language language,
                                 const std::vector<BenchTask>& tasks,
                                 std::shared_ptr<const PublishedOutputs> outputs,
                                 bool attempt_zero) {
  auto env = std::make_shared<Environment>();
  env->options = options;
  env->outputs = std::move(outputs);
  env->attempt_zero = attempt_zero;
  std::string note;
  if (!env->outputs)
    if (auto refused = check_provider(options, attempt_zero, tasks, env->unattempted, note))
      return std::move(*refused);
  VerifierOptions verifier_options;
  verifier_options.backends.dafny.verification_time_limit = options.verification_time_limit;
  verifier_options.backends.lean.project_dir = options.lean_project;
  verifier_options.use_cache = !options.no_cache;
  auto verifier = make_verifier(language, env->runner, verifier_options);
  if (!verifier.ok()) return {nullptr, "bench: error: " + verifier.error(), 2};
  env->verifier = std::move(*verifier);
  if (const auto& missing = env->verifier->missing(); !missing.empty())
    return {nullptr, missing, 3};
  if (language == Language::Lean) {
    // CLEVER's problems are written for one Lean and one Mathlib; any other makes the run
    // incomparable with the published one.
    auto found = lean::probe_lean_toolchain(env->runner, options.lean_project,
                                            Deadline::after(std::chrono::seconds(60)));
    std::string mismatch = !found.ok() ? found.error()
                                       : lean::toolchain_mismatch(*found, lean::kCleverLeanVersion,
                                                                  lean::kCleverMathlibRevision);
    if (!mismatch.empty()) return {nullptr, mismatch, 3};
  }
  env->backend = &env->verifier->backend();
  if (options.log.empty()) {
    env->log = std::make_unique<RunLog>();
  } else {
    auto opened = RunLog::open(options.log);
    if (!opened.ok()) return {nullptr, opened.error(), 2};
    env->log = std::move(*opened);
  }
  return {[env](const BenchTask& task, int sample) { return attempt(*env, task, sample); }, "", 0,
          note};
}

}  // namespace verigen::bench
