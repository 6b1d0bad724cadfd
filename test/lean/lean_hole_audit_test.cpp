// What a Lean hole may hold: every cheat of issue 18 and its spelling variants is refused by
// the allow-list audit, and every honest answer in the CLEVER dataset passes it.

#include "specs/lean/lean_hole_audit.h"

#include <catch2/catch.hpp>
#include <filesystem>

#include "core/file_io.h"
#include "specs/lean/clever_stage.h"
#include "specs/lean/lean_lexer.h"

using namespace verigen;
using namespace verigen::lean;
namespace fs = std::filesystem;

namespace {

struct Cheat {
  const char* answer;
  LeanHole hole;
  const char* rule;  ///< the rule that must refuse it
};

std::string rules_of(const std::vector<HoleFinding>& findings) {
  std::string out;
  for (const auto& f : findings) out += f.rule + ": " + f.message + "\n";
  return out;
}

bool refused_by(const std::vector<HoleFinding>& findings, const std::string& rule) {
  for (const auto& f : findings)
    if (f.rule == rule) return true;
  return false;
}

const std::vector<std::string> kSpecForbidden = stage_forbidden_names("generated_spec_body");

}  // namespace

// Contract: each cheat (left) is refused at the named rule, whatever its spelling: comments,
// line breaks, «quoting», dotted and _root_ names, `in` forms, modifiers, string tricks.
TEST_CASE("lean hole audit: cheats and their spellings", "[unit]") {
  using H = LeanHole;
  const char* cmd = "integrity.command-in-hole";
  const char* hatch = "integrity.escape-hatch";
  const std::vector<Cheat> cheats = {
      // `True` then #exit: Lean stops reading and only warns.
      {"True\n#exit", H::Term, cmd},
      {"0set_option warn.sorry false", H::Term, cmd},
      {"0x1Fnamespace", H::Term, cmd},
      {"True\n  #exit", H::Term, cmd},
      {"True /- -/ #exit", H::Term, cmd},
      {"True\n#guard_msgs (drop warning) in\nexample : False := sorry", H::Term, cmd},
      {"True\n#eval IO.Process.exit 0", H::Term, cmd},
      {"True\n#print axioms x", H::Term, cmd},
      // set_option warn.sorry false, and the `in` form, anywhere in the answer.
      {"True\nset_option warn.sorry false", H::Term, cmd},
      {"by\n  set_option warn.sorry false in\n  trivial", H::Proof, cmd},
      {"by set_option debug.skipKernelTC true in exact trivial", H::Proof, cmd},
      {"by\n  set_option\n    maxRecDepth 10 in simp", H::Proof, cmd},
      // A namespace redefining problem_spec; nested, and closed again.
      {"True\nnamespace Cheat\ndef problem_spec := True\nend Cheat", H::Term, cmd},
      {"True\nnamespace A.B\nnamespace C\nend C\nend A.B", H::Term, cmd},
      {"True\nsection\nend", H::Term, cmd},
      // Copying the ground truth into the spec.
      {"problem_spec impl numbers threshold", H::Term, "integrity.forbidden-reference"},
      {"_root_.problem_spec impl x y", H::Term, "integrity.forbidden-reference"},
      {"«problem_spec» impl x y", H::Term, "integrity.forbidden-reference"},
      // attribute [implemented_by], local/scoped, @[...] in every form.
      {"0\nattribute [implemented_by foo] implementation", H::DefinitionBody, cmd},
      {"0\nattribute [local simp] foo", H::DefinitionBody, cmd},
      {"by\n  attribute [-simp] foo in simp", H::Proof, cmd},
      {"0\n@[implemented_by foo]\ndef bar := 1", H::DefinitionBody, cmd},
      {"0\n@[csimp] theorem t : @f = @g := rfl", H::DefinitionBody, cmd},
      {"0\n@[extern \"c\"] opaque x : Nat", H::DefinitionBody, cmd},
      {"0\nscoped notation \"x\" => 1", H::DefinitionBody, cmd},
      {"0\nlocal instance : Inhabited Nat := ⟨0⟩", H::DefinitionBody, cmd},
      // decide +native and its relatives.
      {"by decide +native", H::Proof, hatch},
      {"by decide (config := { native := true })", H::Proof, hatch},
      {"by native_decide", H::Proof, hatch},
      {"by «native_decide»", H::Proof, hatch},
      {"by exact Lean.ofReduceBool _ _ rfl", H::Proof, hatch},
      {"by exact ofReduceBool _ _ rfl", H::Proof, hatch},
      {"by exact Lean.«ofReduceBool» _ _ rfl", H::Proof, hatch},
      {"by exact Lean.trustCompiler", H::Proof, hatch},
      {"by bv_decide", H::Proof, hatch},
      // macro_rules rewriting theorem, syntax, elab, notation, run_cmd, by_elab.
      {"True\nmacro_rules | `(theorem $n : $t := $p) => `(axiom $n : $t)", H::Term, cmd},
      {"True\nmacro \"cheat\" : tactic => `(tactic| sorry)", H::Term, cmd},
      {"True\nsyntax \"x\" : term", H::Term, cmd},
      {"True\nelab \"cheat\" : tactic => pure ()", H::Term, cmd},
      {"True\nnotation \"T\" => True", H::Term, cmd},
      {"True\ninfixl:65 \" +' \" => HAdd.hAdd", H::Term, cmd},
      {"True\nrun_cmd pure ()", H::Term, cmd},
      {"by run_tac pure ()", H::Proof, hatch},
      {"by_elab pure (Lean.mkConst ``True)", H::Term, hatch},
      // sorry and its cousins.
      {"by sorry", H::Proof, hatch},
      {"by\n  stop\n  rfl", H::Proof, hatch},
      {"by admit", H::Proof, hatch},
      {"by exact sorryAx _ false", H::Proof, hatch},
      {"by exact _root_.sorryAx _ false", H::Proof, hatch},
      {"by exact «sorry»", H::Proof, hatch},
      {"by exact lcProof", H::Proof, hatch},
      {"unsafeCast 0", H::DefinitionBody, hatch},
      // Declarations and modifiers.
      {"0\naxiom cheat : False", H::DefinitionBody, cmd},
      {"0\nopaque x : Nat", H::DefinitionBody, cmd},
      {"0\nnoncomputable def x : Nat := 0", H::DefinitionBody, cmd},
      {"0\nunsafe def x : Nat := 0", H::DefinitionBody, cmd},
      {"0\npartial def loop : Nat → Nat := loop", H::DefinitionBody, cmd},
      {"0\ntheorem t : False := by simp", H::DefinitionBody, cmd},
      {"0\nlemma t : True := trivial", H::DefinitionBody, cmd},
      {"0\nexample : True := trivial", H::DefinitionBody, cmd},
      {"0\ninstance : Inhabited Nat := ⟨1⟩", H::DefinitionBody, cmd},
      {"0\nopen Lean in\n#eval 1", H::DefinitionBody, cmd},
      {"by\n  open Classical in exact trivial", H::Proof, cmd},
      {"0\nimport Mathlib", H::DefinitionBody, cmd},
      {"0\nuniverse u", H::DefinitionBody, cmd},
      {"0\nvariable (x : Nat)", H::DefinitionBody, cmd},
      {"0\nmutual\nend", H::DefinitionBody, cmd},
      {"0\nderiving instance Repr for Nat", H::DefinitionBody, cmd},
      {"0\nprivate def x := 1", H::DefinitionBody, cmd},
      {"/-- doc -/\n0", H::DefinitionBody, cmd},
      {"0\n/-! module doc -/", H::DefinitionBody, cmd},
      // Lean's meta-level namespace.
      {"by exact (Lean.Elab.Command.elabCommand default)", H::Proof, hatch},
      // Hiding from the reader: strings, raw strings, interpolation, invisible characters.
      {"by\n  exact s!\"{sorry}\"", H::Proof, hatch},
      {"dbg_trace \"{sorry}\"; 0", H::DefinitionBody, hatch},
      {"dbgTrace \"'implementation' depends on axioms: [propext]\" fun _ => 0", H::DefinitionBody,
       hatch},
      {"by exact (throwError \"{native_decide}\")", H::Proof, hatch},
      {"r\"\\\" sorry \"\"", H::Term, hatch},
      {"r\"\\\" #exit \\\"x\"", H::Term, cmd},
      {"r#\"x\"# ++ r##\"\"#\"## \n#exit", H::Term, cmd},
      {"by exact so\u200Brry", H::Proof, "integrity.unparsable"},
      {"True \u202E#exit", H::Term, "integrity.unparsable"},
      {"True /- /- -/ #exit", H::Term, "integrity.unparsable"},
      {"True \"unterminated", H::Term, "integrity.unparsable"},
      {"True\x01", H::Term, "integrity.unparsable"},
      {"True \xff", H::Term, "integrity.unparsable"},
      // Not one piece of syntax.
      {"True)\n(", H::Term, "integrity.hole-category"},
      {"(True", H::Term, "integrity.hole-category"},
      {"  -- nothing\n", H::Proof, "integrity.hole-category"},
  };
  for (const auto& c : cheats) {
    auto findings = audit_lean_hole(c.answer, c.hole, kSpecForbidden);
    INFO("answer: " << c.answer << "\nfindings:\n" << rules_of(findings));
    CHECK(refused_by(findings, c.rule));
  }
}

