#include "backends/lean/lean_output.h"

#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "backends/lean/lean_trust.h"
#include "core/json_fields.h"
#include "core/process_verdict.h"
#include "core/text_lines.h"

namespace verigen::lean {
namespace {

using nlohmann::json;

Severity severity_of(std::string_view word) {
  if (word == "error") return Severity::Error;
  if (word == "warning") return Severity::Warning;
  return Severity::Info;
}

int number(const json& j, const char* key) { return json_int(j, key, 0); }

bool is_parse_error(const Diagnostic& d) {
  return d.severity == Severity::Error && d.message.rfind("unexpected ", 0) == 0;
}

}  // namespace

std::vector<Diagnostic> parse_json_messages(std::string_view out, const PathMapping& paths,
                                            std::vector<std::string>* other_lines) {
  std::vector<Diagnostic> messages;
  std::size_t pos = 0;
  while (pos < out.size()) {
    auto end = out.find('\n', pos);
    if (end == std::string_view::npos) end = out.size();
    std::string_view line = out.substr(pos, end - pos);
    pos = end + 1;
    if (line.empty()) continue;
    auto j = json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("severity") || !j.contains("data")) {
      if (other_lines) other_lines->emplace_back(line);
      continue;
    }
    Diagnostic d;
    d.where.file = paths.map(json_string(j, "fileName"));
    if (const auto& at = json_field(j, "pos"); at.is_object()) {
      d.where.line = number(at, "line");
      d.where.column = number(at, "column") + 1;
    }
    if (const auto& at = json_field(j, "endPos"); at.is_object()) {
      d.where.end_line = number(at, "line");
      d.where.end_column = number(at, "column") + 1;
    }
    d.severity = severity_of(json_string(j, "severity", "error"));
    const auto& data = json_field(j, "data");
    d.message = data.is_string() ? data.get<std::string>() : data.dump();
    std::string caption = json_string(j, "caption");
    d.rule = "lean" + (caption.empty() ? std::string() : "." + caption);
    // The message's top-level tag (`SerialMessage.kind`): `hasSorry` marks the sorry warning
    // whatever its wording.
    std::string kind = json_string(j, "kind");
    if (!kind.empty() && kind != "[anonymous]") d.rule = "lean." + kind;
    messages.push_back(std::move(d));
  }
  return messages;
}

namespace {

/// The longest line read as a message header. std::regex (libstdc++) recurses once per
/// character: a 300,000-character line overflowed the stack. A header is a path and positions;
/// anything longer is message text.
constexpr std::size_t kMaxHeaderLength = 4096;

/// A line or column number as printed (digits only); absurd values saturate instead of throwing
/// (std::stoi) or overflowing when a column is made 1-based.
}  // namespace

std::vector<Diagnostic> parse_text_messages(std::string_view out, const PathMapping& paths) {
  static const std::regex kHeader(
      R"(^(.+?):(\d+):(\d+)(?:-(\d+):(\d+))?: (error|warning|info)(?:\(([^)]*)\))?: ?(.*)$)");
  std::vector<Diagnostic> messages;
  Diagnostic* current = nullptr;
  std::size_t pos = 0;
  while (pos < out.size()) {
    auto end = out.find('\n', pos);
    if (end == std::string_view::npos) end = out.size();
    std::string line(out.substr(pos, end - pos));
    pos = end + 1;
    std::smatch m;
    if (line.size() <= kMaxHeaderLength && std::regex_match(line, m, kHeader)) {
      Diagnostic d;
      d.where.file = paths.map(m[1]);
      d.where.line = saturating_number(m[2].str());
      d.where.column = saturating_number(m[3].str()) + 1;
      if (m[4].matched) {
        d.where.end_line = saturating_number(m[4].str());
        d.where.end_column = saturating_number(m[5].str()) + 1;
      }
      d.severity = severity_of(m[6].str());
      d.rule = m[7].matched ? m[7].str() : "lean";
      d.message = m[8];
      messages.push_back(std::move(d));
      current = &messages.back();
    } else if (current) {
      current->message += "\n" + line;  // a continuation line, possibly empty
    } else if (!line.empty()) {
      // Bare text before any message: information output (#print, #check, #eval).
      Diagnostic d;
      d.severity = Severity::Info;
      d.message = line;
      d.rule = "lean.info";
      messages.push_back(std::move(d));
      current = &messages.back();
    }
  }
  // Continuations collected trailing newlines of blank separator lines: trim them.
  for (auto& d : messages)
    while (!d.message.empty() && d.message.back() == '\n') d.message.pop_back();
  return messages;
}

