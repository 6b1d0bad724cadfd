// libFuzzer target: the spec-file readers — Dafny (specs/dafny/spec_file), Lean with CLEVER
// sections (specs/lean) and F* (specs/fstar) — each given every input, then splicing fills into
// the holes found and auditing the spec against itself.

#include "fuzz_input.h"
#include "specs/dafny/spec_file.h"
#include "specs/fstar/fstar_spec.h"
#include "specs/lean/lean_audit.h"
#include "specs/lean/lean_spec.h"
#include "specs/splice.h"

namespace {

using namespace verigen;

/// A failure is one line naming the file.
void check_failure(const std::string& error, const std::string& path) {
  fuzz::require(error.rfind(path, 0) == 0, "an error names the file");
  fuzz::require(error.find('\n') == std::string::npos, "an error is one line");
}

/// Holes lie inside the text, in order; filling them keeps every byte outside them.
void check_task(const Task& task) {
  std::size_t previous = 0;
  for (const auto& h : task.holes) {
    fuzz::require(h.begin <= h.end && h.end <= task.spec_text.size(), "holes lie inside the text");
    fuzz::require(h.begin >= previous, "holes are in order and do not overlap");
    previous = h.end;
  }
  std::vector<std::string> fills(task.holes.size(), "FILL");
  (void)splice_holes(task, fills);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(fuzz::as_text(data, size));

  auto dafny_task = dafny::parse_spec("spec.dfy", text);
  if (dafny_task.ok())
    check_task(*dafny_task);
  else
    check_failure(dafny_task.error(), "spec.dfy");

  auto lean_task = lean::parse_lean_spec("spec.lean", text);
  if (lean_task.ok())
    check_task(*lean_task);
  else
    check_failure(lean_task.error(), "spec.lean");
  auto clever = lean::clever_tasks("clever.lean", text);
  if (clever.ok()) {
    for (const auto& t : *clever) check_task(t);
  } else {
    check_failure(clever.error(), "clever.lean");
  }
  // A Lean file audited against itself keeps every fixed part; its holes still hold what the
  // file put there (`sorry`, a CLEVER section), which the hole audit may refuse, as it should.
  std::vector<Diagnostic> outside_holes;
  for (const auto& d : lean::audit_lean(text, text, "self.lean"))
    if (d.rule == "integrity.fixed-part-changed") outside_holes.push_back(d);
  fuzz::require_no_findings(outside_holes,
                            "a Lean file audited against itself keeps its fixed parts");

  auto fstar_task = fstar::parse_fstar_spec("spec.fst", text);
  if (fstar_task.ok())
    check_task(*fstar_task);
  else
    check_failure(fstar_task.error(), "spec.fst");
  fuzz::require_no_findings(fstar::audit_fstar(text, text, "self.fst"),
                            "an F* file audited against itself has no findings");
  return 0;
}
