#include "benchmarks/harness/sygus_attempt.h"

#include <memory>

#include "core/hash.h"
#include "core/text_lines.h"
#include "gen/invariants/inv_portfolio.h"
#include "gen/run_log.h"
#include "rank/scorer.h"
#include "specs/sygus/problem.h"

namespace verigen::bench {
namespace {

/// What every sample of a run shares: the options and the (thread-safe) run log. Candidate
/// proposers are made per sample: each owns its Z3 contexts and HTTP handles.
struct Environment {
  RunOptions options;
  std::unique_ptr<RunLog> log;  ///< null without --log
};

GeneratorOptions generator_options(const RunOptions& options, int sample) {
  GeneratorOptions g;
  g.provider = options.provider;
  g.model = options.model;
  g.seed = options.seed + sample;  // independent samples from a seeded model
  return g;
}

/// Maps the portfolio's conclusion to a sample. Only a re-checked invariant is Verified and only
/// a concrete violating run is Refuted; everything else stays Unknown or Error.
void fill_record(const InvOutcome& o, bool out_of_time, SampleRecord& record) {
  record.verifier_calls = o.checks_run;
  record.verify_seconds = static_cast<double>(o.elapsed.count()) / 1000.0;
  const std::string notes = o.notes.empty() ? "" : on_one_line(o.notes.front());
  switch (o.status) {
    case InvOutcome::Status::Solved: {
      const std::string invariant = sygus::to_smtlib(*o.invariant);
      record.outcome = Outcome::Verified;
      record.cause = Cause::None;
      record.detail = o.origin;
      record.candidate_sha256 = sha256_hex(invariant);
      break;
    }
    case InvOutcome::Status::Infeasible:
      record.outcome = Outcome::Refuted;
      record.cause = Cause::None;
      record.detail = "infeasible: post violated after " +
                      std::to_string(o.trace.empty() ? 0 : o.trace.size() - 1) + " transitions";
      break;
    case InvOutcome::Status::Unknown:
      record.outcome = Outcome::Unknown;
      // Spacer and the bounded search use the whole budget unless they conclude, so an Unknown
      // within the time is the engines giving up.
      record.cause = out_of_time ? Cause::Timeout : Cause::ResourceLimit;
      record.detail = std::string(out_of_time ? "timeout" : "unknown") +
                      ": no invariant found in " + std::to_string(o.checks_run) + " checks" +
                      (notes.empty() ? "" : "; " + notes);
      break;
    case InvOutcome::Status::Error:
      record.outcome = Outcome::Error;
      record.cause = Cause::Internal;
      record.detail = notes.empty() ? "internal error" : notes;
      break;
  }
}

SampleRecord attempt(const Environment& env, const BenchTask& task, int sample) {
  SampleRecord record;
  auto problem = sygus::parse_problem(task.task.spec_text, task.task.spec_path);
  if (!problem.ok()) {
    record.outcome = Outcome::Error;
    record.cause = Cause::BadInput;
    record.detail = on_one_line(problem.error());
    return record;
  }
  InvPortfolioOptions portfolio_options;
  SubprocessRunner peer_runner;
  auto peer = inv::make_member_peer(portfolio_options.members, peer_runner);
  portfolio_options.peer = peer.get();
  std::vector<std::unique_ptr<inv::InvariantProposer>> owned;
  owned.push_back(inv::make_template_proposer(portfolio_options.peer));
  std::string proposer_error;
  if (env.options.provider != "builtin") {
    auto llm = inv::make_llm_proposer(generator_options(env.options, sample));
    if (llm.ok())
      owned.push_back(std::move(*llm));
    else
      proposer_error = on_one_line(llm.error());
  }
  std::vector<inv::InvariantProposer*> proposers;
  for (auto& s : owned) proposers.push_back(s.get());
  InvPortfolio portfolio(proposers, &rank::Scorer::default_model(), env.log.get(),
                         portfolio_options);
  const Deadline deadline = Deadline::after_seconds(env.options.timeout);
  InvOutcome outcome = portfolio.solve(*problem, task.task.spec_text, deadline);
  if (!proposer_error.empty()) outcome.notes.insert(outcome.notes.begin(), proposer_error);
  fill_record(outcome, deadline.expired(), record);
  return record;
}

}  // namespace

SolverSetup make_sygus_inv_solver(const RunOptions& options, const std::vector<BenchTask>& tasks) {
  (void)tasks;
  if (options.provider != "builtin") {
    // Set the model proposer up once here, so a missing key or model stops the run before any
    // sample instead of turning every sample into a builtin-only one.
    auto probe = inv::make_llm_proposer(generator_options(options, 0));
    if (!probe.ok()) {
      // The proposer speaks as `inv`; here the command is `bench`.
      std::string why = on_one_line(probe.error());
      if (why.rfind("inv: error: ", 0) == 0) why = why.substr(12);
      if (options.provider == "replay")
        why += " (bench run takes no cassette for sygus-inv: use --provider builtin or openai)";
      return {nullptr, "bench: error: " + why, 2};
    }
  }
  auto env = std::make_shared<Environment>();
  env->options = options;
  if (!options.log.empty()) {
    auto opened = RunLog::open(options.log);
    if (!opened.ok()) return {nullptr, opened.error(), 2};
    env->log = std::move(*opened);
  }
  return {[env](const BenchTask& task, int sample) { return attempt(*env, task, sample); }, "", 0};
}

}  // namespace verigen::bench
