#include "gen/invariants/inv_portfolio.h"

#include <algorithm>
#include <exception>
#include <nlohmann/json.hpp>
#include <set>

#include "gen/run_log.h"
#include "rank/scorer.h"

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

/// A deadline `share` of the way from now to `deadline` (all of it when share >= 1).
Deadline share_of(Deadline deadline, double share) {
  if (deadline.is_never() || share >= 1) return deadline;
  auto budget = std::chrono::milliseconds(
      static_cast<long long>(static_cast<double>(deadline.remaining().count()) * share));
  return deadline.capped(budget);
}

/// Notes are printed as `file: note: …` lines: a tool's multi-line message becomes one line.
std::string one_line(std::string text) {
  for (auto& c : text)
    if (c == '\n' || c == '\r') c = ' ';
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text;
}

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

InvOutcome InvPortfolio::solve(const sygus::Problem& problem, const std::string& problem_text,
                               Deadline deadline) {
  const auto started = Clock::now();
  InvOutcome out;
  auto finish = [&]() -> InvOutcome {
    out.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started);
    return std::move(out);
  };
  try {
    z3inv::InvariantChecker checker(problem);
    // Candidate proposers and their checks get a share of the time; Spacer gets what is left.
    // Cheap template candidates solve many problems in well under a second, and when they do
    // not, Spacer still has most of the budget.
    const Deadline candidate_deadline =
        options_.use_spacer ? share_of(deadline, options_.candidate_share) : deadline;

    // Gather candidates from every proposer, in proposer order, without duplicates.
    std::set<std::string> seen;
    int next_index = 0;
    for (auto* proposer : proposers_) {
      if (candidate_deadline.expired()) break;
      auto got = proposer->candidates(problem, options_.k, candidate_deadline);
      if (!got) {
        out.notes.push_back(one_line(got.error()));
        continue;
      }
      for (auto& candidate : *got) {
        if (!seen.insert(candidate.text).second) continue;
        CheckedCandidate checked;
        checked.candidate = std::move(candidate);
        checked.candidate.index = next_index++;
        if (scorer_) checked.score = scorer_->score(problem_text, checked.candidate.text);
        out.candidates.push_back(std::move(checked));
      }
    }
    // The scorer's order; ties (and no scorer) keep the proposers' order.
    if (scorer_) {
      std::stable_sort(
          out.candidates.begin(), out.candidates.end(),
          [](const CheckedCandidate& a, const CheckedCandidate& b) { return a.score > b.score; });
    }

    int winner = -1;
    for (std::size_t i = 0; i < out.candidates.size(); ++i) {
      if (candidate_deadline.expired()) break;
      auto& checked = out.candidates[i];
      checked.rank = static_cast<int>(i);
      checked.verdict = checker.check(checked.candidate.body, candidate_deadline);
      ++out.checks_run;
      if (checked.verdict->outcome == Outcome::Verified && winner < 0) {
        winner = static_cast<int>(i);
        if (!options_.check_all) break;
      }
    }
    for (const auto& checked : out.candidates) log_candidate(problem, problem_text, checked);
    if (winner >= 0) {
      const auto& won = out.candidates[static_cast<std::size_t>(winner)];
      out.status = InvOutcome::Status::Solved;
      out.invariant = won.candidate.body;
      out.origin = won.candidate.origin;
      out.checks = won.verdict->checks;
      return finish();
    }
    if (!out.candidates.empty() && out.candidates.front().verdict)
      out.checks = out.candidates.front().verdict->checks;

    if (options_.use_spacer && !deadline.expired()) {
      auto spacer = z3inv::solve_with_spacer(problem, deadline);
      if (spacer.outcome == Outcome::Verified && spacer.invariant) {
        // Spacer's answer is a claim like any other: it is verified here before it is reported.
        auto recheck = checker.check(*spacer.invariant, deadline.capped(std::chrono::seconds(5)));
        ++out.checks_run;
        out.checks = recheck.checks;
        if (recheck.outcome == Outcome::Verified) {
          out.status = InvOutcome::Status::Solved;
          out.invariant = spacer.invariant;
          out.origin = "spacer";
          return finish();
        }
        out.notes.push_back(
            "spacer's invariant did not re-check: " + std::string(to_string(recheck.outcome)) +
            " " + (recheck.failed() ? recheck.failed()->name : std::string()));
      } else if (spacer.outcome == Outcome::Refuted) {
        out.trace = spacer.trace;
      } else if (!spacer.detail.empty()) {
        out.notes.push_back(one_line(spacer.detail));
      }
    }

    // No invariant: is there none? A concrete run reaching ¬post proves it, and the trace is
    // what the user needs to see. Spacer's refutation is confirmed the same way.
    if (out.trace.empty() && !deadline.expired()) {
      auto violation = z3inv::find_violation(problem, options_.violation_depth, deadline);
      if (violation.outcome == Outcome::Refuted) out.trace = violation.trace;
    } else if (!out.trace.empty()) {
      auto confirm = z3inv::find_violation(problem, static_cast<int>(out.trace.size()) + 1,
                                           deadline.capped(std::chrono::seconds(5)));
      out.trace = confirm.outcome == Outcome::Refuted ? confirm.trace : std::vector<z3inv::State>{};
      if (out.trace.empty())
        out.notes.push_back("spacer reported a violation that bounded checking did not confirm");
    }
    out.status = out.trace.empty() ? InvOutcome::Status::Unknown : InvOutcome::Status::Infeasible;
    return finish();
  } catch (const std::exception& e) {
    out.status = InvOutcome::Status::Error;
    out.notes.push_back(std::string("internal error: ") + e.what());
    return finish();
  }
}

}  // namespace verigen
