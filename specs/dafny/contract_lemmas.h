#pragma once
/// The proof obligations of a contract comparison, written as Dafny lemmas.
///
/// For each method, function, predicate and lemma of a reference program, and the declaration
/// of the same name in a candidate (same code, other contracts), up to four lemmas go beside the
/// candidate's declaration, over its parameters (and results: method outputs, a function's value
/// as a fresh variable):
///   requires, forward:  reference requires ⊢ candidate requires   (precondition not stronger)
///   ensures,  forward:  reference requires, candidate requires, candidate ensures ⊢ reference
///                       ensures                                   (postcondition not weaker)
///   and the two converses (backward), which tell `equivalent` from `stronger`.
/// A method that modifies the heap or whose clauses say `old`, `fresh`, `unchanged` or
/// `allocated` gets a `twostate` ensures lemma: its preconditions are wrapped in `old(...)` and
/// its outputs are `new` parameters. Each clause stands on its own line, so a Dafny error maps
/// back to the clause. `decreases` is free. A method's `modifies` and a function's `reads` that
/// differ as written are compared by Dafny in both directions (frame_obligations.h: a caller
/// with one frame calls a stub with the other); other frames (a method's `reads`) are compared
/// as sets of written frame expressions.

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace verigen::dafny {

/// Forward: the candidate's contract is at least as strong as the reference's. Backward: the
/// converse (together: equivalent).
enum class Direction { Forward, Backward };

/// One lemma of the probe (or, for a frame, a caller and its stub: frame_obligations.h).
struct Obligation {
  std::size_t declaration = 0;  ///< index into StrengthProbe::declarations
  Direction direction = Direction::Forward;
  std::string aspect;  ///< "requires", "ensures", "modifies" or "reads"
  std::string lemma;   ///< its name (or the caller's) in the probe (starts with kStrengthPrefix)
  int first_line = 0;  ///< its lines in the probe text (1-based, inclusive)
  int last_line = 0;
  /// Probe line → the clause stated there, as "reference ensures `r >= 0` (line 3)": goals
  /// are what the lemma proves, hypotheses what it assumes.
  std::map<int, std::string> goals;
  std::map<int, std::string> hypotheses;
};

/// What is known about one reference declaration before Dafny runs.
struct ProbedDeclaration {
  std::string name;  ///< qualified name
  /// Why its contracts cannot be compared ("not in the candidate", "a constructor"); empty
  /// when they can.
  std::string not_comparable;
  /// Frame clauses compared as written (those Dafny does not compare: a method's `reads`) the
  /// candidate has beyond the reference's (forward failures) and the reference has beyond the
  /// candidate's (backward failures), one line each.
  std::vector<std::string> frame_forward_failures;
  std::vector<std::string> frame_backward_failures;
};

struct StrengthProbe {
  std::string text;  ///< the candidate with every obligation lemma inserted
  std::vector<ProbedDeclaration> declarations;  ///< the reference's callables, in its order
  std::vector<Obligation> obligations;
  std::string error;  ///< a program that does not parse: "reference: ..." / "candidate: ..."
};

inline constexpr const char* kStrengthPrefix = "VerigenStrength_";

/// The probe for `candidate` against `reference`. A goal clause that also stands, token for
/// token, among the lemma's hypotheses needs no proof and is left out (a lemma left with no
/// goal is not written) unless `prove_identical`, which makes Dafny prove every clause.
StrengthProbe strength_probe(std::string_view reference, std::string_view candidate,
                             bool prove_identical = false);

}  // namespace verigen::dafny
