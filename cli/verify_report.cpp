#include "cli/verify_report.h"

#include <unistd.h>

#include <cctype>
#include <cstdio>
#include <map>

#include "cli/commands.h"
#include "core/json_document.h"
#include "core/verdict_json.h"

namespace verigen::cli {

std::string format_seconds(std::chrono::milliseconds ms) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f s", static_cast<double>(ms.count()) / 1000.0);
  return buffer;
}

namespace {

std::string location_prefix(const Location& where) {
  std::string out = where.file;
  if (where.line > 0) {
    out += ":" + std::to_string(where.line);
    if (where.column > 0) out += ":" + std::to_string(where.column);
  }
  return out;
}

std::string verdict_line(const FileVerdict& r) {
  const Verdict& v = r.verdict;
  std::string line = r.file + ": " + std::string(to_string(v.outcome));
  if (v.cause != Cause::None) line += " (" + std::string(to_string(v.cause)) + ")";
  std::string facts;
  if (!v.tool_version.empty()) facts += v.tool_version;
  if (v.elapsed.count() > 0 || !v.tool_version.empty())
    facts += (facts.empty() ? "" : ", ") + format_seconds(v.elapsed);
  if (v.cached) facts += ", cached";
  if (!facts.empty()) line += " [" + facts + "]";
  return line;
}

const char* sarif_level(Severity severity) {
  switch (severity) {
    case Severity::Error:
      return "error";
    case Severity::Warning:
      return "warning";
    case Severity::Info:
      return "note";
  }
  return "error";
}

}  // namespace

std::string sarif_uri(const std::string& path) {
  // RFC 3986: unreserved characters and '/' stay; everything else (spaces, '#', '?', '%',
  // non-ASCII bytes) is percent-encoded. An absolute path becomes a file:// URI.
  std::string out = !path.empty() && path[0] == '/' ? "file://" : "";
  static const char* kHex = "0123456789ABCDEF";
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

namespace {

nlohmann::json sarif_location(const Location& where) {
  nlohmann::json physical = {{"artifactLocation", {{"uri", sarif_uri(where.file)}}}};
  if (where.line > 0) {
    nlohmann::json region = {{"startLine", where.line}};
    if (where.column > 0) region["startColumn"] = where.column;
    if (where.end_line > 0) region["endLine"] = where.end_line;
    if (where.end_column > 0) region["endColumn"] = where.end_column;
    physical["region"] = region;
  }
  nlohmann::json location = {{"physicalLocation", physical}};
  if (!where.message.empty()) location["message"] = {{"text", where.message}};
  return location;
}

Location file_location(const std::string& file) {
  Location where;
  where.file = file;
  return where;
}

}  // namespace

std::string render_text(const std::vector<FileVerdict>& results) {
  std::string out;
  std::map<Outcome, int> counts;
  for (const auto& r : results) {
    const Verdict& v = r.verdict;
    for (const auto& d : v.diagnostics) {
      out += format_diagnostic(d) + "\n";
      for (const auto& related : d.related)
        out += location_prefix(related) + ": note: " + related.message + "\n";
    }
    // Every assumption the proof rests on is listed: those that stop verification as errors,
    // those the user or the spec allowed as notes, so a certified result says what it trusts.
    for (const auto& a : v.assumptions) out += format_assumption(a) + "\n";
    // A failure without diagnostics still needs its reason on screen (tool missing, timeout).
    if (v.diagnostics.empty() && v.assumptions.empty() && !v.detail.empty() && !v.verified())
      out += v.detail + "\n";
    out += verdict_line(r) + "\n";
    ++counts[v.outcome];
  }
  if (results.size() > 1) {
    out += std::to_string(results.size()) + " files: " + std::to_string(counts[Outcome::Verified]) +
           " verified, " + std::to_string(counts[Outcome::Refuted]) + " refuted, " +
           std::to_string(counts[Outcome::Unknown]) + " unknown, " +
           std::to_string(counts[Outcome::Error]) + " error\n";
  }
  return out;
}

nlohmann::json render_json(const std::vector<FileVerdict>& results) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& r : results) {
    nlohmann::json entry = verdict_to_json(r.verdict);
    entry["file"] = r.file;
    list.push_back(entry);
  }
  return json_document("verify", {{"results", list}});
}

