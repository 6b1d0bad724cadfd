#include "rank/run_log_reader.h"

#include <map>
#include <nlohmann/json.hpp>

#include "core/file_io.h"
#include "core/run_log_record.h"

namespace verigen::rank {
namespace {

using nlohmann::json;

/// Appends `from` into `into`, merging tasks by id and keeping first-appearance order.
void merge(std::vector<TaskLog>& into, std::map<std::string, std::size_t>& index,
           std::vector<TaskLog> from) {
  for (auto& t : from) {
    auto [it, fresh] = index.emplace(t.task, into.size());
    if (fresh) {
      into.push_back(std::move(t));
    } else {
      auto& existing = into[it->second].candidates;
      existing.insert(existing.end(), std::make_move_iterator(t.candidates.begin()),
                      std::make_move_iterator(t.candidates.end()));
    }
  }
}

/// The record on one line, or why it is damaged.
Result<RunLogRecord> read_line(std::string_view line) {
  // The parser's exception says where the text went wrong; it stops here.
  try {
    return RunLogRecord::from_json(json::parse(line));
  } catch (const json::exception& e) {
    // A killed run leaves a partial last line.
    return fail("malformed JSON (" + std::string(e.what()) + ")");
  }
}

}  // namespace

bool TaskLog::any_verified() const {
  for (const auto& c : candidates)
    if (c.verified()) return true;
  return false;
}

std::string DamagedLine::message() const {
  return path + ":" + std::to_string(line) + ": error: " + why;
}

RunLogContents scan_run_log(std::string_view text, const std::string& path) {
  RunLogContents contents;
  std::map<std::string, std::size_t> index;
  std::size_t line_number = 0, start = 0;
  while (start < text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    auto record = read_line(line);
    if (!record.ok()) {
      contents.damaged.push_back({path, line_number, record.error()});
      continue;
    }
    auto outcome = record->outcome();
    if (!outcome) continue;  // never checked: nothing to learn from
    TaskLog task;
    task.task = std::move(record->task);
    task.task_text = std::move(record->task_text);
    task.candidates.push_back({record->candidate, record->round, std::move(record->text), *outcome,
                               std::move(record->origin)});
    std::vector<TaskLog> one;
    one.push_back(std::move(task));
    merge(contents.tasks, index, std::move(one));
  }
  return contents;
}

Result<std::vector<TaskLog>> parse_run_log(std::string_view text, const std::string& path) {
  auto contents = scan_run_log(text, path);
  if (!contents.damaged.empty()) return fail(contents.damaged.front().message());
  return std::move(contents.tasks);
}

Result<RunLogContents> read_run_logs(const std::vector<std::string>& paths) {
  RunLogContents all;
  std::map<std::string, std::size_t> index;
  for (const auto& path : paths) {
    auto text = read_file(path);
    if (!text.ok()) return fail(text.error());
    auto contents = scan_run_log(*text, path);
    merge(all.tasks, index, std::move(contents.tasks));
    all.damaged.insert(all.damaged.end(), contents.damaged.begin(), contents.damaged.end());
  }
  return all;
}

}  // namespace verigen::rank
