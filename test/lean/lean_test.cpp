// The Lean 4 back-end and language layer, on the real recorded outputs in
// ../shared/recorded/lean (Lean cannot be installed here) and on the CLEVER dataset.

#include <catch2/catch.hpp>
#include <filesystem>
#include <regex>

#include "backends/lean/lean_backend.h"
#include "backends/lean/lean_output.h"
#include "core/file_io.h"
#include "specs/lean/lean_audit.h"
#include "specs/lean/lean_spec.h"
#include "stand_in.h"

using namespace verigen;
using namespace verigen::lean;
namespace fs = std::filesystem;

namespace {

const fs::path kRecorded = fs::path(VERIGEN_SHARED_DIR) / "recorded" / "lean" / "tests";

bool is_output(const fs::path& p) {
  auto name = p.filename().string();
  return name.size() > 13 && (name.ends_with(".out.expected") || name.ends_with(".expected.out"));
}

/// Error headers counted with a regex of its own, independent of the parser.
int count_error_headers(const std::string& text) {
  static const std::regex kError(R"((^|\n)[^\s:]+\.lean:\d+:\d+(-\d+:\d+)?: error)");
  return static_cast<int>(std::distance(std::sregex_iterator(text.begin(), text.end(), kError),
                                        std::sregex_iterator()));
}

ProcessResult exited(int code, std::string out) {
  ProcessResult r;
  r.status = ProcessResult::Status::Exited;
  r.exit_code = code;
  r.out = std::move(out);
  return r;
}

}  // namespace

// Contract: every recorded plain-text output parses; the parser finds exactly the error
// headers an independent count finds; elab_fail outputs are never verified and elab outputs
// without sorry are.
TEST_CASE("every recorded lean output", "[unit]") {
  if (!fs::exists(kRecorded)) {
    WARN("skipped: " << kRecorded << " is absent");
    return;
  }
  int files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(kRecorded)) {
    if (!entry.is_regular_file() || !is_output(entry.path())) continue;
    auto text = read_file(entry.path().string()).value();
    INFO(entry.path());
    ++files;
    const std::string pile = entry.path().parent_path().filename().string();
    if (pile == "server_interactive" || pile == "interactive") {
      auto lsp = parse_lsp_diagnostics(text, PathMapping{"editAfterError.lean", "shown.lean"});
      REQUIRE_FALSE(lsp.empty());
      bool found = false;
      for (const auto& d : lsp)
        found |=
            d.message.find("tru") != std::string::npos && d.where.line == 1 && d.where.column == 8;
      CHECK(found);
      continue;
    }
    auto messages = parse_text_messages(text, PathMapping{"x.lean", "x.lean"});
    int errors = 0;
    for (const auto& d : messages) errors += d.severity == Severity::Error;
    CHECK(errors == count_error_headers(text));
    bool sorry = text.find("declaration uses") != std::string::npos;
    Verdict v = interpret_lean_run(exited(errors ? 1 : 0, text), PathMapping{"x.lean", "x.lean"});
    if (errors)
      CHECK(v.outcome != Outcome::Verified);
    else if (sorry)
      CHECK(v.cause == Cause::Integrity);
    else
      CHECK(v.outcome == Outcome::Verified);
  }
  CHECK(files >= 15);
}

// Contract: positions become 1-based columns; ranges, error names and multi-line texts are kept.
TEST_CASE("lean text format details", "[unit]") {
  if (!fs::exists(kRecorded)) {
    WARN("skipped: " << kRecorded << " is absent");
    return;
  }
  auto m = parse_text_messages(
      read_file((kRecorded / "elab_fail/241.lean.out.expected").string()).value(),
      PathMapping{"241.lean", "src/241.lean"});
  REQUIRE(m.size() == 13);
  CHECK(m[0].where.file == "src/241.lean");
  CHECK(m[0].where.line == 3);
  CHECK(m[0].where.column == 7);
  CHECK(m[0].where.end_column == 9);
  auto named = parse_text_messages(
      "586.lean:13:0-13:3: error(lean.unknownIdentifier): Unknown identifier `zero`\n"
      "  more\n\nnext line\n",
      PathMapping{"586.lean", "586.lean"});
  REQUIRE(named.size() == 1);
  CHECK(named[0].rule == "lean.unknownIdentifier");
  CHECK(named[0].message == "Unknown identifier `zero`\n  more\n\nnext line");
  auto eof =
      interpret_lean_run(exited(1, "4117.lean:2:0: error: unexpected end of input; expected ')'\n"),
                         PathMapping{"4117.lean", "4117.lean"});
  CHECK(eof.cause == Cause::BadInput);
}

