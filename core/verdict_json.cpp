#include "core/verdict_json.h"

namespace verigen {
namespace {

using nlohmann::json;

json location_to_json(const Location& where, const std::string& self_path) {
  json j = {{"line", where.line}, {"column", where.column}};
  if (!self_path.empty() && where.file == self_path)
    j["self"] = true;
  else
    j["file"] = where.file;
  if (where.end_line) j["end_line"] = where.end_line;
  if (where.end_column) j["end_column"] = where.end_column;
  if (!where.message.empty()) j["message"] = where.message;
  return j;
}

Location location_from_json(const json& j, const std::string& self_path) {
  Location where;
  where.file = j.value("self", false) ? self_path : j.value("file", std::string());
  where.line = j.value("line", 0);
  where.column = j.value("column", 0);
  where.end_line = j.value("end_line", 0);
  where.end_column = j.value("end_column", 0);
  where.message = j.value("message", std::string());
  return where;
}

Severity severity_from_name(const std::string& name) {
  if (name == "warning") return Severity::Warning;
  if (name == "info") return Severity::Info;
  return Severity::Error;
}

json diagnostic_json(const Diagnostic& d, const std::string& self_path) {
  json j = location_to_json(d.where, self_path);
  j["severity"] = severity_name(d.severity);
  j["message"] = d.message;
  if (!d.rule.empty()) j["rule"] = d.rule;
  if (!d.related.empty()) {
    j["related"] = json::array();
    for (const auto& r : d.related) j["related"].push_back(location_to_json(r, self_path));
  }
  return j;
}

/// Throws json::exception on a field of the wrong type; callers fence it.
Diagnostic diagnostic_json_read(const json& dj, const std::string& self_path) {
  Diagnostic d;
  d.where = location_from_json(dj, self_path);
  d.severity = severity_from_name(dj.value("severity", std::string("error")));
  d.message = dj.value("message", std::string());
  d.rule = dj.value("rule", std::string());
  if (dj.contains("related"))
    for (const auto& rj : dj["related"]) d.related.push_back(location_from_json(rj, self_path));
  return d;
}

json assumption_json(const Assumption& a, const std::string& self_path) {
  json j = location_to_json(a.where, self_path);
  j["kind"] = a.kind;
  j["declaration"] = a.declaration;
  j["message"] = a.message;
  j["found_by"] = a.found_by;
  if (!a.text.empty()) j["text"] = a.text;
  j["allowed"] = a.allowed();
  if (a.allowed()) j["allowed_by"] = a.allowed_by;
  return j;
}

/// `text` with each occurrence of `path` replaced by `marker`.
std::string replace_all(std::string text, const std::string& path, const std::string& marker) {
  if (path.empty()) return text;
  for (auto at = text.find(path); at != std::string::npos; at = text.find(path, at + marker.size()))
    text.replace(at, path.size(), marker);
  return text;
}

// Stands for the verdict's own file in a stored detail, so a cached verdict never names the
// path of the copy it was first computed for.
const std::string kSelfMarker = "\x01self\x01";

}  // namespace

json assumption_to_json(const Assumption& assumption) { return assumption_json(assumption, {}); }

json diagnostic_to_json(const Diagnostic& diagnostic) { return diagnostic_json(diagnostic, {}); }

std::optional<Diagnostic> diagnostic_from_json(const json& value) {
  if (!value.is_object()) return std::nullopt;
  try {
    return diagnostic_json_read(value, {});
  } catch (const json::exception&) {
    return std::nullopt;
  }
}

json verdict_to_json(const Verdict& verdict, const std::string& self_path) {
  json diagnostics = json::array();
  for (const auto& d : verdict.diagnostics) diagnostics.push_back(diagnostic_json(d, self_path));
  json assumptions = json::array();
  for (const auto& a : verdict.assumptions) assumptions.push_back(assumption_json(a, self_path));
  return {{"outcome", std::string(to_string(verdict.outcome))},
          {"cause", std::string(to_string(verdict.cause))},
          {"detail", replace_all(verdict.detail, self_path, kSelfMarker)},
          {"diagnostics", diagnostics},
          {"assumptions", assumptions},
          {"tool_version", verdict.tool_version},
          {"elapsed_ms", verdict.elapsed.count()},
          {"cached", verdict.cached}};
}

std::optional<Verdict> verdict_from_json(const json& value, const std::string& self_path) {
  try {
    if (!value.is_object()) return std::nullopt;
    auto outcome = outcome_from_string(value.at("outcome").get<std::string>());
    auto cause = cause_from_string(value.at("cause").get<std::string>());
    if (!outcome || !cause) return std::nullopt;
    Verdict v;
    v.outcome = *outcome;
    v.cause = *cause;
    v.detail = replace_all(value.value("detail", std::string()), kSelfMarker, self_path);
    v.tool_version = value.value("tool_version", std::string());
    v.elapsed = std::chrono::milliseconds(value.value("elapsed_ms", 0LL));
    v.cached = value.value("cached", false);
    for (const auto& dj : value.at("diagnostics"))
      v.diagnostics.push_back(diagnostic_json_read(dj, self_path));
    if (value.contains("assumptions"))
      for (const auto& aj : value.at("assumptions")) {
        Assumption a;
        a.where = location_from_json(aj, self_path);
        a.kind = aj.value("kind", std::string());
        a.declaration = aj.value("declaration", std::string());
        a.message = aj.value("message", std::string());
        a.found_by = aj.value("found_by", std::string());
        a.text = aj.value("text", std::string());
        a.allowed_by = aj.value("allowed_by", std::string());
        if (a.kind.empty()) return std::nullopt;
        v.assumptions.push_back(std::move(a));
      }
    return v;
  } catch (const json::exception&) {
    return std::nullopt;
  }
}

}  // namespace verigen
