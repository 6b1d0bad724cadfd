#include "backends/fstar/fstar_output.h"

#include <nlohmann/json.hpp>
#include <regex>

#include "core/json_fields.h"
#include "core/process_verdict.h"
#include "core/text_lines.h"

namespace verigen::fstar {
namespace {

using nlohmann::json;

Severity severity_of(const std::string& level) {
  if (level == "Error") return Severity::Error;
  if (level == "Warning") return Severity::Warning;
  return Severity::Info;
}

Location location_of(const json& range, const PathMapping& paths, int column_shift) {
  Location where;
  std::string file = json_string(range, "file_name");
  if (file == "dummy") return where;  // F*'s marker for "no location"
  where.file = paths.map(file);
  auto pos = [&](const char* key, int& line, int& column) {
    const auto& at = json_field(range, key);
    if (!at.is_object()) return;
    line = json_int(at, "line", 0);
    column = line > 0 ? json_int(at, "col", 0) + column_shift : 0;
  };
  pos("start_pos", where.line, where.column);
  pos("end_pos", where.end_line, where.end_column);
  return where;
}

}  // namespace

bool is_expected_failure(const Diagnostic& d) {
  return d.severity == Severity::Info && d.message.rfind("Expected failure:", 0) == 0;
}

std::vector<Diagnostic> parse_json_messages(std::string_view out, const PathMapping& paths,
                                            bool one_based_columns) {
  std::vector<Diagnostic> messages;
  const int shift = one_based_columns ? 0 : 1;
  std::size_t pos = 0;
  while (pos < out.size()) {
    auto end = out.find('\n', pos);
    if (end == std::string_view::npos) end = out.size();
    auto j = json::parse(out.substr(pos, end - pos), nullptr, false);
    pos = end + 1;
    if (j.is_discarded() || !j.is_object() || !j.contains("msg") || !j["msg"].is_array()) continue;
    Diagnostic d;
    for (const auto& part : j["msg"])
      if (part.is_string()) d.message += (d.message.empty() ? "" : "\n") + part.get<std::string>();
    d.severity = severity_of(json_string(j, "level", "Error"));
    int number = json_int(j, "number", 0);
    d.rule = "fstar." + std::to_string(number);
    if (j.contains("range") && j["range"].is_object()) {
      const auto& range = j["range"];
      if (range.contains("use") && range["use"].is_object())
        d.where = location_of(range["use"], paths, shift);
      if (range.contains("def") && range["def"].is_object()) {
        Location def = location_of(range["def"], paths, shift);
        if (def.line > 0 && !(def == d.where)) {
          def.message = "see also";
          d.related.push_back(def);
        }
      }
    }
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

std::vector<Diagnostic> parse_human_messages(std::string_view out, const PathMapping& paths) {
  static const std::regex kHeader(
      R"(^\* (Error|Warning|Info)(?: (\d+))?(?: at (.+?)(?:\((\d+),(\d+)-(\d+),(\d+)\)|:(\d+)\.(\d+)-(\d+)\.(\d+))?)?:\s*$)");
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
      d.severity = severity_of(m[1]);
      d.rule = "fstar." + (m[2].matched ? m[2].str() : std::string("0"));
      if (m[3].matched) d.where.file = paths.map(m[3]);
      if (m[4].matched) {  // File(l,c-l,c): 0-based columns
        d.where.line = saturating_number(m[4].str());
        d.where.column = saturating_number(m[5].str()) + 1;
        d.where.end_line = saturating_number(m[6].str());
        d.where.end_column = saturating_number(m[7].str()) + 1;
      } else if (m[8].matched) {  // File:l.c-l.c: 1-based columns
        d.where.line = saturating_number(m[8].str());
        d.where.column = saturating_number(m[9].str());
        d.where.end_line = saturating_number(m[10].str());
        d.where.end_column = saturating_number(m[11].str());
      }
      messages.push_back(std::move(d));
      current = &messages.back();
    } else if (current && line.rfind("  - ", 0) == 0) {
      current->message += (current->message.empty() ? "" : "\n") + line.substr(4);
    } else if (current && line.rfind("    ", 0) == 0) {
      current->message += " " + line.substr(line.find_first_not_of(' '));
    } else {
      current = nullptr;  // a blank line ends a message; other lines are progress noise
    }
  }
  return messages;
}

std::vector<Diagnostic> parse_ide_responses(std::string_view out, const PathMapping& paths) {
  std::vector<Diagnostic> messages;
  std::size_t pos = 0;
  while (pos < out.size()) {
    auto end = out.find('\n', pos);
    if (end == std::string_view::npos) end = out.size();
    auto j = json::parse(out.substr(pos, end - pos), nullptr, false);
    pos = end + 1;
    if (j.is_discarded() || !j.is_object() || json_string(j, "kind") != "response" ||
        !j.contains("response") || !j["response"].is_array())
      continue;
    for (const auto& item : j["response"]) {
      if (!item.is_object() || !item.contains("message")) continue;
      Diagnostic d;
      std::string level = json_string(item, "level", "error");
      d.severity = level == "error"     ? Severity::Error
                   : level == "warning" ? Severity::Warning
                                        : Severity::Info;
      d.message = item["message"].is_string() ? item["message"].get<std::string>() : "";
      d.rule = "fstar." + std::to_string(json_int(item, "number", 0));
      if (item.contains("ranges") && item["ranges"].is_array()) {
        bool first = true;
        for (const auto& r : item["ranges"]) {
          Location where;
          where.file = paths.map(json_string(r, "fname"));
          const auto& begin = json_field(r, "beg");
          const auto& finish = json_field(r, "end");
          if (begin.is_array() && begin.size() == 2) {
            where.line = json_int(json_element(begin, 0), 0);
            where.column = json_int(json_element(begin, 1), 0) + 1;
          }
          if (finish.is_array() && finish.size() == 2) {
            where.end_line = json_int(json_element(finish, 0), 0);
            where.end_column = json_int(json_element(finish, 1), 0) + 1;
          }
          if (first)
            d.where = where;
          else
            d.related.push_back(where);
          first = false;
        }
      }
      messages.push_back(std::move(d));
    }
  }
  return messages;
}

Verdict interpret_fstar_run(const ProcessResult& run, const PathMapping& paths) {
  if (auto unfinished = verdict_for_unfinished_run(run, "fstar.exe")) return *unfinished;
  std::string out = run.out + "\n" + run.err;
  auto messages = parse_json_messages(out, paths);
  if (messages.empty()) messages = parse_human_messages(out, paths);
  bool error = false, syntax_only = true;
  for (const auto& d : messages) {
    if (d.severity != Severity::Error) continue;
    error = true;
    syntax_only &= d.message.find("Syntax error") != std::string::npos;
  }
  Verdict v;
  if (error) {
    v = syntax_only ? Verdict::error(Cause::BadInput, "") : Verdict::refuted({});
    for (const auto& d : messages)
      if (d.severity == Severity::Error) {
        v.detail = format_diagnostic(d);
        break;
      }
  } else if (run.exit_code != 0) {
    return Verdict::error(Cause::ToolCrashed, "fstar.exe " + run.describe() +
                                                  " without an error message: " + output_tail(out));
  } else {
    v = Verdict::verified_by("");
  }
  v.diagnostics = messages;
  return v;
}

}  // namespace verigen::fstar
