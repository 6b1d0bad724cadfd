#include "gen/invariants/candidate_member.h"

#include <algorithm>
#include <exception>
#include <set>

#include "core/text_lines.h"
#include "rank/scorer.h"

namespace verigen::inv {

namespace {}  // namespace

CandidateMember::CandidateMember(std::vector<InvariantProposer*> proposers,
                                 const rank::Scorer* scorer, int k, bool check_all,
                                 int violation_depth, SmtPeer* peer)
    : proposers_(std::move(proposers)),
      scorer_(scorer),
      k_(k),
      check_all_(check_all),
      violation_depth_(violation_depth),
      peer_(peer) {}

MemberClaim CandidateMember::run(const sygus::Problem& problem, const std::string& problem_text,
                                 Deadline deadline) {
  MemberClaim claim;
  claim.origin = "builtin";
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
