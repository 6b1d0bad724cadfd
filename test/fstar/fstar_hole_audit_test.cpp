// What an F* `admit ()` hole may hold: its answer is an expression or a proof, never a pragma,
// an attribute, a top-level declaration or an escape hatch, whatever the spelling.

#include "specs/fstar/fstar_hole_audit.h"

#include <catch2/catch.hpp>

#include "specs/fstar/fstar_spec.h"
#include "specs/splice.h"

using namespace verigen;
using namespace verigen::fstar;

// Contract: each cheat is refused by its rule; honest answers pass.
TEST_CASE("fstar hole audit: cheats refused, honest answers pass", "[unit]") {
  const std::vector<std::pair<const char*, const char*>> cheats = {
      {"admit ()", "integrity.escape-hatch"},
      {"Prims.admit ()", "integrity.escape-hatch"},
      {"FStar.Tactics.tadmit ()", "integrity.escape-hatch"},
      {"magic ()", "integrity.escape-hatch"},
      {"assume (x > 0); ()", "integrity.escape-hatch"},
      {"()\nassume val cheat : False", "integrity.escape-hatch"},
      {"()\n#set-options \"--admit_smt_queries true\"", "integrity.command-in-hole"},
      {"()\n#push-options \"--lax\"", "integrity.command-in-hole"},
      {"()\n#restart-solver", "integrity.command-in-hole"},
      {"()\n[@@expect_failure]\nlet x = 1", "integrity.command-in-hole"},
      {"()\nlet cheat () : Lemma False = admit ()", "integrity.command-in-hole"},
      {"()\nval cheat : unit -> Lemma False", "integrity.command-in-hole"},
      {"()\nopen FStar.Tactics", "integrity.command-in-hole"},
      {"FStar.Tactics.Effect.synth_by_tactic (fun () -> ())", "integrity.escape-hatch"},
      {"with_options \"--admit_smt_queries true\" (fun () -> ())", "integrity.escape-hatch"},
      {"unsafe_coerce 0", "integrity.escape-hatch"},
      {"  (* only a comment *)  ", "integrity.hole-category"},
      {"(* never closed", "integrity.unparsable"},
  };
  for (const auto& [answer, rule] : cheats) {
    auto findings = audit_fstar_hole(answer);
    std::string rules;
    for (const auto& f : findings) rules += f.rule + " ";
    INFO(answer << " -> " << rules);
    CHECK(rules.find(rule) != std::string::npos);
  }
  for (const char* honest : {"()", "let y = x + 1 in\n    assert (y > x)", "lemma_helper x; ()",
                             "if x > 0 then () else ()"})
    CHECK(audit_fstar_hole(honest).empty());
}

// Contract: through the task, text added before or after the spec is refused, and a cheat in
// the hole is found at its place.
TEST_CASE("fstar task audit: nothing outside the holes", "[unit]") {
  const std::string spec = "module A\n\nlet lemma_x (x: nat) : Lemma (x + 0 == x) =\n  admit ()\n";
  auto task = parse_fstar_spec("A.fst", spec);
  REQUIRE(task.ok());
  CHECK(audit_fstar_task(*task, splice_holes(*task, {"()"})).empty());
  CHECK_FALSE(
      audit_fstar_task(*task, "#set-options \"--lax\"\n" + splice_holes(*task, {"()"})).empty());
  CHECK_FALSE(audit_fstar_task(*task, splice_holes(*task, {"()\n#reset-options"})).empty());
}
