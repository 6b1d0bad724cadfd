#include "core/diagnostic.h"

namespace verigen {

std::string PathMapping::map(const std::string& file) const {
  if (file.empty() || file == tool_path) return display_path;
  auto slash = tool_path.rfind('/');
  std::string base = slash == std::string::npos ? tool_path : tool_path.substr(slash + 1);
  if (file == base) return display_path;
  // Tools print paths relative to their working directory: "verigen-x/a.dfy" for
  // "/tmp/verigen-x/a.dfy". A relative name that is a trailing part of the tool's path is it.
  if (!file.empty() && file[0] != '/' && tool_path.size() > file.size() &&
      tool_path.compare(tool_path.size() - file.size(), file.size(), file) == 0 &&
      tool_path[tool_path.size() - file.size() - 1] == '/')
    return display_path;
  return file;
}

std::string severity_name(Severity severity) {
  switch (severity) {
    case Severity::Error:
      return "error";
    case Severity::Warning:
      return "warning";
    case Severity::Info:
      return "info";
  }
  return "error";
}

std::string format_diagnostic(const Diagnostic& d) {
  std::string out = d.where.file.empty() ? std::string("<unknown>") : d.where.file;
  if (d.where.line > 0) {
    out += ":" + std::to_string(d.where.line);
    if (d.where.column > 0) out += ":" + std::to_string(d.where.column);
  }
  out += ": " + severity_name(d.severity) + ": " + d.message;
  return out;
}

}  // namespace verigen
