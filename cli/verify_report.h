#pragma once
/// The outputs of `verigen verify`: compiler-style text, the --json document, SARIF 2.1.0,
/// and the exit code of the CLI contract.

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/verdict.h"

namespace verigen::cli {

/// One input file and what became of it.
struct FileVerdict {
  std::string file;
  Verdict verdict;
};

/// Text as a compiler prints it: each diagnostic as `file:line:col: error: message`, related
/// locations as `note:` lines, then `file: <outcome> ...` per file and a total for several files.
std::string render_text(const std::vector<FileVerdict>& results);
/// "1.94 s": how every report shows a duration.
std::string format_seconds(std::chrono::milliseconds ms);

/// {"schema_version","command":"verify","results":[{"file","outcome","cause","detail",
/// "diagnostics":[...],"assumptions":[...],"elapsed_ms",...}]} (json_document.h).
nlohmann::json render_json(const std::vector<FileVerdict>& results);

/// A SARIF 2.1.0 log: one run, tool.driver {name, version, rules}, an invocation (exit code,
/// success, working directory), one result per diagnostic and per assumption (ruleId
/// `verigen.assumption.KIND`, level error, or note when allowed), and one per file-level
/// failure. Artifact URIs are percent-encoded; absolute paths are file:// URIs.
nlohmann::json render_sarif(const std::vector<FileVerdict>& results, const std::string& version,
                            int exit_code);

/// A path as a SARIF artifact URI: percent-encoded (RFC 3986), `file://` before an absolute path.
std::string sarif_uri(const std::string& path);

/// 3 when a tool is missing or crashed; else 2 for bad input; else 1 when anything is not
/// verified; else 0.
int exit_code_for(const std::vector<FileVerdict>& results);

}  // namespace verigen::cli
