// The run log's one schema: RunLogRecord to and from JSON, and the reader skipping damaged lines.

#include "core/run_log_record.h"

#include <catch2/catch.hpp>

#include "rank/run_log_reader.h"

using namespace verigen;
using nlohmann::json;

namespace {

RunLogRecord sample_record() {
  RunLogRecord r;
  r.task = "inc";
  r.task_text = "method Inc(a: int) returns (r: int) ensures r > a";
  r.kind = "implement";
  r.language = "dafny";
  r.candidate = 3;
  r.round = 1;
  r.origin = "scripted#3 (repair of 0)";
  r.text = "method Inc(a: int) returns (r: int) ensures r > a { r := a + 1; }";
  r.rejected = "";
  Diagnostic d;
  d.where.file = "inc.dfy";
  d.where.line = 2;
  d.where.column = 5;
  d.message = "escape hatch added: assume";
  d.rule = "integrity.escape-hatch";
  r.findings = {d};
  r.score = 0.25;
  r.rank = 0;
  r.verdict = {{"outcome", "refuted"}, {"cause", ""}};
  return r;
}

}  // namespace

// Contract: from_json(to_json(r)) gives r back, field by field; the line also carries the
// task text's sha256.
TEST_CASE("run log record round trip", "[unit]") {
  const RunLogRecord r = sample_record();
  const json line = r.to_json();
  CHECK(line["task_sha256"].get<std::string>().size() == 64);
  auto back = RunLogRecord::from_json(json::parse(line.dump()));
  REQUIRE(back.ok());
  CHECK(back->task == r.task);
  CHECK(back->task_text == r.task_text);
  CHECK(back->kind == r.kind);
  CHECK(back->language == r.language);
  CHECK(back->candidate == r.candidate);
  CHECK(back->round == r.round);
  CHECK(back->origin == r.origin);
  CHECK(back->text == r.text);
  CHECK(back->rejected == r.rejected);
  REQUIRE(back->findings.size() == 1);
  CHECK(back->findings[0].message == r.findings[0].message);
  CHECK(back->findings[0].rule == r.findings[0].rule);
  CHECK(back->findings[0].where.line == 2);
  CHECK(back->score == r.score);
  CHECK(back->rank == r.rank);
  CHECK(back->verdict == r.verdict);
  CHECK(back->outcome() == Outcome::Refuted);

  RunLogRecord unchecked = r;
  unchecked.verdict = nullptr;
  auto none = RunLogRecord::from_json(unchecked.to_json());
  REQUIRE(none.ok());
  CHECK_FALSE(none->outcome());
}

// Contract: a line in the oldest shape the reader ever took (task, task_text, candidate, text,
// verdict) still reads; the fields added since take their defaults.
TEST_CASE("run log record reads the minimal older shape", "[unit]") {
  auto old = RunLogRecord::from_json(json::parse(
      R"j({"task":"a","task_text":"(<= x n)","candidate":0,"text":"(<= x 1)","verdict":{"outcome":"verified"}})j"));
  REQUIRE(old.ok());
  CHECK(old->round == 0);
  CHECK(old->rank == -1);
  CHECK(old->findings.empty());
  CHECK(old->outcome() == Outcome::Verified);
}

// Contract: fields of the wrong type are a Failure naming the field, never an exception.
TEST_CASE("run log record refuses odd shapes without throwing", "[unit]") {
  const json good = sample_record().to_json();
  auto with = [&](const char* key, json value) {
    json j = good;
    j[key] = std::move(value);
    return RunLogRecord::from_json(j);
  };
  CHECK(with("task", 7).error() == "missing string \"task\"");
  CHECK(with("candidate", "3").error() == "missing integer \"candidate\"");
  CHECK(with("round", 1.5).error() == "\"round\" must be an integer");
  CHECK(with("verdict", json::array()).error().rfind("\"verdict\" must be", 0) == 0);
  CHECK(with("verdict", {{"outcome", 1}}).error().rfind("\"verdict\" must be", 0) == 0);
  // Optional fields of the wrong type fall back to their defaults.
  auto odd = with("findings", "none");
  REQUIRE(odd.ok());
  CHECK(odd->findings.empty());
  CHECK(with("rank", "first")->rank == -1);
  CHECK(with("score", nullptr)->score == 0);
  CHECK(with("candidate", 1e30).error() == "missing integer \"candidate\"");
}

// Contract: the reader skips damaged lines (malformed JSON, a cut-off last line, a wrong shape)
// and lists each with file and line; the good lines around them are all read.
TEST_CASE("run log reader skips damaged lines and counts them", "[unit]") {
  const std::string good = sample_record().to_json().dump() + "\n";
  const std::string cut = good.substr(0, good.size() / 2);  // a killed run's last line
  const std::string text = good + "{not json\n" + good + "[1,2]\n" + good + cut;
  auto contents = rank::scan_run_log(text, "run.jsonl");
  REQUIRE(contents.tasks.size() == 1);
  CHECK(contents.tasks[0].candidates.size() == 3);
  REQUIRE(contents.damaged.size() == 3);
  CHECK(contents.damaged[0].line == 2);
  CHECK(contents.damaged[0].message().rfind("run.jsonl:2: error: malformed JSON", 0) == 0);
  CHECK(contents.damaged[1].message() == "run.jsonl:4: error: a log line must be a JSON object");
  CHECK(contents.damaged[2].line == 6);
  // The strict reading of the same text stops at the first damaged line.
  auto strict = rank::parse_run_log(text, "run.jsonl");
  REQUIRE_FALSE(strict.ok());
  CHECK(strict.error().rfind("run.jsonl:2: error: malformed JSON", 0) == 0);
}