std::vector<Diagnostic> parse_lsp_diagnostics(std::string_view out, const PathMapping& paths) {
  std::vector<Diagnostic> messages;
  std::istringstream in{std::string(out)};
  while (true) {
    in >> std::ws;
    if (in.peek() == EOF) break;
    json j;
    try {
      in >> j;
    } catch (const json::exception&) {
      break;  // trailing garbage: keep what was read
    }
    const auto& diagnostics = json_field(j, "diagnostics");
    if (!diagnostics.is_array()) continue;
    std::string uri = json_string(j, "uri");
    auto slash = uri.rfind('/');
    std::string file = slash == std::string::npos ? uri : uri.substr(slash + 1);
    for (const auto& item : diagnostics) {
      Diagnostic d;
      d.where.file = paths.map(file);
      if (const auto& range = json_field(item, "range"); range.is_object()) {
        d.where.line = number(json_field(range, "start"), "line") + 1;
        d.where.column = number(json_field(range, "start"), "character") + 1;
        d.where.end_line = number(json_field(range, "end"), "line") + 1;
        d.where.end_column = number(json_field(range, "end"), "character") + 1;
      }
      int severity = json_int(item, "severity", 1);
      d.severity = severity == 1   ? Severity::Error
                   : severity == 2 ? Severity::Warning
                                   : Severity::Info;
      d.message = json_string(item, "message");
      d.rule = json_string(item, "code", "lean");
      messages.push_back(std::move(d));
    }
  }
  return messages;
}

bool mentions_sorry(const Diagnostic& d) {
  return d.rule == "lean.hasSorry" ||
         d.message.find("declaration uses 'sorry'") != std::string::npos ||
         d.message.find("declaration uses `sorry`") != std::string::npos ||
         (d.message.find("depends on axioms") != std::string::npos &&
          d.message.find("sorryAx") != std::string::npos);
}

Verdict interpret_lean_run(const ProcessResult& run, const PathMapping& paths,
                           const TrustChecks& checks) {
  if (auto unfinished = verdict_for_unfinished_run(run, "lean")) return *unfinished;
  std::vector<std::string> other;
  std::string out = run.out + run.err;
  auto messages = parse_json_messages(out, paths, &other);
  if (messages.empty() && !other.empty()) messages = parse_text_messages(out, paths);
  bool error = false, only_parse_errors = true, sorry = false, axioms_seen = false;
  std::string untrusted;  // why the proof cannot be trusted although Lean raised no error
  for (const auto& d : messages) {
    if (d.severity == Severity::Error) {
      error = true;
      only_parse_errors &= is_parse_error(d);
    }
    sorry |= mentions_sorry(d);
    if (auto beyond = nonstandard_axioms(d)) {
      axioms_seen = true;
      if (!beyond->empty() && untrusted.empty())
        untrusted =
            "the proof rests on axioms beyond propext, Classical.choice and Quot.sound: " + *beyond;
    }
  }
  if (untrusted.empty())
    if (const Diagnostic* w = warning_in(messages, checks.answer_lines))
      untrusted = "a warning in the answer: " + format_diagnostic(*w);
  if (untrusted.empty() && checks.axioms_expected && !axioms_seen && !error)
    untrusted = "no `#print axioms` report in Lean's output: what the proof rests on is unknown";
  Verdict v;
  if (error && only_parse_errors) {
    v = Verdict::error(Cause::BadInput, "");
  } else if (error) {
    v = Verdict::refuted({});
  } else if (sorry) {
    // A proof that still leans on `sorry` proves nothing.
    v = Verdict::rejected({});
  } else if (!untrusted.empty()) {
    v = Verdict::rejected({});
  } else if (run.exit_code != 0) {
    return Verdict::error(Cause::ToolCrashed, "lean " + run.describe() +
                                                  " without an error message: " + output_tail(out));
  } else {
    v = Verdict::verified_by("");
  }
  v.diagnostics = messages;
  for (auto& d : v.diagnostics)
    if (mentions_sorry(d)) d.severity = Severity::Error;
  if (!v.verified() && !error && !sorry && !untrusted.empty()) v.detail = untrusted;
  if (!v.verified() && v.detail.empty()) {
    for (const auto& d : v.diagnostics)
      if (d.severity == Severity::Error) {
        v.detail = format_diagnostic(d);
        break;
      }
  }
  if (v.verified() && run.exit_code != 0)
    return Verdict::error(Cause::BadOutput, "lean exited non-zero");
  return v;
}

}  // namespace verigen::lean