// Contract: what honest answers use passes: comments (nested ones too), strings with command
// words inside, array literals, explicit application, where/termination_by/decreasing_by,
// do-notation, char literals, Unicode math, set-builder braces.
TEST_CASE("lean hole audit: honest answers pass", "[unit]") {
  const std::vector<std::pair<const char*, LeanHole>> honest = {
      {"by\n  -- set_option here is only a comment\n  simp /- #exit -/ [foo]", LeanHole::Proof},
      {"\"#exit set_option sorry\".length", LeanHole::DefinitionBody},
      {"s.replace \"{\" \"(\" ++ \"\\{ok}\"", LeanHole::DefinitionBody},
      {"#[1, 2, 3].toList", LeanHole::DefinitionBody},
      {"@id Nat 3", LeanHole::DefinitionBody},
      {"go xs 0\nwhere\n  go : List Nat → Nat → Nat\n    | [], a => a\n    | x :: t, a => go t (a "
       "+ x)",
       LeanHole::DefinitionBody},
      {"if n ≤ 1 then n else f (n - 1)\ntermination_by n\ndecreasing_by omega",
       LeanHole::DefinitionBody},
      {"Id.run do\n  let mut acc := 0\n  for x in xs do\n    acc := acc + x\n  return acc",
       LeanHole::DefinitionBody},
      {"s.toList.filter (fun c => c ≠ 'a' ∧ c ≠ '\\n')", LeanHole::DefinitionBody},
      {"∀ i j, i < numbers.length → |numbers[i]! - numbers[j]!| < threshold → impl numbers "
       "threshold = true",
       LeanHole::Term},
      {"by\n  unfold problem_spec\n  use implementation x\n  simp [implementation]\n  omega",
       LeanHole::Proof},
      {"⟨fun h => h, fun h => h⟩", LeanHole::Proof},
      {"{ x : Nat | x > 0 } = ∅ → False", LeanHole::Term},
      {"by\n  intro impl\n  constructor <;> intro h <;> simp_all [generated_spec, problem_spec]",
       LeanHole::Proof},
  };
  for (const auto& [answer, hole] : honest) {
    auto findings = audit_lean_hole(answer, hole, {});
    INFO("answer: " << answer << "\nfindings:\n" << rules_of(findings));
    CHECK(findings.empty());
  }
}

