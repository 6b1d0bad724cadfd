#include "gen/invariants/inv_portfolio.h"

#include <algorithm>
#include <exception>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "core/text_lines.h"
#include "gen/invariants/lemma_member.h"
#include "gen/invariants/member_race.h"
#include "gen/invariants/member_schedule.h"
#include "gen/run_log.h"
#include "rank/scorer.h"
#include "specs/sygus/smt_query.h"

namespace verigen {

std::string_view to_string(InvOutcome::Status status) {
  switch (status) {
    case InvOutcome::Status::Solved:
      return "solved";
    case InvOutcome::Status::Infeasible:
      return "infeasible";
    case InvOutcome::Status::Unknown:
      return "unknown";
    case InvOutcome::Status::Error:
      return "error";
  }
  return "error";
}

namespace {

using Clock = std::chrono::steady_clock;

nlohmann::json verdict_json(const z3inv::InvariantVerdict& verdict) {
  nlohmann::json json = {{"outcome", std::string(to_string(verdict.outcome))},
                         {"cause", std::string(to_string(verdict.cause))}};
  if (const auto* failed = verdict.failed()) {
    json["failed_check"] = failed->name;
    json["detail"] = failed->detail;
  }
  return json;
}

}  // namespace

InvPortfolio::InvPortfolio(std::vector<inv::InvariantProposer*> proposers,
                           const rank::Scorer* scorer, RunLog* log, InvPortfolioOptions options)
    : proposers_(std::move(proposers)), scorer_(scorer), log_(log), options_(options) {}

void InvPortfolio::log_candidate(const sygus::Problem& problem, const std::string& problem_text,
                                 const CheckedCandidate& checked) {
  if (!log_) return;
  log_->append(
      RunLogRecord{.task = problem.path,
                   .task_text = problem_text,
                   .kind = "invariant",
                   .language = "sygus",
                   .candidate = checked.candidate.index,
                   .round = 0,
                   .origin = checked.candidate.origin,
                   .text = checked.candidate.text,
                   .rejected = {},
                   .findings = {},
                   .score = checked.score,
                   .rank = checked.rank,
                   .verdict = checked.verdict ? verdict_json(*checked.verdict) : nlohmann::json()});
}

namespace {

/// The report of one member's run; `refused`: its answer failed the re-check.
MemberReport report_of(const std::string& name, const inv::RaceRun& run, bool refused) {
  MemberReport r;
  r.name = name;
  r.start = run.start;
  r.elapsed = run.elapsed;
  r.idle = std::min(run.claim.idle, run.elapsed);
  r.detail = note_line(run.claim.detail);
  if (!run.started) {
    r.result = "not-started";
  } else if (run.won) {
    r.result = "won";
  } else if (refused) {
    r.result = "refused";
  } else if (run.cancelled) {
    r.result = "cancelled";
  } else if (run.claim.outcome == Outcome::Error) {
    r.result = "error";
  } else if (run.claim.outcome == Outcome::Verified || run.claim.outcome == Outcome::Refuted) {
    r.result = "lost";
  } else {
    r.result = "unknown";
  }
  return r;
}

}  // namespace

InvOutcome InvPortfolio::solve(const sygus::Problem& problem, const std::string& problem_text,
                               Deadline deadline) {
  const auto started = Clock::now();
  InvOutcome out;
  auto finish = [&]() -> InvOutcome {
    out.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started);
    return std::move(out);
  };
  try {
    z3inv::InvariantChecker checker(problem, options_.peer);

    // The members, in --members order.
    SubprocessRunner own_runner;
    ProcessRunner& runner = options_.runner ? *options_.runner : own_runner;
    std::vector<std::unique_ptr<inv::PortfolioMember>> members;
    inv::CandidateMember* enumerator = nullptr;
    std::vector<std::string> names;
    // The lemma stage needs both the enumerator (its lemmas) and Spacer (its engine).
    const auto chosen = [&](const char* name) {
      return std::find(options_.members.begin(), options_.members.end(), name) !=
             options_.members.end();
    };
    const bool lemma_stage = chosen("builtin") && chosen("spacer");
    inv::LemmaBoard lemmas;
    for (const auto& name : options_.members) {
      if (std::find(names.begin(), names.end(), name) != names.end()) continue;
      if (name == "builtin") {
        auto m = std::make_unique<inv::CandidateMember>(
            proposers_, scorer_, options_.k, options_.check_all, options_.violation_depth,
            options_.peer, lemma_stage ? &lemmas : nullptr);
        enumerator = m.get();
        members.push_back(std::move(m));
      } else if (name == "spacer") {
        members.push_back(inv::make_spacer_member(runner));
      } else if (name == "cvc5") {
        members.push_back(inv::make_cvc5_member(runner));
      } else {
        out.notes.push_back("unknown member '" + name + "' ignored (builtin, spacer, cvc5)");
        continue;
      }
      names.push_back(name);
    }

    const int cores = options_.cores > 0
                          ? options_.cores
                          : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    const auto offsets = inv::start_offsets(names, deadline.remaining(), cores);
    const auto nice = inv::niceness(names, cores);
    const bool nonlinear = sygus::has_nonlinear_arithmetic(problem);
    const auto limits = inv::run_limits(names, nonlinear, cores);
    std::vector<inv::RaceEntry> entries;
    for (std::size_t i = 0; i < members.size(); ++i)
      entries.push_back({members[i].get(), offsets[i],
                         !(options_.check_all && members[i].get() == enumerator), nice[i],
                         limits[i]});
    // The lemma stage waits idle for the enumerator's lemma, so it starts at once and has no
    // say in the schedule of the members that work from the start; its Spacer runs as nicely
    // as the other.
    if (lemma_stage) {
      const auto spacer = std::find(names.begin(), names.end(), "spacer") - names.begin();
      members.push_back(inv::make_lemma_member(
          runner, lemmas, inv::lemma_stage_limit(names.size(), nonlinear, cores)));
      entries.push_back({members.back().get(), std::chrono::milliseconds(0), true,
                         nice[static_cast<std::size_t>(spacer)], std::chrono::milliseconds(0)});
      names.push_back(inv::kLemmaStageName);
    }

    // The judge: an invariant wins only once InvariantChecker verified it (the enumerator's own
    // check is that), a violation only once bounded model checking replays it.
    std::vector<bool> refused(members.size(), false);
    bool have_checks = false;
    auto judge = [&](std::size_t i, const inv::MemberClaim& claim) -> bool {
      const std::string& name = names[i];
      if (claim.outcome == Outcome::Verified && claim.invariant) {
        z3inv::InvariantVerdict verdict;
        if (claim.checked) {
          verdict = *claim.checked;
        } else {
          verdict = checker.check(*claim.invariant, deadline.capped(std::chrono::seconds(5)));
          ++out.checks_run;
        }
        out.checks = verdict.checks;
        have_checks = true;
        if (verdict.outcome == Outcome::Verified) {
          out.status = InvOutcome::Status::Solved;
          out.invariant = claim.invariant;
          out.origin = claim.origin;
          return true;
        }
        refused[i] = true;
        out.notes.push_back(
            name + "'s invariant did not re-check: " + std::string(to_string(verdict.outcome)) +
            " " + (verdict.failed() ? verdict.failed()->name : std::string()));
        return false;
      }
      if (claim.outcome == Outcome::Refuted) {
        // A claimed violation counts once a concrete run replays it.
        int depth = std::max(options_.violation_depth, static_cast<int>(claim.trace.size()) + 1);
        auto confirm =
            z3inv::find_violation(problem, depth, deadline.capped(std::chrono::seconds(5)));
        if (confirm.outcome == Outcome::Refuted) {
          out.status = InvOutcome::Status::Infeasible;
          out.trace = confirm.trace;
          out.origin = claim.origin.empty() ? name : claim.origin;
          return true;
        }
        refused[i] = true;
        out.notes.push_back(name + " reported a violation that bounded checking did not confirm");
        return false;
      }
      if (claim.checked && !have_checks) out.checks = claim.checked->checks;
      if (!claim.detail.empty() && claim.cause != Cause::Timeout)
        out.notes.push_back(note_line(claim.detail));
      return false;
    };
    auto runs = inv::run_race(entries, problem, problem_text, deadline, judge);

    for (std::size_t i = 0; i < runs.size(); ++i) {
      out.members.push_back(report_of(names[i], runs[i], refused[i]));
      // A member out of time says so once, in its report; a timeout is no news in the notes.
      if (runs[i].judged && runs[i].claim.cause == Cause::Timeout &&
          out.status == InvOutcome::Status::Unknown)
        out.notes.push_back(note_line(runs[i].claim.detail));
    }
    if (enumerator) {
      out.notes.insert(out.notes.begin(), enumerator->notes().begin(), enumerator->notes().end());
      out.checks_run += enumerator->checks_run();
      out.candidates = std::move(enumerator->candidates());
      for (const auto& checked : out.candidates) log_candidate(problem, problem_text, checked);
    }
    if (out.status != InvOutcome::Status::Unknown) return finish();

    // No invariant: is there none? A concrete run reaching ¬post proves it, and the trace is
    // what the user needs to see.
    if (!deadline.expired()) {
      auto violation = z3inv::find_violation(problem, options_.violation_depth, deadline);
      if (violation.outcome == Outcome::Refuted) {
        out.trace = violation.trace;
        out.status = InvOutcome::Status::Infeasible;
        out.origin = "bmc";
      }
    }
    // Unknown unless some member could work at all: a problem every member failed on (cvc5
    // alone and not installed) is an error, never a quiet unknown.
    const bool all_failed =
        !runs.empty() && std::all_of(runs.begin(), runs.end(), [](const inv::RaceRun& r) {
          return r.started && !r.cancelled && r.claim.outcome == Outcome::Error;
        });
    if (out.status == InvOutcome::Status::Unknown && (all_failed || runs.empty()))
      out.status = InvOutcome::Status::Error;
    if (runs.empty()) out.notes.push_back("no portfolio member to run");
    return finish();
  } catch (const std::exception& e) {
    out.status = InvOutcome::Status::Error;
    out.notes.push_back(std::string("internal error: ") + e.what());
    return finish();
  }
}

}  // namespace verigen
