#pragma once
/// Reading what F* printed: `--message_format json` lines ({"msg": [...], "level", "range":
/// {"def", "use"}, "number", "ctx"}) and the human format as the fallback
/// (`* Error 19 at File.fst(6,9-6,17):` with `  - ` bullets; newer F* prints
/// `File.fst:6.10-6.18` with 1-based columns). F*'s lines are 1-based; its columns 0-based
/// except in that newer format; verigen's are both 1-based.

#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "core/process.h"
#include "core/verdict.h"

namespace verigen::fstar {

/// Messages of JSON-format output: only lines that are JSON objects with a "msg" array count
/// (F* also prints plain progress lines and profiling objects). `one_based_columns` for F*
/// versions whose JSON columns are 1-based.
std::vector<Diagnostic> parse_json_messages(std::string_view out, const PathMapping& paths,
                                            bool one_based_columns = false);

/// Messages of human-format output (both position styles).
std::vector<Diagnostic> parse_human_messages(std::string_view out, const PathMapping& paths);

/// Messages of the IDE protocol (`fstar.exe --ide`): the entries of each "response" object's
/// "response" list ({"level", "message", "number", "ranges": [{"beg": [l, c], "end", "fname"}]}).
std::vector<Diagnostic> parse_ide_responses(std::string_view out, const PathMapping& paths);

/// True for an `Info` message that reports a failure an `expect_failure` expected.
bool is_expected_failure(const Diagnostic& d);

/// The verdict for one finished `fstar.exe` run: Verified only with exit code 0 and no Error;
/// errors → Refuted (syntax errors → Error/BadInput); a failing exit code without an error →
/// Error/ToolCrashed; timeouts → Unknown/Timeout; a missing tool → Error/ToolNotFound.
Verdict interpret_fstar_run(const ProcessResult& run, const PathMapping& paths);

}  // namespace verigen::fstar
