#pragma once
/// Erasing what only the proof needs from a Dafny body, so that what remains — the executable
/// code and the user's own claims — can be compared between an original and a candidate.
/// Names are resolved before anything is erased: a call is erased only when every declaration
/// that name can refer to is a lemma, an assignment only when it writes ghost variables the
/// candidate introduced under names the original never uses.

#include <set>
#include <string>
#include <vector>

#include "specs/dafny/structure.h"

namespace verigen::dafny {

/// What may be erased from the bodies of one original/candidate pair.
struct ErasureContext {
  /// Simple names every declaration of which, in both programs, is a lemma: calls of them are
  /// proof. A name that is also a method, function, field, constructor or module member of
  /// another kind anywhere is not in the set, so its calls stay and are compared.
  std::set<std::string> lemmas;
  /// Ghost variables the candidate introduced (declared with `ghost var`, never declared
  /// otherwise, and named differently from every identifier of the original): their
  /// declarations and the assignments to them are proof.
  std::set<std::string> ghost_variables;
};

/// The context for `original` and `candidate` (see ErasureContext).
ErasureContext erasure_context(const Structure& original, const Structure& candidate);

/// The tokens of `range` (a body) that remain once proof-only parts are erased — loop
/// invariants, non-star `decreases`, loop `modifies`; `reveal`; proof `forall` statements
/// (those with `ensures`); lemma calls and ghost variables as allowed by `context`; `assert`
/// and `calc` statements except the user's own claims — then put in the code normal form.
/// `claims` are the user's `assert`/`calc` statements of this body in the original (as
/// claim_heads gives them): each occurrence in `range` with the same head is kept as that head
/// (a `by` block added to it is proof), every other one is erased. `assume` and `expect` are
/// never erased. Returns token positions into `s`.
std::vector<std::size_t> executable_tokens(const Structure& s, TokenRange range,
                                           const ErasureContext& context,
                                           const std::vector<std::string>& claims);

/// The heads of the `assert` and `calc` statements in `range` (an assert without its `by`
/// block or `;`, a calc whole), in order: the claims a user wrote there.
std::vector<std::string> claim_heads(const Structure& s, TokenRange range);

/// Every identifier that occurs in `s`.
std::set<std::string> identifiers(const Structure& s);

}  // namespace verigen::dafny
