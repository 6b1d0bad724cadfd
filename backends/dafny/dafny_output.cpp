#include "backends/dafny/dafny_output.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "backends/dafny/dafny_run_verdict.h"
#include "core/json_fields.h"
#include "core/process_verdict.h"
#include "core/text_lines.h"

namespace verigen::dafny {
namespace {

using nlohmann::json;

/// Dafny's own message templates use {0}, {1} ... for arguments.
std::string format_message(const json& value) {
  std::string text = json_string(value, "defaultFormatMessage");
  const auto& args = json_field(value, "arguments");
  if (!args.is_array()) return text;
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
  std::string file = json_string(location, "filePath");
  std::string name = json_string(location, "filename");
  if (file.empty()) file = name;
  if (file == paths.tool_path || name == paths.tool_path) return paths.display_path;
  // Dafny prints the name relative to the working directory; ours may be absolute.
  auto slash = paths.tool_path.rfind('/');
  std::string base =
      slash == std::string::npos ? paths.tool_path : paths.tool_path.substr(slash + 1);
  if (!base.empty() && (file == base || name == base)) return paths.display_path;
  if (file == "unknown") return paths.display_path;
  return file;
}

/// Dafny's JSON positions: 1-based lines, 0-based characters; negative when unknown.
Location to_location(const json& location, const PathMapping& paths) {
  Location where;
  where.file = map_file(location, paths);
  const auto& range = json_field(location, "range");
  if (range.is_object()) {
    const auto& start = json_field(range, "start");
    const auto& end = json_field(range, "end");
    auto line = json_int(start, "line", 0);
    auto character = json_int(start, "character", -1);
    where.line = line > 0 ? line : 0;
    where.column = where.line > 0 && character >= 0 ? character + 1 : 0;
    auto end_line = json_int(end, "line", 0);
    auto end_character = json_int(end, "character", -1);
    where.end_line = end_line > 0 ? end_line : 0;
    where.end_column = where.end_line > 0 && end_character >= 0 ? end_character + 1 : 0;
  }
  return where;
}

Severity to_severity(int code) {
  switch (code) {
    case 1:
      return Severity::Error;
    case 2:
      return Severity::Warning;
    default:
      return Severity::Info;
  }
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

Diagnostic to_diagnostic(const json& value, const PathMapping& paths) {
  Diagnostic d;
  d.where = to_location(json_field(value, "location"), paths);
  d.severity = to_severity(json_int(value, "severity", 1));
  d.message = format_message(value);
  std::string source = json_string(value, "source", "dafny");
  std::string id = json_string(value, "errorId");
  d.rule = "dafny." + lower(source) + (id.empty() ? "" : "." + id);
  const auto& related_information = json_field(value, "relatedInformation");
  if (related_information.is_array()) {
    for (const auto& related : related_information) {
      Location where = to_location(json_field(related, "location"), paths);
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
    return has("loop") || has("forall") ? std::string(kind::kBodylessLoop)
                                        : std::string(kind::kBodyless);
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
    a.found_by = "dafny verify";
    out.push_back(std::move(a));
  }
  return out;
}

bool is_timeout_message(const std::string& message) {
  return message.find("timed out") != std::string::npos;
}

namespace {

/// The number at the front of `text` (saturating at 10^9), and the text after it; nullopt
/// when `text` does not start with a digit.
bool consume(std::string_view& text, std::string_view prefix) {
  if (text.substr(0, prefix.size()) != prefix) return false;
  text.remove_prefix(prefix.size());
  return true;
}

}  // namespace

// A hand-written scan, not std::regex: libstdc++'s regex executor recurses once per character
// and overflowed the stack on a 20 KB summary line (found by fuzzing; see
// benchmarks/fuzz/regressions/verifier_output).
std::optional<VerifierSummary> parse_summary(std::string_view text) {
  static constexpr std::string_view kLead = "Dafny program verifier finished with ";
  for (std::size_t at = text.find(kLead); at != std::string_view::npos;
       at = text.find(kLead, at + 1)) {
    std::string_view rest = text.substr(at + kLead.size());
    auto verified = leading_number(rest);
    if (!verified) continue;
    rest = verified->second;
    if (!consume(rest, " verified, ")) continue;
    auto errors = leading_number(rest);
    if (!errors) continue;
    rest = errors->second;
    if (!consume(rest, " error")) continue;
    consume(rest, "s");
    rest = rest.substr(0, rest.find('\n'));
    VerifierSummary s;
    s.verified = verified->first;
    s.errors = errors->first;
    // The rest of the line: ", 1 time out", ", 2 out of resource", ", 1 inconclusive" ...
    for (std::size_t i = 0; i < rest.size(); ++i) {
      if (rest[i] < '0' || rest[i] > '9' || (i > 0 && rest[i - 1] >= '0' && rest[i - 1] <= '9'))
        continue;
      auto count = leading_number(rest.substr(i));
      std::string_view what = count->second;
      if (!consume(what, " ")) continue;
      if (what.substr(0, 8) == "time out")
        s.timeouts = count->first;
      else if (what.substr(0, 15) == "out of resource")
        s.out_of_resource = count->first;
      else if (what.substr(0, 12) == "inconclusive")
        s.inconclusive = count->first;
    }
    return s;
  }
  return std::nullopt;
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
  // The exit code and the summary must tell one story; where they do, the facts go to the
  // rule shared with the server (dafny_run_verdict.h).
  DafnyRunFacts facts;
  facts.diagnostics = parsed.diagnostics;
  if (s) {
    facts.errors = s->errors;
    facts.timeouts = s->timeouts;
    facts.resource_limits = s->out_of_resource + s->inconclusive;
  }
  switch (run.exit_code) {
    case 0: {
      bool clean = s && s->errors == 0 && s->timeouts == 0 && s->out_of_resource == 0 &&
                   s->inconclusive == 0;
      bool error_diagnostic = false;
      for (const auto& d : parsed.diagnostics) error_diagnostic |= d.severity == Severity::Error;
      if (!clean || error_diagnostic)
        return with_diagnostics(
            Verdict::error(Cause::BadOutput, s ? "dafny exited 0 but its summary reports failures"
                                               : "dafny exited 0 without a verification summary"));
      facts.complete = true;
      return dafny_run_verdict(facts);
    }
    case 4: {
      if (!s ||
          (s->errors == 0 && s->timeouts == 0 && s->out_of_resource == 0 && s->inconclusive == 0))
        return with_diagnostics(
            Verdict::error(Cause::BadOutput, "dafny exited 4 without a failure in its summary"));
      return dafny_run_verdict(facts);
    }
    case 2: {
      if (!parsed.parse_or_resolution_errors && !parsed.warnings_rejected)
        return with_diagnostics(
            Verdict::error(Cause::BadOutput, "dafny exited 2: " + output_tail(run.out + run.err)));
      facts.input_rejected = parsed.parse_or_resolution_errors;
      facts.warnings_rejected = parsed.warnings_rejected;
      return dafny_run_verdict(facts);
    }
    case 1: {
      std::string first = first_error_line(parsed);
      return with_diagnostics(Verdict::error(
          Cause::BadInput, first.empty() ? "dafny: " + output_tail(run.out + run.err) : first));
    }
    default:
      return with_diagnostics(Verdict::error(
          Cause::ToolCrashed,
          "dafny " + run.describe() + ": " + output_tail(run.err.empty() ? run.out : run.err)));
  }
}

}  // namespace verigen::dafny
