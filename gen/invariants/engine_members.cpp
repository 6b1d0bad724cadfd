// The portfolio's solver engines as members: Spacer (a z3 child process) and cvc5 (a cvc5 child
// process). Both
// answer for the whole problem at once; neither answer is trusted before the portfolio's
// re-check.

#include <algorithm>
#include <exception>

#include "backends/cvc5/cvc5_smt.h"
#include "backends/cvc5/cvc5_sygus.h"
#include "backends/z3/spacer.h"
#include "gen/invariants/portfolio_member.h"

namespace verigen::inv {
namespace {

class SpacerMember : public PortfolioMember {
 public:
  explicit SpacerMember(ProcessRunner& runner) : runner_(runner) {}
  std::string name() const override { return "spacer"; }
  MemberClaim run(const sygus::Problem& problem, const std::string&, Deadline deadline) override {
    MemberClaim claim;
    claim.origin = "spacer";
    try {
      claim = claim_from_spacer(z3inv::solve_with_spacer(runner_, problem, deadline), "spacer");
    } catch (const std::exception& e) {
      claim.outcome = Outcome::Error;
      claim.cause = Cause::Internal;
      claim.detail = std::string("spacer: internal error: ") + e.what();
    }
    return claim;
  }

 private:
  ProcessRunner& runner_;
};

class Cvc5Member : public PortfolioMember {
 public:
  explicit Cvc5Member(ProcessRunner& runner) : runner_(runner) {}
  std::string name() const override { return "cvc5"; }
  MemberClaim run(const sygus::Problem& problem, const std::string& problem_text,
                  Deadline deadline) override {
    auto a = cvc5::solve_with_cvc5(runner_, problem_text, problem, deadline);
    MemberClaim claim;
    claim.origin = "cvc5";
    claim.outcome = a.outcome;
    claim.cause = a.cause;
    claim.detail = std::move(a.detail);
    claim.invariant = std::move(a.invariant);
    return claim;
  }

 private:
  ProcessRunner& runner_;
};

}  // namespace

MemberClaim claim_from_spacer(z3inv::ChcResult result, std::string origin) {
  MemberClaim claim;
  claim.origin = std::move(origin);
  claim.outcome = result.outcome;
  claim.cause = result.cause;
  claim.detail = std::move(result.detail);
  claim.invariant = std::move(result.invariant);
  claim.trace = std::move(result.trace);
  return claim;
}

std::unique_ptr<PortfolioMember> make_spacer_member(ProcessRunner& runner) {
  return std::make_unique<SpacerMember>(runner);
}

std::unique_ptr<PortfolioMember> make_cvc5_member(ProcessRunner& runner) {
  return std::make_unique<Cvc5Member>(runner);
}

std::unique_ptr<SmtPeer> make_member_peer(const std::vector<std::string>& members,
                                          ProcessRunner& runner) {
  if (std::find(members.begin(), members.end(), "cvc5") == members.end()) return nullptr;
  return std::make_unique<cvc5::Cvc5Peer>(runner);
}

}  // namespace verigen::inv
