#pragma once
/// F* spec files and their integrity audit: `admit ()` is a hole.

#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/result.h"
#include "core/task.h"
#include "specs/word_scan.h"

namespace verigen::fstar {

inline constexpr CommentSyntax kFStarComments{"//", "(*", "*)"};

/// Every `admit ()` (outside comments and strings) is a hole; none is a Failure
/// `path:1:1: error: nothing to generate ...`; an unterminated comment or string likewise.
Result<Task> parse_fstar_spec(const std::string& path, const std::string& text);

/// Findings of `candidate` against `original`: added `admit`, `assume` (incl. `assume val`),
/// any change to the `#set-options` / `#push-options` / `#reset-options` lines (they can switch
/// off proofs with --admit_smt_queries, or change what is checked), and any part of the
/// original outside its `admit ()` holes that the candidate does not keep.
std::vector<Diagnostic> audit_fstar(const std::string& original, const std::string& candidate,
                                    const std::string& display_path);

}  // namespace verigen::fstar