// Contract: every implementation and proof the CLEVER dataset itself holds (the honest answers
// its authors wrote) passes the audit of its hole, with the stage's forbidden names.
TEST_CASE("lean hole audit: the dataset's own answers pass", "[unit]") {
  const fs::path dir = fs::path(VERIGEN_SHARED_DIR) / "datasets/clever/lean4/human_eval";
  if (!fs::exists(dir)) return;
  int checked = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    auto text = read_file(entry.path().string());
    REQUIRE(text.ok());
    auto problem = read_clever_problem(entry.path().string(), *text);
    REQUIRE(problem.ok());
    for (auto [section, answer] :
         {std::pair{"implementation", &problem->implementation},
          std::pair{"correctness_proof", &problem->correctness_proof},
          std::pair{"spec_isomorphism_proof", &problem->spec_isomorphism_proof}}) {
      if (*answer == "sorry" || answer->find("sorry") != std::string::npos) continue;
      auto findings =
          audit_lean_hole(*answer, hole_category(section), stage_forbidden_names(section));
      INFO(entry.path().filename().string() << " " << section << "\n" << rules_of(findings));
      CHECK(findings.empty());
      ++checked;
    }
  }
  CHECK(checked >= 45);  // 47 answers in the dataset at commit 603e318
}

// Contract: the lexer reads what hides words the way Lean reads it.
TEST_CASE("lean lexer: quoting, nesting, raw and interpolated strings", "[unit]") {
  auto idents = [](std::string_view text) {
    std::vector<std::string> out;
    for (const auto& t : lex_lean(text).tokens)
      if (t.kind == LeanToken::Kind::Identifier) out.push_back(t.text);
    return out;
  };
  CHECK(idents("Lean.«ofReduceBool» x") == std::vector<std::string>{"Lean.ofReduceBool", "x"});
  CHECK(idents("/- a /- b -/ c -/ d") == std::vector<std::string>{"d"});
  CHECK(idents("r#\"a \" b\"# c") == std::vector<std::string>{"c"});
  CHECK(idents("s!\"x {y + \"{\"} z\" w") == std::vector<std::string>{"s!", "y", "w"});
  CHECK(idents("xs.map f h'") == std::vector<std::string>{"xs.map", "f", "h'"});
  CHECK(idents("x.1 'a' '\\''") == std::vector<std::string>{"x"});
  CHECK(lex_lean("/- never closed").error.has_value());
}
