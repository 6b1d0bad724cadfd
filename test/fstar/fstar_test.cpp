// The F* back-end and language layer, on the real recorded outputs in ../shared/recorded/fstar
// (F* cannot be installed here).

#include <catch2/catch.hpp>
#include <filesystem>

#include "backends/fstar/fstar_backend.h"
#include "backends/fstar/fstar_output.h"
#include "core/file_io.h"
#include "specs/fstar/fstar_spec.h"
#include "stand_in.h"

using namespace verigen;
using namespace verigen::fstar;
namespace fs = std::filesystem;

namespace {

const fs::path kRecorded = fs::path(VERIGEN_SHARED_DIR) / "recorded" / "fstar";

int count_lines_starting(const std::string& text, const std::string& prefix) {
  int n = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (text.compare(pos, prefix.size(), prefix) == 0) ++n;
    auto end = text.find('\n', pos);
    if (end == std::string::npos) break;
    pos = end + 1;
  }
  return n;
}

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

// Contract: every recorded output parses into as many messages as it has (counted
// independently: JSON lines with "msg", human headers "* "), with positions inside the file.
TEST_CASE("every recorded fstar output", "[unit]") {
  if (!fs::exists(kRecorded)) {
    WARN("skipped: " << kRecorded << " is absent");
    return;
  }
  int files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(kRecorded)) {
    if (!entry.is_regular_file()) continue;
    const std::string name = entry.path().filename().string();
    const std::string text = read_file(entry.path().string()).value();
    const bool variant = entry.path().string().find("variant-1based-columns") != std::string::npos;
    INFO(entry.path());
    std::vector<Diagnostic> messages;
    if (ends_with(name, "json_output.expected") || ends_with(name, ".json_expected")) {
      messages = parse_json_messages(text, PathMapping{}, variant);
      CHECK(static_cast<int>(messages.size()) == count_lines_starting(text, "{\"msg\""));
    } else if (ends_with(name, ".output.expected") || ends_with(name, ".fst.expected")) {
      messages = parse_human_messages(text, PathMapping{});
      CHECK(static_cast<int>(messages.size()) == count_lines_starting(text, "* "));
    } else if (ends_with(name, ".ideout.expected")) {
      messages = parse_ide_responses(text, PathMapping{"<input>", "FailRange.fst"});
      REQUIRE_FALSE(messages.empty());
      CHECK(messages[0].where.file == "FailRange.fst");
      CHECK(messages[0].where.line == 5);
      CHECK(messages[0].where.column == 3);
      CHECK(messages[0].message.find("Tactic failed") != std::string::npos);
    } else {
      continue;
    }
    ++files;
    for (const auto& d : messages) {
      CHECK_FALSE(d.message.empty());
      if (d.where.line > 0) CHECK(d.where.column >= 1);
    }
  }
  CHECK(files >= 20);
}

// Contract: F*'s 0-based columns become 1-based, in JSON and human form alike; the newer
// `File:l.c` form is already 1-based; def ranges are related locations.
TEST_CASE("fstar positions", "[unit]") {
  if (!fs::exists(kRecorded)) {
    WARN("skipped: " << kRecorded << " is absent");
    return;
  }
  auto dir = kRecorded / "tests/error-messages";
  auto json =
      parse_json_messages(read_file((dir / "Basic.fst.json_output.expected").string()).value(),
                          PathMapping{"Basic.fst", "src/Basic.fst"});
  REQUIRE_FALSE(json.empty());
  CHECK(json[0].where.file == "src/Basic.fst");
  CHECK(json[0].where.line == 4);
  CHECK(json[0].where.column == 14);  // `true` at 0-based 13
  CHECK(is_expected_failure(json[0]));
  auto human = parse_human_messages(read_file((dir / "Basic.fst.output.expected").string()).value(),
                                    PathMapping{});
  REQUIRE_FALSE(human.empty());
  CHECK(human[0].where.line == 4);
  CHECK(human[0].where.column == 14);
  auto variant = parse_human_messages(
      read_file(
          (kRecorded / "variant-1based-columns/tests/error-messages/Basic.fst.output.expected")
              .string())
          .value(),
      PathMapping{});
  REQUIRE_FALSE(variant.empty());
  CHECK(variant[0].where.line == 4);
  CHECK(variant[0].where.column == 14);
}

// Contract: the verdict rules: expected failures and warnings alone verify; an Error refutes;
// an exit code without an error message is a crash; never success otherwise.
TEST_CASE("fstar verdicts", "[unit]") {
  if (!fs::exists(kRecorded)) {
    WARN("skipped: " << kRecorded << " is absent");
    return;
  }
  auto run = [](int code, std::string out) {
    ProcessResult r;
    r.status = ProcessResult::Status::Exited;
    r.exit_code = code;
    r.out = std::move(out);
    return interpret_fstar_run(r, PathMapping{"A.fst", "A.fst"});
  };
  auto dir = kRecorded / "tests/error-messages";
  CHECK(run(0, read_file((dir / "Basic.fst.json_output.expected").string()).value()).verified());
  auto old = read_file((dir / "Asserts.fst.json_expected").string()).value();
  CHECK(run(1, old).outcome == Outcome::Refuted);
  CHECK(run(1,
            "{\"msg\":[\"Syntax "
            "error\"],\"level\":\"Error\",\"range\":{},\"number\":168,\"ctx\":[]}\n")
            .cause == Cause::BadInput);
  CHECK(run(2, "garbage\n").cause == Cause::ToolCrashed);
  CHECK(run(0, "").verified());
}

