#include "core/assumption.h"

#include <algorithm>

#include "core/hash.h"

namespace verigen {

const std::vector<std::string>& assumption_kinds() {
  namespace k = assumption_kind;
  static const std::vector<std::string> kinds = {
      std::string(k::kAssume),   std::string(k::kAxiom),         std::string(k::kExtern),
      std::string(k::kBodyless), std::string(k::kBodylessLoop),  std::string(k::kVerifyFalse),
      std::string(k::kOnly),     std::string(k::kDecreasesStar), std::string(k::kExpect),
      std::string(k::kOptions),  std::string(k::kAttribute),     std::string(k::kTermination),
      std::string(k::kInclude),  std::string(k::kOther)};
  return kinds;
}

std::string AssumptionPolicy::fingerprint() const {
  std::vector<std::string> sorted = allowed;
  std::sort(sorted.begin(), sorted.end());
  std::string out = "allow=";
  for (const auto& a : sorted) out += a + ",";
  out += ";original=" + (has_original ? sha256_hex(original) : std::string("none"));
  std::vector<std::string> sorted_holes = holes;
  std::sort(sorted_holes.begin(), sorted_holes.end());
  out += ";holes=";
  for (const auto& h : sorted_holes) out += h + ",";
  return out;
}

bool AssumptionPolicy::allows_kind(const Assumption& a) const {
  for (const auto& entry : allowed) {
    if (entry == a.kind) return true;
    if (!a.declaration.empty() && entry == a.kind + ":" + a.declaration) return true;
  }
  return false;
}

std::string format_assumption(const Assumption& a) {
  Diagnostic d;
  d.where = a.where;
  d.severity = a.allowed() ? Severity::Info : Severity::Error;
  d.message = "assumption (" + a.kind + ")";
  if (!a.declaration.empty()) d.message += " in '" + a.declaration + "'";
  d.message += ": " + a.message;
  if (a.allowed()) d.message += " [allowed: " + a.allowed_by + "]";
  return format_diagnostic(d);
}

void apply_assumption_policy(std::vector<Assumption>& found,
                             const std::vector<Assumption>& baseline,
                             const AssumptionPolicy& policy) {
  std::vector<bool> used(baseline.size(), false);
  auto simple = [](const std::string& name) {
    auto dot = name.rfind('.');
    return dot == std::string::npos ? name : name.substr(dot + 1);
  };
  for (std::size_t i = 0; i < baseline.size(); ++i)
    for (const auto& hole : policy.holes)
      if (!baseline[i].declaration.empty() && simple(baseline[i].declaration) == simple(hole))
        used[i] = true;
  for (auto& a : found) {
    if (a.allowed()) continue;
    for (std::size_t i = 0; i < baseline.size(); ++i) {
      const auto& b = baseline[i];
      if (used[i] || b.kind != a.kind || b.found_by != a.found_by || b.declaration != a.declaration)
        continue;
      if (!a.text.empty() && !b.text.empty() && a.text != b.text) continue;
      used[i] = true;
      a.allowed_by = "spec";
      break;
    }
    if (!a.allowed() && policy.allows_kind(a)) a.allowed_by = "--allow-assumption " + a.kind;
  }
}

void merge_duplicate_assumptions(std::vector<Assumption>& assumptions) {
  std::vector<Assumption> merged;
  for (auto& a : assumptions) {
    auto same = std::find_if(merged.begin(), merged.end(), [&](const Assumption& m) {
      return m.kind == a.kind && m.where.file == a.where.file && m.where.line == a.where.line;
    });
    if (same == merged.end()) {
      merged.push_back(std::move(a));
      continue;
    }
    if (same->found_by.find(a.found_by) == std::string::npos) same->found_by += ", " + a.found_by;
    if (!a.allowed()) same->allowed_by.clear();
    // Dafny's own words first, and the most qualified name of the declaration.
    if (a.found_by == "dafny audit") same->message = a.message;
    if (a.declaration.size() > same->declaration.size()) same->declaration = a.declaration;
    if (same->text.empty()) same->text = a.text;
  }
  assumptions = std::move(merged);
}

}  // namespace verigen
