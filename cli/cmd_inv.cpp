/// `verigen inv FILE.sl... [--timeout SEC] [--jobs N] [--json]`: loop-invariant synthesis on
/// SyGuS-INV problems — a race of the candidate enumerator
/// (contrastive ranking → Z3), Spacer and cvc5.

#include <iostream>
#include <memory>
#include <mutex>
#include <thread>

#include "cli/commands.h"
#include "cli/inv_report.h"
#include "cli/source_input.h"
#include "core/json_document.h"
#include "core/parallel.h"
#include "core/progress.h"
#include "gen/generator_factory.h"
#include "gen/invariants/inv_portfolio.h"
#include "gen/run_log.h"
#include "rank/scorer.h"

namespace verigen::cli {
namespace {

struct InvOptions {
  std::vector<std::string> files;
  double timeout = 10;
  int jobs = 0;
  bool json = false;
  int k = 24;
  bool no_spacer = false;
  std::vector<std::string> members = kDefaultMembers;
  bool check_all = false;
  bool no_rank = false;
  std::string scorer_model;
  std::string log;
  GeneratorOptions generator;
};

/// Reads and parses every input before any solving, so a bad file is reported at once and
/// costs the others nothing.
void read_inputs(const InvOptions& options, std::vector<InvFileResult>& results,
                 std::vector<std::string>& texts) {
  for (std::size_t i = 0; i < options.files.size(); ++i) {
    results[i].file = options.files[i];
    auto source = read_source(options.files[i]);
    if (!source.ok()) {
      results[i].input_error = source.error();
      continue;
    }
    if (source->language != Language::SyGuS) {
      results[i].input_error = options.files[i] + ": error: not a SyGuS-INV problem (expected .sl)";
      continue;
    }
    auto problem = sygus::parse_problem(source->text, options.files[i]);
    if (!problem.ok()) {
      results[i].input_error = problem.error();
      continue;
    }
    results[i].problem = std::move(*problem);
    texts[i] = std::move(source->text);
  }
}

int run_inv(const InvOptions& options) {
  std::vector<InvFileResult> results(options.files.size());
  std::vector<std::string> texts(options.files.size());
  read_inputs(options, results, texts);

  // The scorer: the shipped default, another model file, or none (the proposers' own order).
  std::optional<rank::Scorer> loaded;
  const rank::Scorer* scorer = nullptr;
  if (!options.no_rank) {
    if (options.scorer_model.empty()) {
      scorer = &rank::Scorer::default_model();
    } else {
      auto model = rank::Scorer::load(options.scorer_model);
      if (!model.ok()) {
        std::cerr << model.error() << "\n";
        return kExitBadInput;
      }
      loaded = std::move(*model);
      scorer = &*loaded;
    }
  }
  auto opened_log = options.log.empty()
                        ? Result<std::unique_ptr<RunLog>>(std::make_unique<RunLog>())
                        : RunLog::open(options.log);
  if (!opened_log.ok()) {
    std::cerr << opened_log.error() << "\n";
    return kExitBadInput;
  }
  RunLog& log = **opened_log;

  InvPortfolioOptions portfolio_options;
  portfolio_options.members.clear();
  portfolio_options.k = options.k;
  portfolio_options.check_all = options.check_all;
  for (const auto& m : options.members)
    if (!(options.no_spacer && m == "spacer")) portfolio_options.members.push_back(m);

  const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const int jobs = options.jobs > 0 ? options.jobs : cores;
  // Problems run side by side share the machine: each race schedules for its share of cores.
  portfolio_options.cores = std::max(1, cores / jobs);
  // cvc5's SMT solver, when cvc5 races, also decides the enumerator's nonlinear checks.
  SubprocessRunner peer_runner;
  auto peer = inv::make_member_peer(portfolio_options.members, peer_runner);
  portfolio_options.peer = peer.get();
  Progress progress("inv", options.files.size());
  std::mutex print_mutex;
  parallel_for(options.files.size(), jobs, [&](std::size_t i) {
    auto& r = results[i];
    if (r.problem) {
      // Sources are made per problem: each owns its Z3 contexts and HTTP handles, so worker
      // threads share nothing but the read-only scorer and the (locked) run log.
      std::vector<std::unique_ptr<inv::InvariantProposer>> owned;
      std::vector<std::string> proposer_notes;
      owned.push_back(inv::make_template_proposer(portfolio_options.peer));
      if (options.generator.provider != "builtin") {
        auto llm = inv::make_llm_proposer(options.generator);
        if (llm.ok())
          owned.push_back(std::move(*llm));
        else
          proposer_notes.push_back(llm.error());
      }
      std::vector<inv::InvariantProposer*> proposers;
      for (auto& s : owned) proposers.push_back(s.get());
      InvPortfolio portfolio(proposers, scorer, options.log.empty() ? nullptr : &log,
                             portfolio_options);
      r.outcome = portfolio.solve(*r.problem, texts[i], Deadline::after_seconds(options.timeout));
      r.outcome->notes.insert(r.outcome->notes.begin(), proposer_notes.begin(),
                              proposer_notes.end());
    }
    const bool failed = !r.outcome || r.outcome->status != InvOutcome::Status::Solved;
    progress.advance(r.file, failed);
    if (!options.json) {
      std::lock_guard<std::mutex> lock(print_mutex);
      progress.finish();
      std::cout << render_inv_text(r) << std::flush;
    }
  });
  progress.finish();

  if (options.json) {
    nlohmann::json problems = nlohmann::json::array();
    for (const auto& r : results) problems.push_back(render_inv_json(r));
    std::cout << json_document("inv", {{"problems", problems}}).dump(2) << "\n";
  } else if (results.size() > 1) {
    std::size_t solved = 0, infeasible = 0;
    for (const auto& r : results) {
      if (!r.outcome) continue;
      solved += r.outcome->status == InvOutcome::Status::Solved;
      infeasible += r.outcome->status == InvOutcome::Status::Infeasible;
    }
    std::cout << solved << " of " << results.size() << " solved, " << infeasible << " infeasible\n";
  }
  return inv_exit_code(results);
}

}  // namespace

void register_inv(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<InvOptions>();
  auto* cmd = app.add_subcommand("inv", "Synthesise loop invariants for SyGuS-INV problems (.sl)");
  cmd->add_option("files", options->files, "SyGuS-INV problems")->required();
  cmd->add_option("--timeout", options->timeout, "Wall-clock limit per problem, seconds (0: none)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--jobs,-j", options->jobs, "Problems solved in parallel (0: one per core)")
      ->check(CLI::NonNegativeNumber)
      ->default_str("cores");
  cmd->add_flag("--json", options->json, "Print one JSON document on stdout");
  cmd->add_option("-k", options->k, "Candidates asked of each proposer")
      ->check(CLI::PositiveNumber);
  cmd->add_option(
         "--provider", options->generator.provider,
         "Candidate proposer besides the built-in enumerator: builtin (none), openai, replay")
      ->check(CLI::IsMember({"builtin", "openai", "replay"}));
  cmd->add_option("--model", options->generator.model, "Model name (openai)");
  cmd->add_option("--cassette", options->generator.cassette, "Recorded answers (replay)");
  cmd->add_option("--record", options->generator.record, "Record the model's answers to FILE");
  cmd->add_option("--members", options->members,
                  "Portfolio members raced per problem: builtin (candidate enumerator), spacer "
                  "(Z3's CHC engine), cvc5 (cvc5's SyGuS solver); with builtin and spacer, a "
                  "lemma stage also runs Spacer on the problem restricted to the enumerator's "
                  "inductive lemma")
      ->delimiter(',')
      ->check(CLI::IsMember({"builtin", "spacer", "cvc5"}))
      ->default_str("builtin,spacer,cvc5");
  cmd->add_flag("--no-spacer", options->no_spacer, "Do not run Z3's CHC engine (Spacer)");
  cmd->add_flag("--check-all", options->check_all,
                "Check every candidate, not only up to the first that holds (ranking data)");
  cmd->add_flag("--no-rank", options->no_rank, "Check candidates in the proposers' own order");
  cmd->add_option("--scorer", options->scorer_model,
                  "Scorer model file (default: the shipped one)");
  cmd->add_option("--log", options->log, "Append every candidate and its verdict to FILE (JSONL)");
  cmd->callback([options, &exit_code] { exit_code = run_inv(*options); });
}

}  // namespace verigen::cli
