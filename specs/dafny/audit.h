#pragma once
/// The integrity audit for Dafny: does a candidate keep everything the user wrote, and does it
/// avoid escape hatches the user did not already have?

#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "core/task.h"
#include "specs/dafny/structure.h"

namespace verigen::dafny {

/// What the candidate was allowed to change.
enum class AuditMode {
  Implement,  ///< fill body-less declarations; everything else kept (annotations may be added)
  Annotate,   ///< add invariants, asserts, decreases, lemmas; executable code identical
  Specify     ///< write contracts; bodies identical once annotations are erased
};

/// The audit mode a task kind implies (Verify and Prove audit as Implement: nothing the user
/// wrote may change, proofs may be added).
AuditMode audit_mode_for(TaskKind kind);

/// The executable tokens of `range` (a body) once proof-only parts are erased (see
/// code_erasure.h: loop annotations, asserts, calcs, reveals, proof foralls, and calls of the
/// lemmas named in `lemmas`; `assume` and `expect` stay), in the code normal form, joined
/// with single spaces.
std::string erase_annotations(const Structure& s, TokenRange range,
                              const std::vector<std::string>& lemmas);

/// Every integrity problem of `candidate` against `original`, located in the candidate
/// (`display_path`, 1-based line:column). The whole program is compared, item by item (every
/// module, import, include, class, trait, datatype, type, newtype, const, field, method,
/// function, predicate and lemma; by container and name, so order may change):
/// - each item of the original is kept: headers, attributes (except those that only steer the
///   prover), signatures and contracts exactly (in Specify mode contracts may be added);
///   bodies identical once proof-only parts are erased (code_erasure.h: calls are erased only
///   when their name resolves to lemmas alone; the user's own asserts stay); lemma bodies
///   (proofs) and holes (body-less declarations) may be written freely;
/// - new items are only lemmas, functions, predicates and methods, under names the original
///   never uses (a new `include`, import, module, const, type ... is a finding);
/// - no assumption is added (assumption_scan.h): each one the candidate has must be one the
///   original already has, in the same declaration with the same text — outside the holes in
///   Implement mode — or of a kind listed in `allowed` ("kind" or "kind:Declaration").
std::vector<Diagnostic> audit_dafny(std::string_view original, std::string_view candidate,
                                    AuditMode mode, const std::string& display_path,
                                    const std::vector<std::string>& allowed = {});

}  // namespace verigen::dafny