nlohmann::json render_sarif(const std::vector<FileVerdict>& results, const std::string& version,
                            int exit_code) {
  std::map<std::string, std::string> rules;  // id → short description
  nlohmann::json sarif_results = nlohmann::json::array();
  for (const auto& r : results) {
    for (const auto& a : r.verdict.assumptions) {
      std::string rule = "verigen.assumption." + a.kind;
      rules.emplace(rule, "the proof rests on an assumption: " + a.kind);
      std::string text = "assumption (" + a.kind + ")" +
                         (a.declaration.empty() ? "" : " in '" + a.declaration + "'") + ": " +
                         a.message + (a.allowed() ? " [allowed: " + a.allowed_by + "]" : "");
      sarif_results.push_back({{"ruleId", rule},
                               {"level", a.allowed() ? "note" : "error"},
                               {"message", {{"text", text}}},
                               {"locations", nlohmann::json::array({sarif_location(a.where)})}});
    }
    for (const auto& d : r.verdict.diagnostics) {
      std::string rule = d.rule.empty() ? "verigen.diagnostic" : d.rule;
      rules.emplace(rule, d.message);
      nlohmann::json result = {{"ruleId", rule},
                               {"level", sarif_level(d.severity)},
                               {"message", {{"text", d.message}}},
                               {"locations", nlohmann::json::array({sarif_location(d.where)})}};
      if (!d.related.empty()) {
        result["relatedLocations"] = nlohmann::json::array();
        int id = 0;
        for (const auto& related : d.related) {
          auto location = sarif_location(related);
          location["id"] = id++;
          result["relatedLocations"].push_back(location);
        }
      }
      sarif_results.push_back(result);
    }
    if (!r.verdict.verified() && r.verdict.diagnostics.empty() && r.verdict.assumptions.empty()) {
      // Timeouts, missing tools and the like have no source position but must not vanish.
      std::string rule =
          "verigen." + std::string(to_string(r.verdict.outcome)) +
          (r.verdict.cause == Cause::None ? "" : "." + std::string(to_string(r.verdict.cause)));
      rules.emplace(rule,
                    "verification did not succeed: " + std::string(to_string(r.verdict.outcome)));
      sarif_results.push_back(
          {{"ruleId", rule},
           {"level", "error"},
           {"message", {{"text", r.verdict.detail.empty() ? verdict_line(r) : r.verdict.detail}}},
           {"locations", nlohmann::json::array({sarif_location(file_location(r.file))})}});
    }
  }
  nlohmann::json rule_list = nlohmann::json::array();
  for (const auto& [id, text] : rules)
    rule_list.push_back({{"id", id}, {"shortDescription", {{"text", text}}}});
  char cwd[4096];
  std::string folder = ::getcwd(cwd, sizeof cwd) ? std::string(cwd) + "/" : "/";
  nlohmann::json invocation = {{"executionSuccessful", exit_code == 0 || exit_code == 1},
                               {"exitCode", exit_code},
                               {"workingDirectory", {{"uri", sarif_uri(folder)}}}};
  return {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
          {"version", "2.1.0"},
          {"runs",
           nlohmann::json::array(
               {{{"tool",
                  {{"driver", {{"name", "verigen"}, {"version", version}, {"rules", rule_list}}}}},
                 {"invocations", nlohmann::json::array({invocation})},
                 {"results", sarif_results}}})}};
}

int exit_code_for(const std::vector<FileVerdict>& results) {
  bool tool = false, bad_input = false, not_verified = false;
  for (const auto& r : results) {
    const Verdict& v = r.verdict;
    tool |= v.cause == Cause::ToolNotFound || v.cause == Cause::ToolCrashed;
    bad_input |= v.cause == Cause::BadInput;
    not_verified |= !v.verified();
  }
  if (tool) return kExitToolMissing;
  if (bad_input) return kExitBadInput;
  return not_verified ? kExitNotVerified : kExitOk;
}

}  // namespace verigen::cli
