// The prompts a model is sent, per task kind and language, against snapshots in
// test/gen/snapshots/: a change to a template or to the audit's rules shows up here as a diff to
// review. VERIGEN_UPDATE_SNAPSHOTS=1 rewrites the snapshots instead of comparing.

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>

#include "core/file_io.h"
#include "gen/candidate_generator.h"
#include "gen/prompt_builder.h"
#include "specs/integrity_rules.h"

using namespace verigen;

namespace {

Task task(Language language, TaskKind kind, std::string spec, std::string doc) {
  Task t;
  t.id = "snapshot";
  t.language = language;
  t.kind = kind;
  t.spec_text = std::move(spec);
  t.doc = std::move(doc);
  return t;
}

void check_snapshot(const std::string& name, const Prompt& prompt) {
  const std::string text = "=== system\n" + prompt.system + "\n=== user\n" + prompt.user;
  const std::string path = std::string(VERIGEN_SOURCE_DIR) + "/test/gen/snapshots/" + name + ".txt";
  if (const char* update = std::getenv("VERIGEN_UPDATE_SNAPSHOTS"); update && *update == '1') {
    std::ofstream(path, std::ios::binary) << text;
    return;
  }
  auto expected = read_file(path);
  INFO(path << " (VERIGEN_UPDATE_SNAPSHOTS=1 rewrites it)");
  REQUIRE(expected.ok());
  CHECK(text == *expected);
}

}  // namespace

TEST_CASE("prompt snapshots: Dafny implement, annotate, specify", "[unit]") {
  auto implement = task(Language::Dafny, TaskKind::Implement,
                        "method Max(a: int, b: int) returns (m: int)\n  ensures m >= a && m >= b\n",
                        "The larger of a and b.");
  implement.examples = {{"Max(3, 5)", "5"}};
  check_snapshot("dafny_implement", first_prompt(implement).value());
  check_snapshot("dafny_annotate",
                 first_prompt(task(Language::Dafny, TaskKind::Annotate,
                                   "method Count(n: nat) returns (c: nat)\n  ensures c == n\n{\n"
                                   "  c := 0;\n  while c < n\n  {\n    c := c + 1;\n  }\n}\n",
                                   ""))
                     .value());
  check_snapshot("dafny_specify",
                 first_prompt(task(Language::Dafny, TaskKind::Specify,
                                   "/// Doubles x.\nmethod Double(x: int) returns (y: int)\n{\n"
                                   "  y := x + x;\n}\n",
                                   "Doubles x."))
                     .value());
}

TEST_CASE("prompt snapshots: Dafny repairs after the audit and after an unusable answer",
          "[unit]") {
  auto t = task(Language::Dafny, TaskKind::Implement,
                "method Max(a: int, b: int) returns (m: int)\n  ensures m >= a && m >= b\n",
                "The larger of a and b.");
  const std::string cheat =
      "method Max(a: int, b: int) returns (m: int)\n  ensures m >= a && m >= b\n{\n"
      "  assume false;\n  m := a;\n}\n";
  Diagnostic finding;
  finding.where.file = "max.dfy";
  finding.where.line = 4;
  finding.where.column = 3;
  finding.message = "escape hatch: assume (in Max) was not in the original";
  finding.rule = "integrity.escape-hatch";
  check_snapshot("dafny_repair_audit",
                 repair_prompt(t, cheat, Verdict::rejected({finding, finding})).value());
  check_snapshot(
      "dafny_repair_unusable",
      repair_prompt(t, "Use an if.", unusable_answer("the answer is prose, not dafny code"))
          .value());
}

TEST_CASE("prompt snapshots: Lean and F*", "[unit]") {
  check_snapshot("lean_prove", first_prompt(task(Language::Lean, TaskKind::Prove,
                                                 "theorem two : 1 + 1 = 2 := by\n  sorry\n", ""))
                                   .value());
  check_snapshot("fstar_implement",
                 first_prompt(task(Language::FStar, TaskKind::Implement,
                                   "module Incr\nval incr : x:int -> y:int{y > x}\n"
                                   "let incr x = admit ()\n",
                                   "Adds one."))
                     .value());
}

// Contract: the system prompt states every rule of the audit's list: each assumption kind but
// `other` has a rule, and each rule reaches the Dafny prompt of every task kind.
TEST_CASE("the audit's rules are all in the prompt", "[unit]") {
  for (const auto& kind : assumption_kinds()) {
    INFO(kind);
    if (kind == "other") continue;
    const std::string rule = assumption_rule(kind);
    REQUIRE_FALSE(rule.empty());
    for (TaskKind k : {TaskKind::Implement, TaskKind::Annotate, TaskKind::Specify})
      CHECK(first_prompt(task(Language::Dafny, k, "method M()\n", "")).value().system.find(rule) !=
            std::string::npos);
  }
}
