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

/// The executable tokens of `range` (a body) once proof-only parts are erased: loop
/// invariant/decreases/modifies clauses, assert/assume/calc/reveal statements, ghost variable
/// declarations, and calls of the lemmas named in `lemmas`; then put in the code normal form
/// (code_normal_form.h: redundant parentheses and empty blocks dropped). Joined with single spaces.
std::string erase_annotations(const Structure& s, TokenRange range, const std::vector<std::string>& lemmas);

/// Every integrity problem of `candidate` against `original`, located in the candidate
/// (`display_path`, 1-based line:column). Rules: declarations of the original are neither removed
/// nor re-signed; their requires/ensures/reads/modifies are unchanged (except in Specify mode,
/// where they may be added to); their bodies are unchanged once annotations are erased; no
/// `include` is added; and no escape hatch is added — `assume`, `{:axiom}`, `{:verify false}`,
/// `{:extern}`, `{:options}`, or a body-less lemma/function/method — counting per declaration,
/// so hatches already in the original are not held against the candidate.
std::vector<Diagnostic> audit_dafny(std::string_view original, std::string_view candidate,
                                    AuditMode mode, const std::string& display_path);

}  // namespace verigen::dafny
