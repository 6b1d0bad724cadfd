// The run log: the record-size cap (no string of a record is written beyond it) and records
// read back by the scorer's reader.

#include "gen/run_log.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "core/file_io.h"
#include "rank/run_log_reader.h"

using namespace verigen;
namespace fs = std::filesystem;

// Contract: a 1 MiB candidate text is written cut to the cap with a marker naming what was
// left out; short fields are untouched; the line stays valid JSON.
TEST_CASE("a huge field is truncated with a marker", "[unit]") {
  auto path =
      fs::temp_directory_path() / ("verigen-run-log-" + std::to_string(::getpid()) + ".jsonl");
  fs::remove(path);
  {
    auto opened = RunLog::open(path.string());
    REQUIRE(opened.ok());
    RunLog& log = **opened;
    log.append({{"task", "t"},
                {"text", std::string(1 << 20, 'x')},
                {"nested", {{"list", {std::string(300 << 10, 'y')}}}}});
  }
  CHECK(fs::file_size(path) < 600u << 10);
  auto record = nlohmann::json::parse(read_file(path.string()).value());
  CHECK(record["task"] == "t");
  const auto text = record["text"].get<std::string>();
  CHECK(text.rfind(std::string(256 << 10, 'x'), 0) == 0);
  CHECK(text.substr(256 << 10) == "[verigen: truncated, 786432 of 1048576 bytes omitted]");
  CHECK(record["nested"]["list"][0].get<std::string>().find(
            "[verigen: truncated, 45056 of 307200 bytes omitted]") != std::string::npos);
  fs::remove(path);
}

// Contract: the cut never splits a UTF-8 character.
TEST_CASE("truncation keeps UTF-8 whole", "[unit]") {
  const std::string text = "ab\xc3\xa9\xc3\xa9";  // "abéé": the cap of 3 falls inside the first é
  auto cut = RunLog::truncated(nlohmann::json(text), 3).get<std::string>();
  CHECK(cut == "ab[verigen: truncated, 4 of 6 bytes omitted]");
  CHECK(is_valid_utf8(cut));
  CHECK(RunLog::truncated(nlohmann::json(text), 6) == nlohmann::json(text));
}

// Contract: what RunLog writes for a record is what the scorer's reader reads back, through a
// real file (the writers and the reader share RunLogRecord).
TEST_CASE("a written record reads back through the run log reader", "[unit]") {
  auto path =
      fs::temp_directory_path() / ("verigen-run-log-rt-" + std::to_string(::getpid()) + ".jsonl");
  fs::remove(path);
  RunLogRecord record;
  record.task = "inc";
  record.task_text = "method Inc() {}";
  record.candidate = 4;
  record.round = 2;
  record.text = "method Inc() { }";
  record.verdict = {{"outcome", "verified"}};
  RunLogRecord unchecked = record;
  unchecked.candidate = 5;
  unchecked.verdict = nullptr;
  {
    auto opened = RunLog::open(path.string());
    REQUIRE(opened.ok());
    RunLog& log = **opened;
    log.append(record);
    log.append(unchecked);
  }
  auto read = rank::read_run_logs({path.string()});
  REQUIRE(read.ok());
  CHECK(read->damaged.empty());
  REQUIRE(read->tasks.size() == 1);
  CHECK(read->tasks[0].task_text == record.task_text);
  REQUIRE(read->tasks[0].candidates.size() == 1);  // the unchecked one teaches nothing
  CHECK(read->tasks[0].candidates[0].candidate == 4);
  CHECK(read->tasks[0].candidates[0].round == 2);
  CHECK(read->tasks[0].candidates[0].verified());
  fs::remove(path);
}

// Contract: a log that cannot be opened is a Failure naming the file, not a log that drops
// what it is given.
TEST_CASE("a run log that cannot be opened names its file", "[unit]") {
  auto blocker =
      fs::temp_directory_path() / ("verigen-run-log-blocker-" + std::to_string(::getpid()));
  { std::ofstream(blocker) << "a file, not a folder"; }
  auto opened = RunLog::open((blocker / "run.jsonl").string());
  REQUIRE_FALSE(opened.ok());
  CHECK(opened.error().find("run.jsonl") != std::string::npos);
  CHECK(opened.error().find("cannot open run log") != std::string::npos);
  fs::remove(blocker);
}
