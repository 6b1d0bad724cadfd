// Reading a model's answer as a person would: reasoning dropped, the final complete block of
// the task's language chosen, body-only answers spliced, prose refused.

#include "gen/answer_extraction.h"

#include <catch2/catch.hpp>

using namespace verigen;

namespace {

const char* kSpec =
    "method Max(a: int, b: int) returns (m: int)\n"
    "  ensures m >= a && m >= b\n";

Task max_task() {
  Task t;
  t.language = Language::Dafny;
  t.kind = TaskKind::Implement;
  t.spec_text = kSpec;
  t.holes.push_back({"Max", t.spec_text.size(), t.spec_text.size(), ""});
  return t;
}

std::string block(const std::string& lang, const std::string& code) {
  return "```" + lang + "\n" + code + "```\n";
}

const std::string kDraft = std::string(kSpec) + "{\n  m := a;\n}\n";
const std::string kFinal = std::string(kSpec) + "{\n  if a > b { m := a; } else { m := b; }\n}\n";

}  // namespace

// Contract: a <think> draft with its own code block loses to the final answer, even when the
// draft's block is larger.
TEST_CASE("a think draft never wins", "[unit]") {
  const std::string draft = kDraft + "// a long draft comment making this block the largest\n";
  auto raw = extract_candidate(max_task(),
                               "<think>\nMaybe:\n" + block("dafny", draft) +
                                   "No, wrong.\n</think>\n" + block("dafny", kFinal),
                               "t");
  REQUIRE(raw.rejected.empty());
  CHECK(raw.text == kFinal);
}

// Contract: a server that strips the opening tag leaves "...</think>": what precedes is
// reasoning too; an answer still inside <think> at its end has no code.
TEST_CASE("reasoning without its opening tag, and reasoning never closed", "[unit]") {
  auto eaten = extract_candidate(
      max_task(), "draft\n" + block("dafny", kDraft) + "</think>\n" + block("dafny", kFinal), "t");
  CHECK(eaten.text == kFinal);
  auto open = extract_candidate(max_task(), "<think>\nlet me see\n" + block("dafny", kDraft), "t");
  CHECK(open.text.empty());
  CHECK(open.rejected.find("inside its reasoning") != std::string::npos);
  CHECK(strip_reasoning("a<reasoning>b</reasoning>c<thinking>d</thinking>e") == "ace");
}

// Contract: of several complete blocks the last that declares the task's names wins; a later
// block that only calls them (a usage example) does not.
TEST_CASE("the last block that declares the task wins", "[unit]") {
  auto raw = extract_candidate(max_task(),
                               "First try:\n" + block("dafny", kDraft) + "Better:\n" +
                                   block("dafny", kFinal) + "Use it like this:\n" +
                                   block("dafny", "var x := Max(3, 5);\n"),
                               "t");
  CHECK(raw.text == kFinal);
  auto other_language = extract_candidate(
      max_task(), block("dafny", kFinal) + block("python", "def Max(a, b): pass\n"), "t");
  CHECK(other_language.text == kFinal);
}

// Contract: a body-only answer is spliced into the spec's hole.
TEST_CASE("a body-only answer is spliced", "[unit]") {
  auto raw = extract_candidate(
      max_task(), block("dafny", "{\n  if a > b { m := a; } else { m := b; }\n}\n"), "t");
  REQUIRE(raw.rejected.empty());
  CHECK(raw.text.rfind(kSpec, 0) == 0);
  CHECK(raw.text.find("if a > b") != std::string::npos);
}

// Contract: prose is refused (never sent to the verifier); so are empty and truncated answers.
TEST_CASE("prose, empty and truncated answers are refused with the reason", "[unit]") {
  auto prose = extract_candidate(
      max_task(), "I am sorry, but I cannot write this method without more information.", "t");
  CHECK(prose.text.empty());
  CHECK(prose.rejected == "the answer is prose, not dafny code");
  auto empty = extract_candidate(max_task(), "  \n", "t");
  CHECK(empty.rejected == "empty answer");
  auto cut = extract_candidate(max_task(), "```dafny\n" + kDraft, "t");
  CHECK(cut.rejected == "truncated answer (the code block is never closed)");
}

// Contract: the names a spec declares, per language.
TEST_CASE("declared names", "[unit]") {
  CHECK(declared_names(max_task()) == std::vector<std::string>{"Max"});
  Task lean;
  lean.language = Language::Lean;
  lean.spec_text = "def f (n : Nat) : Nat := sorry\ntheorem f_ok : f 0 = 0 := by sorry\n";
  CHECK(declared_names(lean) == std::vector<std::string>{"f", "f_ok"});
  Task fstar;
  fstar.language = Language::FStar;
  fstar.spec_text = "module M\nval incr : int -> int\nlet incr x = admit ()\n";
  CHECK(declared_names(fstar) == std::vector<std::string>{"incr"});
}