// Contract: `lean --json` lines (the documented fields) are the primary format.
TEST_CASE("lean --json messages", "[unit]") {
  std::string out =
      R"({"severity":"warning","pos":{"line":6,"column":0},"endPos":{"line":6,"column":7},"keepFullRange":false,"isSilent":false,"fileName":"/tmp/A.lean","data":"declaration uses 'sorry'","caption":"","kind":"hasSorry"})"
      "\n"
      R"({"severity":"error","pos":{"line":2,"column":4},"endPos":null,"keepFullRange":false,"isSilent":false,"fileName":"/tmp/A.lean","data":"type mismatch","caption":"","kind":""})"
      "\n";
  auto m = parse_json_messages(out, PathMapping{"/tmp/A.lean", "A.lean"});
  REQUIRE(m.size() == 2);
  CHECK(m[0].where.file == "A.lean");
  CHECK(m[0].where.column == 1);
  CHECK(mentions_sorry(m[0]));
  CHECK(m[1].severity == Severity::Error);
  CHECK(interpret_lean_run(exited(1, out), PathMapping{"/tmp/A.lean", "A.lean"}).outcome ==
        Outcome::Refuted);
  auto axioms = parse_text_messages("'f' depends on axioms: [propext, sorryAx]\n", PathMapping{});
  REQUIRE(axioms.size() == 1);
  CHECK(mentions_sorry(axioms[0]));
  CHECK(interpret_lean_run(exited(0, "'f' depends on axioms: [propext, sorryAx]\n"), PathMapping{})
            .cause == Cause::Integrity);
}

// Contract: each Lean escape hatch added by a candidate is a finding; those in the original are
// not.
TEST_CASE("lean integrity audit", "[unit]") {
  const std::string original = "theorem t : 1 + 1 = 2 := by\n  sorry\n\n-- axiom in a comment\n";
  CHECK(audit_lean(original, "theorem t : 1 + 1 = 2 := by\n  decide\n\n-- axiom in a comment\n",
                   "t.lean")
            .empty());
  for (const std::string& cheat :
       {std::string("axiom cheat : False\ntheorem t : 1 + 1 = 2 := by\n  exact (cheat.elim)\n"),
        std::string("theorem t : 1 + 1 = 2 := by\n  native_decide\n"),
        std::string("@[implemented_by foo] def g := 1\ntheorem t : 1 + 1 = 2 := by\n  decide\n"),
        std::string("@[extern \"c\"] def g := 1\ntheorem t : 1 + 1 = 2 := by\n  decide\n"),
        std::string("theorem t : 1 + 1 = 2 := by\n  admit\n")}) {
    INFO(cheat);
    auto findings = audit_lean(original, cheat, "t.lean");
    bool hatch = false;
    for (const auto& f : findings) hatch |= f.rule == "integrity.escape-hatch";
    CHECK(hatch);
  }
  auto changed = audit_lean(original, "theorem t : 1 + 1 = 3 := by\n  decide\n", "t.lean");
  REQUIRE_FALSE(changed.empty());
  CHECK(changed[0].rule == "integrity.fixed-part-changed");
}

