#include "backends/dafny/dafny_output.h"

#include <nlohmann/json.hpp>
#include <regex>

#include "core/process_verdict.h"

namespace verigen::dafny {
namespace {

using nlohmann::json;

/// Dafny's own message templates use {0}, {1} ... for arguments.
std::string format_message(const json& value) {
  std::string text = value.value("defaultFormatMessage", std::string());
  if (!value.contains("arguments") || !value["arguments"].is_array()) return text;
  const auto& args = value["arguments"];
  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string placeholder = "{" + std::to_string(i) + "}";
    std::string arg = args[i].is_string() ? args[i].get<std::string>() : args[i].dump();
    for (auto at = text.find(placeholder); at != std::string::npos;
         at = text.find(placeholder, at + arg.size()))
      text.replace(at, placeholder.size(), arg);
  }
  return text;
}

std::string map_file(const json& location, const PathMapping& paths) {
  auto pick = [](const json& v) { return v.is_string() ? v.get<std::string>() : std::string(); };
  std::string file = location.contains("filePath") ? pick(location["filePath"]) : "";
  std::string name = location.contains("filename") ? pick(location["filename"]) : "";
  if (file.empty()) file = name;
  if (file == paths.tool_path || name == paths.tool_path) return paths.display_path;
  // Dafny prints the name relative to the working directory; ours may be absolute.
  auto slash = paths.tool_path.rfind('/');
  std::string base = slash == std::string::npos ? paths.tool_path : paths.tool_path.substr(slash + 1);
  if (!base.empty() && (file == base || name == base)) return paths.display_path;
  if (file == "unknown") return paths.display_path;
  return file;
}

/// Dafny's JSON positions: 1-based lines, 0-based characters; negative when unknown.
Location to_location(const json& location, const PathMapping& paths) {
  Location where;
  where.file = map_file(location, paths);
  if (location.contains("range")) {
    const auto& range = location["range"];
    auto line = range["start"].value("line", 0);
    auto character = range["start"].value("character", -1);
    where.line = line > 0 ? line : 0;
    where.column = where.line > 0 && character >= 0 ? character + 1 : 0;
    auto end_line = range["end"].value("line", 0);
    auto end_character = range["end"].value("character", -1);
    where.end_line = end_line > 0 ? end_line : 0;
    where.end_column = where.end_line > 0 && end_character >= 0 ? end_character + 1 : 0;
  }
  return where;
}

Severity to_severity(int code) {
  switch (code) {
    case 1: return Severity::Error;
    case 2: return Severity::Warning;
    default: return Severity::Info;
  }
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

Diagnostic to_diagnostic(const json& value, const PathMapping& paths) {
  Diagnostic d;
  d.where = to_location(value.value("location", json::object()), paths);
  d.severity = to_severity(value.value("severity", 1));
  d.message = format_message(value);
  std::string source = value.contains("source") && value["source"].is_string()
                           ? value["source"].get<std::string>() : "dafny";
  std::string id = value.contains("errorId") && value["errorId"].is_string()
                       ? value["errorId"].get<std::string>() : "";
  d.rule = "dafny." + lower(source) + (id.empty() ? "" : "." + id);
  if (value.contains("relatedInformation") && value["relatedInformation"].is_array()) {
    for (const auto& related : value["relatedInformation"]) {
      Location where = to_location(related.value("location", json::object()), paths);
      where.message = format_message(related);
      d.related.push_back(std::move(where));
    }
  }
  return d;
}

std::string first_error_line(const ParsedOutput& parsed) {
  for (const auto& d : parsed.diagnostics)
    if (d.severity == Severity::Error) return format_diagnostic(d);
  return {};
}

}  // namespace

std::string assumption_kind_of_warning(std::string_view message) {
  namespace kind = assumption_kind;
  auto has = [&](std::string_view part) { return message.find(part) != std::string_view::npos; };
  if (has("assume") && has("{:axiom}")) return std::string(kind::kAssume);
  if (has("{:extern}")) return std::string(kind::kExtern);
  if (has("@VerifyOnly") || has("{:only}")) return std::string(kind::kOnly);
  if (has("{:verify false}")) return std::string(kind::kVerifyFalse);
  if (has("has no body") || has("bodyless"))
    return has("loop") || has("forall") ? std::string(kind::kBodylessLoop) : std::string(kind::kBodyless);
  return {};
}

bool is_escape_hatch_warning(const Diagnostic& d) {
  return d.severity == Severity::Warning && !assumption_kind_of_warning(d.message).empty();
}

std::vector<Assumption> assumptions_from_warnings(const std::vector<Diagnostic>& diagnostics) {
  std::vector<Assumption> out;
  for (const auto& d : diagnostics) {
    if (!is_escape_hatch_warning(d)) continue;
    Assumption a;
    a.kind = assumption_kind_of_warning(d.message);
    a.where = d.where;
    a.where.message.clear();
    a.message = d.message;
    a.source = "dafny verify";
    out.push_back(std::move(a));
  }
  return out;
}

bool is_timeout_message(const std::string& message) {
  return message.find("timed out") != std::string::npos;
}

std::optional<VerifierSummary> parse_summary(std::string_view text) {
  static const std::regex kLine(R"(Dafny program verifier finished with (\d+) verified, (\d+) errors?([^\n]*))");
  static const std::regex kExtra(R"((\d+) (time outs?|out of resource|inconclusive))");
  std::match_results<std::string_view::const_iterator> m;
  if (!std::regex_search(text.begin(), text.end(), m, kLine)) return std::nullopt;
  VerifierSummary s;
  s.verified = std::stoi(m[1].str());
  s.errors = std::stoi(m[2].str());
  std::string rest = m[3].str();
  for (std::sregex_iterator it(rest.begin(), rest.end(), kExtra), end; it != end; ++it) {
    int count = std::stoi((*it)[1].str());
    std::string what = (*it)[2].str();
    if (what.rfind("time out", 0) == 0) s.timeouts = count;
    else if (what == "out of resource") s.out_of_resource = count;
    else s.inconclusive = count;
  }
  return s;
}

ParsedOutput parse_json_output(std::string_view out, const PathMapping& paths) {
  ParsedOutput parsed;
  std::size_t pos = 0;
  while (pos < out.size()) {
    auto end = out.find('\n', pos);
    if (end == std::string_view::npos) end = out.size();
    std::string_view line = out.substr(pos, end - pos);
    pos = end + 1;
    if (line.empty()) continue;
    json message = json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (message.is_discarded() || !message.is_object() || !message.contains("type")) {
      parsed.other_lines.emplace_back(line);
      continue;
    }
    const std::string type = message["type"].is_string() ? message["type"].get<std::string>() : "";
    if (type == "diagnostic" && message.contains("value") && message["value"].is_object()) {
      parsed.diagnostics.push_back(to_diagnostic(message["value"], paths));
    } else if (type == "status" && message.contains("value") && message["value"].is_string()) {
      const std::string status = message["value"].get<std::string>();
      if (auto s = parse_summary(status)) parsed.summary = s;
      if (status.find("parse errors detected") != std::string::npos ||
          status.find("resolution/type errors detected") != std::string::npos)
        parsed.parse_or_resolution_errors = true;
      if (status.find("warnings were found") != std::string::npos) parsed.warnings_rejected = true;
    } else {
      parsed.other_lines.emplace_back(line);
    }
  }
  return parsed;
}

Verdict interpret_verify_run(const ProcessResult& run, const PathMapping& paths) {
  if (auto unfinished = verdict_for_unfinished_run(run, "dafny")) return *unfinished;

  std::string out = run.out;
  if (run.out_truncated) {
    // The head filled the cap; the summary line is at the end, in the tail. The tail may start
    // mid-line: drop that partial line.
    auto newline = run.out_tail.find('\n');
    if (newline != std::string::npos) out += "\n" + run.out_tail.substr(newline + 1);
  }
  ParsedOutput parsed = parse_json_output(out, paths);
  const auto& s = parsed.summary;
  auto with_diagnostics = [&](Verdict v) {
    v.diagnostics = parsed.diagnostics;
    return v;
  };

  switch (run.exit_code) {
    case 0: {
      bool clean = s && s->errors == 0 && s->timeouts == 0 && s->out_of_resource == 0 &&
                   s->inconclusive == 0;
      bool error_diagnostic = false;
      for (const auto& d : parsed.diagnostics) error_diagnostic |= d.severity == Severity::Error;
      if (clean && !error_diagnostic) {
        Verdict v = Verdict::verified_by("");
        v.diagnostics = parsed.diagnostics;  // warnings the user may want to see
        // Proved, perhaps under assumptions nobody proved: the back-end's policy judges them
        // (settle_assumptions), never this reading of the output.
        v.assumptions = assumptions_from_warnings(v.diagnostics);
        return v;
      }
      return with_diagnostics(Verdict::error(
          Cause::BadOutput, s ? "dafny exited 0 but its summary reports failures"
                              : "dafny exited 0 without a verification summary"));
    }
    case 4: {
      if (s && s->errors > 0)
        return with_diagnostics(Verdict::refuted({}, first_error_line(parsed)));
      if (s && s->timeouts > 0) {
        std::string detail = "dafny: " + std::to_string(s->timeouts) +
                             " verification time-out(s) (--verification-time-limit)";
        for (const auto& d : parsed.diagnostics)
          if (is_timeout_message(d.message)) { detail = format_diagnostic(d); break; }
        Verdict timed_out = with_diagnostics(Verdict::unknown(Cause::Timeout, detail));
        timed_out.reproducible = true;  // Dafny's own limit, part of the options, not our clock
        return timed_out;
      }
      if (s && (s->out_of_resource > 0 || s->inconclusive > 0))
        return with_diagnostics(Verdict::unknown(Cause::ResourceLimit, first_error_line(parsed)));
      return with_diagnostics(
          Verdict::error(Cause::BadOutput, "dafny exited 4 without a failure in its summary"));
    }
    case 2: {
      if (parsed.parse_or_resolution_errors) {
        std::string first = first_error_line(parsed);
        return with_diagnostics(Verdict::error(Cause::BadInput, first.empty() ? "dafny: parse or resolution errors" : first));
      }
      if (parsed.warnings_rejected) {
        // Dafny itself refuses a program that relies on an unproven assumption; verigen agrees.
        auto findings = parsed.diagnostics;
        for (auto& d : findings)
          if (d.severity == Severity::Warning) d.severity = Severity::Error;
        Verdict v = Verdict::rejected(std::move(findings));
        if (v.detail.empty()) v.detail = "dafny rejects warnings (e.g. assume without {:axiom})";
        return v;
      }
      return with_diagnostics(Verdict::error(Cause::BadOutput, "dafny exited 2: " + output_tail(run.out + run.err)));
    }
    case 1: {
      std::string first = first_error_line(parsed);
      return with_diagnostics(Verdict::error(
          Cause::BadInput, first.empty() ? "dafny: " + output_tail(run.out + run.err) : first));
    }
    default:
      return with_diagnostics(Verdict::error(
          Cause::ToolCrashed, "dafny " + run.describe() + ": " + output_tail(run.err.empty() ? run.out : run.err)));
  }
}

}  // namespace verigen::dafny
