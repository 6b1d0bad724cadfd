#pragma once
/// Reading what Lean 4 printed: `lean --json` lines (one JSON object per message: fileName,
/// pos {line, column}, endPos, severity, data, caption, kind, isSilent, keepFullRange), the
/// plain-text format as the fallback, and LSP publishDiagnostics objects. Lean's lines are
/// 1-based and its columns 0-based (LSP: both 0-based); verigen's are both 1-based.

#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "core/process.h"
#include "core/verdict.h"

namespace verigen::lean {

/// Messages of `lean --json` output; lines that are not JSON objects are collected in
/// `other_lines` (so a caller can fall back to the text parser).
std::vector<Diagnostic> parse_json_messages(std::string_view out, const PathMapping& paths,
                                            std::vector<std::string>* other_lines = nullptr);

/// Messages of the plain-text format: `file:line:col[-line:col]: severity[(name)]: text`
/// headers with continuation lines; bare text outside any message is an info message without
/// a position (`#print`, `#check`, `#eval` output).
std::vector<Diagnostic> parse_text_messages(std::string_view out, const PathMapping& paths);

/// Diagnostics of LSP `textDocument/publishDiagnostics` parameter objects written one after
/// another (possibly pretty-printed over several lines).
std::vector<Diagnostic> parse_lsp_diagnostics(std::string_view out, const PathMapping& paths);

/// True for Lean's warning that a declaration depends on `sorry` (old and new quoting), and
/// for `#print axioms` output listing `sorryAx`.
bool mentions_sorry(const Diagnostic& d);

/// What a run must show beyond "no error and no sorry".
struct TrustChecks {
  /// Lines (1-based, inclusive) the generator wrote: a warning there fails the run.
  std::vector<std::pair<int, int>> answer_lines;
  /// The file asks `#print axioms`: a run whose output has no axioms report is not trusted.
  bool axioms_expected = false;
};

/// The verdict for one finished `lean --json` (or `lake env lean --json`) run: Verified only
/// with exit code 0, no error and no sorry; errors → Refuted (parse errors → Error/BadInput);
/// a sorry → Refuted/Integrity; a failing exit code without an error → Error/ToolCrashed;
/// timeouts → Unknown/Timeout; a missing tool → Error/ToolNotFound. Also Refuted/Integrity: a
/// `#print axioms` report naming an axiom beyond propext, Classical.choice and Quot.sound, a
/// warning on `checks.answer_lines`, a missing axioms report when one is expected.
Verdict interpret_lean_run(const ProcessResult& run, const PathMapping& paths,
                           const TrustChecks& checks = {});

}  // namespace verigen::lean
