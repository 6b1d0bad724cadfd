#include "rank/run_log_reader.h"

#include <catch2/catch.hpp>

using namespace verigen::rank;

namespace {

std::string line(const std::string& task, int candidate, const std::string& verdict) {
  return R"j({"task":")j" + task + R"j(","task_text":"(<= x n)","candidate":)j" +
         std::to_string(candidate) + R"j(,"text":"(<= x 1)","verdict":)j" + verdict + "}\n";
}

std::string error_of(const std::string& text) {
  auto r = parse_run_log(text, "run.jsonl");
  REQUIRE_FALSE(r.ok());
  return r.error();
}

}  // namespace

// Unchecked lines (verdict null) and blank lines are skipped; tasks keep first-appearance
// order; "round" defaults to 0.
TEST_CASE("run log reader groups checked candidates by task", "[unit]") {
  auto text = line("b", 0, R"({"outcome":"refuted"})") + "\n" + line("a", 0, "null") +
              line("a", 1, R"({"outcome":"verified","cause":""})") +
              line("b", 1, R"({"outcome":"unknown"})");
  auto tasks = parse_run_log(text, "run.jsonl");
  REQUIRE(tasks.ok());
  REQUIRE(tasks->size() == 2);
  CHECK((*tasks)[0].task == "b");
  CHECK((*tasks)[0].candidates.size() == 2);
  CHECK((*tasks)[1].task == "a");
  REQUIRE((*tasks)[1].candidates.size() == 1);
  CHECK((*tasks)[1].candidates[0].candidate == 1);
  CHECK((*tasks)[1].candidates[0].round == 0);
  CHECK((*tasks)[1].candidates[0].verified());
  CHECK((*tasks)[1].task_text == "(<= x n)");
}

// A malformed line fails with FILE:LINE: error: and says what is wrong.
TEST_CASE("run log reader errors name file and line", "[unit]") {
  const std::string good = line("a", 0, R"({"outcome":"refuted"})");
  CHECK(error_of(good + "{not json\n").rfind("run.jsonl:2: error: malformed JSON", 0) == 0);
  CHECK(error_of(good + good +
                 R"({"task":"a","candidate":0,"text":"x","verdict":{"outcome":"refuted"}})")
            .rfind("run.jsonl:3: error: missing string \"task_text\"", 0) == 0);
  CHECK(error_of(line("a", 0, R"({"outcome":"proved"})"))
            .rfind("run.jsonl:1: error: unknown outcome", 0) == 0);
  CHECK(
      error_of(line("a", 0, R"("verified")")).rfind("run.jsonl:1: error: \"verdict\" must be", 0) ==
      0);
  CHECK(error_of("[1,2]\n").rfind("run.jsonl:1: error: a log line must be a JSON object", 0) == 0);
  auto missing = read_run_logs({"/nonexistent/run.jsonl"});
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().find("/nonexistent/run.jsonl") != std::string::npos);
}
