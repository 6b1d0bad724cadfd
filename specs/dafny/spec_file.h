#pragma once
/// Dafny spec files: what verigen must fill in, read from a file that is valid Dafny as it is.
///
/// - implement: a body-less method/function with contracts (and usually a doc comment) is a
///   hole at the end of its declaration; `{:axiom}` and `{:extern}` declarations are the user's
///   assumptions, not holes.
/// - annotate: with no implement hole, every `while` loop without an `invariant` is a hole
///   before its body, and every lemma with an empty body `{}` is a hole inside it.
/// - specify: with a `// verigen: specify` comment (or a forced kind), each declaration with a
///   doc comment and no `ensures` is a hole where its contracts go.
/// Examples are doc-comment lines `example: CALL == VALUE` (see specs/dafny/README.md).

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/task.h"

namespace verigen::dafny {

/// Reads `text` (from `path`) into a Task. Failures are one line `path:line:col: error: ...`:
/// a lexical or bracket error, brackets nested deeper than kMaxNesting (nesting.h), a file with
/// nothing to generate, or an `example:` line that is not data (a call of one of the spec's
/// top-level methods or functions with literal arguments and a literal value; see example_call.h).
Result<Task> parse_spec(const std::string& path, const std::string& text,
                        std::optional<TaskKind> forced_kind = std::nullopt);

/// The task's text with `fills[i]` inserted at hole i (holes are insertion points or ranges
/// replaced whole); every byte outside the holes is kept. Missing fills leave a hole as it is.
std::string splice(const Task& task, const std::vector<std::string>& fills);

}  // namespace verigen::dafny
