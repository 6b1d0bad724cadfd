#include "core/diagnostic.h"

namespace verigen {

std::string PathMapping::map(const std::string& file) const {
  if (file.empty() || file == tool_path) return display_path;
  auto slash = tool_path.rfind('/');
  std::string base = slash == std::string::npos ? tool_path : tool_path.substr(slash + 1);
  return file == base ? display_path : file;
}

std::string severity_name(Severity severity) {
  switch (severity) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Info: return "info";
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
