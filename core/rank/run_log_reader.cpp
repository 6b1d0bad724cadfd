#include "core/rank/run_log_reader.h"

#include <map>
#include <nlohmann/json.hpp>

#include "core/file_io.h"

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

/// Checks and reads one record; the error message is completed by the caller with FILE:LINE.
Result<std::optional<std::pair<TaskLog, LoggedCandidate>>> read_record(const json& j) {
  using Out = std::optional<std::pair<TaskLog, LoggedCandidate>>;
  if (!j.is_object()) return fail("a log line must be a JSON object");
  if (!j.contains("verdict")) return fail("missing \"verdict\" (an object, or null when unchecked)");
  const json& verdict = j["verdict"];
  if (verdict.is_null()) return Out{};
  if (!j.contains("task") || !j["task"].is_string()) return fail("missing string \"task\"");
  if (!j.contains("task_text") || !j["task_text"].is_string())
    return fail("missing string \"task_text\" (the problem text; logs written before it was "
                "added cannot train the scorer)");
  if (!j.contains("text") || !j["text"].is_string()) return fail("missing string \"text\"");
  if (!j.contains("candidate") || !j["candidate"].is_number_integer())
    return fail("missing integer \"candidate\"");
  if (j.contains("round") && !j["round"].is_number_integer()) return fail("\"round\" must be an integer");
  if (!verdict.is_object() || !verdict.contains("outcome") || !verdict["outcome"].is_string())
    return fail("\"verdict\" must be null or an object with a string \"outcome\"");
  auto outcome = outcome_from_string(verdict["outcome"].get<std::string>());
  if (!outcome)
    return fail("unknown outcome \"" + verdict["outcome"].get<std::string>() +
                "\" (expected verified, refuted, unknown or error)");
  TaskLog task;
  task.task = j["task"].get<std::string>();
  task.task_text = j["task_text"].get<std::string>();
  LoggedCandidate c;
  c.candidate = j["candidate"].get<int>();
  c.round = j.value("round", 0);
  c.text = j["text"].get<std::string>();
  c.outcome = *outcome;
  return Out{std::pair{std::move(task), std::move(c)}};
}

}  // namespace

bool TaskLog::any_verified() const {
  for (const auto& c : candidates)
    if (c.verified()) return true;
  return false;
}

Result<std::vector<TaskLog>> parse_run_log(std::string_view text, const std::string& path) {
  std::vector<TaskLog> tasks;
  std::map<std::string, std::size_t> index;
  std::size_t line_number = 0, start = 0;
  while (start < text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    const std::string where = path + ":" + std::to_string(line_number) + ": error: ";
    json j;
    try {
      j = json::parse(line);
    } catch (const json::parse_error& e) {
      // A killed run leaves a partial last line; it is still an error, but say so.
      return fail(where + "malformed JSON (" + std::string(e.what()) + ")");
    }
    auto record = read_record(j);
    if (!record.ok()) return fail(where + record.error());
    if (!*record) continue;
    auto& [task, candidate] = **record;
    std::vector<TaskLog> one(1, std::move(task));
    one[0].candidates.push_back(std::move(candidate));
    merge(tasks, index, std::move(one));
  }
  return tasks;
}

Result<std::vector<TaskLog>> read_run_logs(const std::vector<std::string>& paths) {
  std::vector<TaskLog> tasks;
  std::map<std::string, std::size_t> index;
  for (const auto& path : paths) {
    auto text = read_file(path);
    if (!text.ok()) return fail(text.error());
    auto parsed = parse_run_log(*text, path);
    if (!parsed.ok()) return fail(parsed.error());
    merge(tasks, index, std::move(*parsed));
  }
  return tasks;
}

}  // namespace verigen::rank
