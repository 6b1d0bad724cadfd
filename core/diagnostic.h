#pragma once
/// Diagnostic: one message of a verifier, located in a source file.

#include <string>
#include <vector>

namespace verigen {

enum class Severity { Error, Warning, Info };

/// A place in a source file. Lines and columns are 1-based; 0 means "not known".
/// Back-ends convert their tool's conventions (Lean's 0-based columns, ...) into this one.
struct Location {
  std::string file;
  int line = 0;
  int column = 0;
  int end_line = 0;
  int end_column = 0;
  std::string message;  ///< what the location is ("this is the postcondition ..."), may be empty
  bool operator==(const Location&) const = default;
};

/// A message of a verifier or of verigen's own audits.
struct Diagnostic {
  Location where;
  Severity severity = Severity::Error;
  std::string message;
  std::string rule;  ///< stable identifier for SARIF ruleId, e.g. "dafny.postcondition"
  std::vector<Location> related;  ///< related locations (the violated postcondition, ...)
  bool operator==(const Diagnostic&) const = default;
};

/// A tool names the file it was given (`tool_path`, often a scratch copy); the user knows it
/// as `display_path`. Back-ends re-point diagnostics through this.
struct PathMapping {
  std::string tool_path;
  std::string display_path;
  /// `file` as the user should read it: the display path for the tool's file (by full path
  /// or base name), anything else unchanged.
  std::string map(const std::string& file) const;
};

/// "error", "warning", "info".
std::string severity_name(Severity severity);

/// One compiler-style line: `file:line:col: error: message` (position parts omitted when 0).
std::string format_diagnostic(const Diagnostic& diagnostic);

}  // namespace verigen