// Contract: all 161 CLEVER problems give their four (three for the oldest layout) tasks.
TEST_CASE("CLEVER problems become tasks", "[unit]") {
  auto dir = fs::path(VERIGEN_SHARED_DIR) / "datasets" / "clever" / "lean4" / "human_eval";
  if (!fs::exists(dir)) {
    WARN("skipped: " << dir << " is absent");
    return;
  }
  int problems = 0, tasks = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    auto text = read_file(entry.path().string()).value();
    auto parsed = clever_tasks(entry.path().string(), text);
    INFO(entry.path());
    REQUIRE(parsed.ok());
    CHECK(parsed->size() >= 3);
    for (const auto& t : *parsed) {
      REQUIRE(t.holes.size() == 1);
      CHECK(t.holes[0].begin <= t.holes[0].end);
    }
    ++problems;
    tasks += static_cast<int>(parsed->size());
  }
  CHECK(problems == 161);
  WARN("CLEVER: " << problems << " problems, " << tasks << " tasks");
}

// Contract: a malformed CLEVER file and a Lean file without sorry are clear errors.
TEST_CASE("lean spec errors", "[unit]") {
  auto open = clever_tasks("p.lean", "-- start_def implementation\ndef f := 1\n");
  REQUIRE_FALSE(open.ok());
  CHECK(open.error().rfind("p.lean:2:1: error: section 'implementation' is never closed", 0) == 0);
  CHECK(parse_lean_spec("q.lean", "theorem t : True := trivial\n")
            .error()
            .find("nothing to generate") != std::string::npos);
  auto holes = parse_lean_spec("q.lean", "theorem t : True := sorry -- sorry in a comment\n");
  REQUIRE(holes.ok());
  CHECK(holes->holes.size() == 1);
}

// Contract: without lean on PATH the verdict is ToolNotFound naming elan; with a stand-in,
// hangs time out, crashes are crashes and garbage is never success.
TEST_CASE("lean back-end process handling", "[process]") {
  SubprocessRunner runner;
  Candidate c;
  c.display_path = "T.lean";
  c.text = "theorem t : True := trivial\n";
  {
    test::PathOverride empty_path(test::stand_in_dir("lean-none"));
    LeanBackend lean(runner);
    auto v = lean.verify(c, Deadline::after(std::chrono::seconds(10)));
    CHECK(v.cause == Cause::ToolNotFound);
    CHECK(v.detail.find("elan") != std::string::npos);
  }
  auto check = [&](const std::string& body, Deadline deadline) {
    test::PathOverride path(
        test::stand_in_dir("lean-" + std::to_string(std::hash<std::string>{}(body))),
        {{"lean", body}});
    LeanBackend lean(runner);
    return lean.verify(c, deadline);
  };
  CHECK(check("sleep 60", Deadline::after(std::chrono::milliseconds(300))).cause == Cause::Timeout);
  CHECK(check("kill -SEGV $$", Deadline::after(std::chrono::seconds(10))).cause ==
        Cause::ToolCrashed);
  CHECK_FALSE(
      check("echo '%%% garbage'; exit 3", Deadline::after(std::chrono::seconds(10))).verified());
  CHECK(check("[ \"$1\" = --version ] && echo 'Lean (version 4.24.0, x86_64)'; exit 0",
              Deadline::after(std::chrono::seconds(10)))
            .verified());
}

// Contract: LSP diagnostics of any shape are read without throwing or asserting: a range
// without `start`, a severity that is a string, an item that is not an object. Found by
// fuzzing (benchmarks/fuzz/regressions/verifier_output/lean-lsp-range-without-start).
TEST_CASE("Lean LSP diagnostics of odd shapes", "[unit]") {
  const std::string odd =
      R"({"uri": "file:///a.lean", "diagnostics": [)"
      R"({"range": {"stazt": {"line": 0}}, "message": "no start", "severity": 1},)"
      R"({"range": 5, "message": "range not an object", "severity": "high"},)"
      R"(7, "text", {"message": 3, "code": 4},)"
      R"({"range": {"start": {"line": 2, "character": 1}}, "message": "kept", "severity": 2}]})";
  auto messages = parse_lsp_diagnostics(odd, PathMapping{"a.lean", "shown.lean"});
  REQUIRE(messages.size() == 6);
  CHECK(messages[0].message == "no start");
  CHECK(messages[0].where.line == 1);
  CHECK(messages[1].severity == Severity::Error);
  CHECK(messages[4].message.empty());
  CHECK(messages[5].message == "kept");
  CHECK(messages[5].where.line == 3);
  CHECK(messages[5].severity == Severity::Warning);
}
