#pragma once
/// Symbolic completion of a near miss: a model's program that fails only for want of a loop
/// invariant is handed to the builtin annotator, its own invariants becoming seeds beside the
/// template ones, and Dafny prunes them all Houdini-style (a wrong seed is dropped like a wrong
/// template).

#include <string>
#include <vector>

#include "core/backend.h"
#include "core/task.h"

namespace verigen::bench {

/// A program with its loop invariants taken out.
struct StrippedInvariants {
  std::string program;  ///< the text without its `invariant` clauses
  /// Each removed clause's expression and the byte offset in `program` where it stood.
  std::vector<std::pair<std::string, std::size_t>> invariants;
};

/// Removes every `invariant` clause (one or several lines: a clause runs until the next line
/// that starts with a loop clause keyword or a brace, or until a `{` that opens the body).
StrippedInvariants strip_invariants(const std::string& program);

struct Completion {
  std::string program;     ///< the completed program ("" when the annotator had no loop to work on)
  bool verified = false;   ///< Houdini's last verification of `program` succeeded
  int verifier_calls = 0;  ///< Houdini's calls
};

/// Completes `program` (a candidate of `task`): its invariants are stripped and become
/// candidates of their loops together with the templates of gen/builtin, and Houdini keeps the
/// greatest inductive subset within `seconds`. The task's assumption policy applies.
Completion complete_near_miss(Backend& backend, const Task& task, const std::string& program,
                              double seconds);

}  // namespace verigen::bench
