#include "gen/invariants/lemma_member.h"

#include <exception>

#include "backends/z3/spacer.h"
#include "gen/invariants/strengthen.h"
#include "gen/invariants/terms.h"

namespace verigen::inv {
namespace {

class LemmaMember : public PortfolioMember {
 public:
  LemmaMember(ProcessRunner& runner, LemmaBoard& board, std::chrono::milliseconds limit)
      : runner_(runner), board_(board), limit_(limit) {}
  std::string name() const override { return kLemmaStageName; }

  MemberClaim run(const sygus::Problem& problem, const std::string&, Deadline deadline) override {
    MemberClaim claim;
    claim.origin = "spacer+lemma";
    try {
      const auto waiting = std::chrono::steady_clock::now();
      auto lemma = board_.wait(deadline);
      claim.idle = std::chrono::duration_cast<std::chrono::milliseconds>(
          std::chrono::steady_clock::now() - waiting);
      if (!lemma) {
        claim.cause = deadline.expired() ? Cause::Timeout : Cause::None;
        claim.detail = "lemmas: the enumerator proved no inductive lemma";
        return claim;
      }
      auto restricted = strengthen(problem, *lemma);
      if (!restricted) {
        claim.outcome = Outcome::Error;
        claim.cause = Cause::Internal;
        claim.detail = "lemmas: " + restricted.error();
        return claim;
      }
      const auto idle = claim.idle;
      claim = claim_from_spacer(
          z3inv::solve_with_spacer(runner_, restricted->problem,
                                   limit_.count() > 0 ? deadline.capped(limit_) : deadline),
          "spacer+lemma");
      claim.idle = idle;
      claim.detail =
          "lemmas: " + (claim.detail.empty() ? "spacer on the restricted problem" : claim.detail);
      // Spacer's J holds only on the lemma's states: the claim is both together.
      if (claim.invariant) claim.invariant = conjunction({*lemma, *claim.invariant});
    } catch (const std::exception& e) {
      claim.outcome = Outcome::Error;
      claim.cause = Cause::Internal;
      claim.detail = std::string("lemmas: internal error: ") + e.what();
    }
    return claim;
  }

 private:
  ProcessRunner& runner_;
  LemmaBoard& board_;
  std::chrono::milliseconds limit_;
};

}  // namespace

std::unique_ptr<PortfolioMember> make_lemma_member(ProcessRunner& runner, LemmaBoard& board,
                                                   std::chrono::milliseconds limit) {
  return std::make_unique<LemmaMember>(runner, board, limit);
}

}  // namespace verigen::inv
