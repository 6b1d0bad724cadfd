#pragma once
/// Lean 4 spec files: `sorry` is a hole; CLEVER problems are sections marked
/// `-- start_def NAME` / `-- end_def NAME`, from which four tasks are made.

#include <string>
#include <vector>

#include "core/result.h"
#include "core/task.h"

namespace verigen::lean {

/// A `-- start_def NAME` ... `-- end_def NAME` section: [begin, end) is its inner text.
struct Section {
  std::string name;
  std::size_t begin = 0;
  std::size_t end = 0;
};

/// The CLEVER sections of `text`, in order. A section opened and never closed (or closed
/// under another name) is a Failure `path:line:col: error: ...`.
Result<std::vector<Section>> clever_sections(const std::string& path, const std::string& text);

/// The four CLEVER tasks of a problem: spec generation (generated_spec_body, Specify), spec
/// isomorphism proof (spec_isomorphism_proof, Prove), implementation (implementation,
/// Implement) and correctness proof (correctness_proof, Prove); each task's single hole is its
/// section's text. Task ids are "<path>#<section>".
Result<std::vector<Task>> clever_tasks(const std::string& path, const std::string& text);

/// A plain Lean spec: every `sorry` (outside comments and strings) is a hole.
Result<Task> parse_lean_spec(const std::string& path, const std::string& text);

}  // namespace verigen::lean
