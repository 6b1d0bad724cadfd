#pragma once
/// InvariantProposer: where candidate loop invariants for a SyGuS-INV problem come from — the
/// built-in enumerator (templates, data, Houdini with Z3) or a language model. A proposer only
/// proposes; the caller checks every candidate with z3inv::InvariantChecker.

#include <memory>
#include <string>
#include <vector>

#include "core/deadline.h"
#include "core/result.h"
#include "core/smt_peer.h"
#include "gen/generator_factory.h"
#include "specs/sygus/problem.h"
#include "specs/sygus/sexpr.h"

namespace verigen::inv {

/// One candidate invariant: a Bool term over the problem's variables.
struct InvariantCandidate {
  sygus::SExpr body;
  std::string text;    ///< sygus::to_smtlib(body)
  std::string origin;  ///< "builtin:houdini", "builtin:data#4", "openai:MODEL#2" ...
  int index = 0;       ///< position in the proposer's own order
  /// The proposer verified initiation and consecution of `body` itself with
  /// z3inv::InvariantChecker (the Houdini core): a lemma the portfolio may use at once, never a
  /// verdict (the caller still checks the candidate).
  bool inductive = false;
};

class InvariantProposer {
 public:
  virtual ~InvariantProposer() = default;
  virtual std::string name() const = 0;  ///< "builtin", "openai:MODEL", "replay:MODEL"
  /// Up to `k` distinct candidates, in the proposer's own preference order, before `deadline`.
  /// A Failure is this proposer's problem only (server down…), one line naming it.
  virtual Result<std::vector<InvariantCandidate>> candidates(const sygus::Problem& problem, int k,
                                                             Deadline deadline) = 0;
};

/// The template enumerator of SyGuS invariants (no network; "builtin" on the command line, as
/// gen/builtin is for Dafny). With a `peer` (which must outlive the proposer), its nonlinear
/// checks race Z3 against the peer (z3inv::InvariantChecker).
std::unique_ptr<InvariantProposer> make_template_proposer(SmtPeer* peer = nullptr);
/// openai / replay through the existing providers and config (GeneratorOptions from
/// gen/generator_factory.h).
Result<std::unique_ptr<InvariantProposer>> make_llm_proposer(const GeneratorOptions& options);

}  // namespace verigen::inv