// Contract: admit/assume/option changes added by a candidate are findings; the original's own
// are not; the fixed text around the holes must stay.
TEST_CASE("fstar integrity audit and holes", "[unit]") {
  const std::string original =
      "module A\n#set-options \"--z3rlimit 10\"\nlet lemma_x () : Lemma (1 + 1 == 2) = admit ()\n";
  auto task = parse_fstar_spec("A.fst", original);
  REQUIRE(task.ok());
  REQUIRE(task->holes.size() == 1);
  const std::string good =
      "module A\n#set-options \"--z3rlimit 10\"\nlet lemma_x () : Lemma (1 + 1 == 2) = ()\n";
  CHECK(audit_fstar(original, good, "A.fst").empty());
  for (const std::string& cheat :
       {std::string("module A\n#set-options \"--z3rlimit 10 --admit_smt_queries true\"\nlet "
                    "lemma_x () : Lemma (1 + 1 == 2) = ()\n"),
        std::string("module A\n#set-options \"--z3rlimit 10\"\nassume val magic : squash "
                    "False\nlet lemma_x () : Lemma (1 + 1 == 2) = ()\n"),
        std::string("module A\n#set-options \"--z3rlimit 10\"\n#push-options \"--lax\"\nlet "
                    "lemma_x () : Lemma (1 + 1 == 2) = ()\n")}) {
    INFO(cheat);
    CHECK_FALSE(audit_fstar(original, cheat, "A.fst").empty());
  }
  CHECK(parse_fstar_spec("B.fst", "module B\nlet x = 1 (* admit () *)\n")
            .error()
            .find("nothing to generate") != std::string::npos);
}

// Contract: without fstar.exe the verdict is ToolNotFound with an install hint; a stand-in
// drives time-out and crash handling.
TEST_CASE("fstar back-end process handling", "[process]") {
  SubprocessRunner runner;
  Candidate c;
  c.display_path = "A.fst";
  c.text = "module A\nlet x = 1\n";
  {
    test::PathOverride none(test::stand_in_dir("fstar-none"));
    FStarBackend fstar(runner);
    auto v = fstar.verify(c, Deadline::after(std::chrono::seconds(10)));
    CHECK(v.cause == Cause::ToolNotFound);
    CHECK(v.detail.find("fstar.exe") != std::string::npos);
  }
  auto check = [&](const std::string& body, Deadline deadline) {
    test::PathOverride path(
        test::stand_in_dir("fstar-" + std::to_string(std::hash<std::string>{}(body))),
        {{"fstar.exe", body}});
    FStarBackend fstar(runner);
    return fstar.verify(c, deadline);
  };
  CHECK(check("sleep 60", Deadline::after(std::chrono::milliseconds(300))).cause == Cause::Timeout);
  CHECK(check("kill -KILL $$", Deadline::after(std::chrono::seconds(10))).cause ==
        Cause::ToolCrashed);
  auto error = check(
      "echo '{\"msg\":[\"Assertion "
      "failed\"],\"level\":\"Error\",\"range\":{\"def\":{\"file_name\":\"A.fst\",\"start_pos\":{"
      "\"line\":2,\"col\":4},\"end_pos\":{\"line\":2,\"col\":5}},\"use\":{\"file_name\":\"A.fst\","
      "\"start_pos\":{\"line\":2,\"col\":4},\"end_pos\":{\"line\":2,\"col\":5}}},\"number\":19,"
      "\"ctx\":[]}'; exit 1",
      Deadline::after(std::chrono::seconds(10)));
  CHECK(error.outcome == Outcome::Refuted);
  REQUIRE_FALSE(error.diagnostics.empty());
  CHECK(error.diagnostics[0].where.file == "A.fst");
  CHECK(error.diagnostics[0].where.column == 5);
}

// Contract: a warning F* reports inside the candidate's answer (its answer_regions) makes the
// run untrusted; the same warning on a line of the fixed text does not.
TEST_CASE("fstar back-end: a warning in the answer is a failure", "[process]") {
  SubprocessRunner runner;
  Candidate c;
  c.display_path = "A.fst";
  c.text = "module A\nlet f (x: nat) : Lemma (x + 0 == x) =\n  ()\n";
  c.answer_regions = {{c.text.find("  ()"), c.text.size()}};
  auto warning_on = [&](int line) {
    const std::string body =
        "echo '{\"msg\":[\"Admitting a query\"],\"level\":\"Warning\",\"range\":{\"use\":{"
        "\"file_name\":\"A.fst\",\"start_pos\":{\"line\":" +
        std::to_string(line) +
        ",\"col\":2},\"end_pos\":{\"line\":3,\"col\":4}}},\"number\":61,\"ctx\":[]}'; exit 0";
    test::PathOverride path(test::stand_in_dir("fstar-warn-" + std::to_string(line)),
                            {{"fstar.exe", body}});
    FStarBackend fstar(runner);
    return fstar.verify(c, Deadline::after(std::chrono::seconds(10)));
  };
  auto inside = warning_on(3);
  CHECK(inside.integrity_rejected());
  CHECK(inside.detail.find("a warning in the answer") != std::string::npos);
  CHECK(warning_on(1).verified());
}
