#include "gen/invariants/candidate_member.h"

#include <algorithm>
#include <exception>
#include <set>

#include "core/text_lines.h"
#include "gen/invariants/terms.h"
#include "rank/scorer.h"

namespace verigen::inv {

namespace {

/// True when `verdict` shows its invariant inductive: initiation and consecution verified.
bool inductive(const z3inv::InvariantVerdict& verdict) {
  return verdict.checks.size() >= 2 && verdict.checks[0].name == "initiation" &&
         verdict.checks[0].outcome == Outcome::Verified &&
         verdict.checks[1].name == "consecution" && verdict.checks[1].outcome == Outcome::Verified;
}

/// `terms` without repeats (by their text), in first-seen order.
std::vector<sygus::SExpr> dedupe(std::vector<sygus::SExpr> terms) {
  std::set<std::string> seen;
  std::vector<sygus::SExpr> out;
  for (auto& t : terms)
    if (seen.insert(sygus::to_smtlib(t)).second) out.push_back(std::move(t));
  return out;
}

/// Posts to `board` (may be null) the conjunction of the candidates `proved` accepts, if any.
template <typename Proved>
void post_lemmas(LemmaBoard* board, const std::vector<CheckedCandidate>& candidates,
                 Proved proved) {
  if (!board) return;
  std::vector<sygus::SExpr> parts;
  for (const auto& checked : candidates)
    if (proved(checked))
      for (auto& c : conjuncts(checked.candidate.body)) parts.push_back(std::move(c));
  if (!parts.empty()) board->post(conjunction(dedupe(std::move(parts))));
}

/// Closes the board on every way out of run(), so that its reader never waits for nothing.
struct CloseOnExit {
  LemmaBoard* board;
  ~CloseOnExit() {
    if (board) board->close();
  }
};

}  // namespace

CandidateMember::CandidateMember(std::vector<InvariantProposer*> proposers,
                                 const rank::Scorer* scorer, int k, bool check_all,
                                 int violation_depth, SmtPeer* peer, LemmaBoard* lemmas)
    : proposers_(std::move(proposers)),
      scorer_(scorer),
      k_(k),
      check_all_(check_all),
      violation_depth_(violation_depth),
      peer_(peer),
      lemmas_(lemmas) {}

MemberClaim CandidateMember::run(const sygus::Problem& problem, const std::string& problem_text,
                                 Deadline deadline) {
  MemberClaim claim;
  claim.origin = "builtin";
  CloseOnExit close_lemmas{lemmas_};
  try {
    z3inv::InvariantChecker checker(problem, peer_);
    // Gather candidates from every proposer, in proposer order, without duplicates.
    std::set<std::string> seen;
    int next_index = 0;
    for (auto* proposer : proposers_) {
      if (deadline.expired()) break;
      auto got = proposer->candidates(problem, k_, deadline);
      if (!got) {
        notes_.push_back(note_line(got.error()));
        continue;
      }
      for (auto& candidate : *got) {
        if (!seen.insert(candidate.text).second) continue;
        CheckedCandidate checked;
        checked.candidate = std::move(candidate);
        checked.candidate.index = next_index++;
        if (scorer_) checked.score = scorer_->score(problem_text, checked.candidate.text);
        candidates_.push_back(std::move(checked));
      }
    }
    // A lemma a proposer proved on its way (the Houdini core) goes to the lemma stage now: on
    // nonlinear problems the checks below may take the rest of the budget.
    post_lemmas(lemmas_, candidates_,
                [](const CheckedCandidate& c) { return c.candidate.inductive; });
    // The scorer's order; ties (and no scorer) keep the proposers' order.
    if (scorer_) {
      std::stable_sort(
          candidates_.begin(), candidates_.end(),
          [](const CheckedCandidate& a, const CheckedCandidate& b) { return a.score > b.score; });
    }
    int winner = -1;
    for (std::size_t i = 0; i < candidates_.size(); ++i) {
      if (deadline.expired()) break;
      auto& checked = candidates_[i];
      checked.rank = static_cast<int>(i);
      checked.verdict = checker.check(checked.candidate.body, deadline);
      ++checks_run_;
      if (checked.verdict->outcome == Outcome::Verified && winner < 0) {
        winner = static_cast<int>(i);
        if (!check_all_) break;
      }
    }
    if (winner >= 0) {
      const auto& won = candidates_[static_cast<std::size_t>(winner)];
      claim.outcome = Outcome::Verified;
      claim.invariant = won.candidate.body;
      claim.origin = won.candidate.origin;
      claim.checked = won.verdict;
      return claim;
    }
    // No candidate holds, but those that are inductive are still facts about every reachable
    // state: the lemma stage restricts the problem to them.
    post_lemmas(lemmas_, candidates_,
                [](const CheckedCandidate& c) { return c.verdict && inductive(*c.verdict); });
    // No candidate holds: perhaps none can. The other members may never give up on such a
    // problem (cvc5 searches to the deadline), so the enumerator looks for the violating run
    // itself instead of leaving it for after the race.
    // The search gets a short slice only: on a problem that has an invariant it finds nothing
    // and would take a core from the members still looking; the portfolio searches again with
    // whatever time is left once the race is over.
    if (violation_depth_ > 0 && !deadline.expired()) {
      auto violation =
          z3inv::find_violation(problem, violation_depth_, deadline.capped(kRaceViolationSlice));
      if (violation.outcome == Outcome::Refuted) {
        claim.outcome = Outcome::Refuted;
        claim.origin = "builtin:bmc";
        claim.trace = std::move(violation.trace);
        claim.detail = "builtin: post is violated after " +
                       std::to_string(claim.trace.empty() ? 0 : claim.trace.size() - 1) + " steps";
        return claim;
      }
    }
    claim.outcome = Outcome::Unknown;
    claim.cause = deadline.expired() ? Cause::Timeout : Cause::None;
    claim.detail = candidates_.empty() ? "builtin: no candidates"
                                       : "builtin: none of " + std::to_string(checks_run_) +
                                             " checked candidates holds";
    if (!candidates_.empty() && candidates_.front().verdict)
      claim.checked = candidates_.front().verdict;
    return claim;
  } catch (const std::exception& e) {
    claim.outcome = Outcome::Error;
    claim.cause = Cause::Internal;
    claim.detail = std::string("builtin: internal error: ") + e.what();
    return claim;
  }
}

}  // namespace verigen::inv
