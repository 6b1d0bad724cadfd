#include "backends/lean/lean_trust.h"

namespace verigen::lean {

bool is_axioms_report(const Diagnostic& d) {
  return d.message.find("' depends on axioms: [") != std::string::npos ||
         d.message.find("' does not depend on any axioms") != std::string::npos;
}

std::optional<std::string> nonstandard_axioms(const Diagnostic& d) {
  if (!is_axioms_report(d)) return std::nullopt;
  const std::string marker = "' depends on axioms: [";
  auto at = d.message.find(marker);
  if (at == std::string::npos) return std::string();
  auto close = d.message.find(']', at);
  std::string list =
      d.message.substr(at + marker.size(),
                       close == std::string::npos ? std::string::npos : close - at - marker.size());
  std::string beyond;
  std::size_t pos = 0;
  while (pos <= list.size()) {
    auto comma = list.find(',', pos);
    if (comma == std::string::npos) comma = list.size();
    std::string name = list.substr(pos, comma - pos);
    // Long lists are wrapped over lines by Lean's formatter.
    auto b = name.find_first_not_of(" \n\t");
    auto e = name.find_last_not_of(" \n\t");
    name = b == std::string::npos ? "" : name.substr(b, e - b + 1);
    bool standard = false;
    for (const char* ok : kStandardAxioms) standard |= name == ok;
    if (!name.empty() && !standard) beyond += (beyond.empty() ? "" : ", ") + name;
    pos = comma + 1;
  }
  // An unterminated list cannot be read as clean.
  if (close == std::string::npos && beyond.empty()) return std::string("(unreadable list)");
  return beyond;
}

const Diagnostic* warning_in(const std::vector<Diagnostic>& messages,
                             const std::vector<std::pair<int, int>>& lines) {
  for (const auto& d : messages) {
    if (d.severity != Severity::Warning) continue;
    for (const auto& [first, last] : lines)
      if (d.where.line >= first && d.where.line <= last) return &d;
  }
  return nullptr;
}

}  // namespace verigen::lean
