#include "core/run_log_record.h"

#include "core/hash.h"
#include "core/json_fields.h"
#include "core/verdict_json.h"

namespace verigen {

using nlohmann::json;

std::optional<Outcome> RunLogRecord::outcome() const {
  return outcome_from_string(json_string(verdict, "outcome"));
}

json RunLogRecord::to_json() const {
  json findings_json = json::array();
  for (const auto& f : findings) findings_json.push_back(diagnostic_to_json(f));
  json out = {{"task", task},
              {"task_text", task_text},
              {"task_sha256", sha256_hex(task_text)},
              {"kind", kind},
              {"language", language},
              {"candidate", candidate},
              {"round", round},
              {"origin", origin},
              {"text", text},
              {"rejected", rejected},
              {"findings", findings_json},
              {"score", score},
              {"rank", rank},
              {"verdict", verdict.is_object() ? verdict : json(nullptr)}};
  // Only a model's candidates have a prompt and an answer; other writers' lines stay as they were.
  if (!prompt.empty()) out["prompt"] = prompt;
  if (!answer.empty()) out["answer"] = answer;
  return out;
}

Result<RunLogRecord> RunLogRecord::from_json(const json& line) {
  if (!line.is_object()) return fail("a log line must be a JSON object");
  if (!line.contains("verdict"))
    return fail("missing \"verdict\" (an object, or null when unchecked)");
  auto is_string = [&](const char* key) { return json_field(line, key).is_string(); };
  if (!is_string("task")) return fail("missing string \"task\"");
  if (!is_string("task_text"))
    return fail(
        "missing string \"task_text\" (the problem text; logs written before it was "
        "added cannot train the scorer)");
  if (!is_string("text")) return fail("missing string \"text\"");
  if (!json_field(line, "candidate").is_number_integer())
    return fail("missing integer \"candidate\"");
  if (line.contains("round") && !json_field(line, "round").is_number_integer())
    return fail("\"round\" must be an integer");
  const json& verdict = json_field(line, "verdict");
  if (!verdict.is_null()) {
    if (!json_field(verdict, "outcome").is_string())
      return fail("\"verdict\" must be null or an object with a string \"outcome\"");
    const std::string outcome = json_string(verdict, "outcome");
    if (!outcome_from_string(outcome))
      return fail("unknown outcome \"" + outcome +
                  "\" (expected verified, refuted, unknown or error)");
  }
  RunLogRecord r;
  r.task = json_string(line, "task");
  r.task_text = json_string(line, "task_text");
  r.kind = json_string(line, "kind");
  r.language = json_string(line, "language");
  r.candidate = json_int(line, "candidate", 0);
  r.round = json_int(line, "round", 0);
  r.origin = json_string(line, "origin");
  r.text = json_string(line, "text");
  r.rejected = json_string(line, "rejected");
  r.prompt = json_string(line, "prompt");
  r.answer = json_string(line, "answer");
  // Findings only explain a refusal; one this reader cannot parse is dropped, not fatal.
  const json& findings = json_field(line, "findings");
  if (findings.is_array())
    for (const auto& f : findings)
      if (auto d = diagnostic_from_json(f)) r.findings.push_back(std::move(*d));
  if (const json& score = json_field(line, "score"); score.is_number())
    r.score = score.get<double>();
  r.rank = json_int(line, "rank", -1);
  r.verdict = verdict;
  return r;
}

}  // namespace verigen
