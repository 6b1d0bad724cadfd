#include "specs/integrity_rules.h"

#include "core/assumption.h"

namespace verigen {

std::string assumption_rule(std::string_view kind) {
  namespace k = assumption_kind;
  if (kind == k::kAssume) return "no `assume` statement (nor `:| assume`, nor `assume {:axiom}`)";
  if (kind == k::kAxiom) return "no `{:axiom}` or `@Axiom` attribute";
  if (kind == k::kExtern) return "no `{:extern}` declaration";
  if (kind == k::kBodyless)
    return "no lemma, function or method without a body: every lemma you add has its proof";
  if (kind == k::kBodylessLoop) return "no `while` or `forall` statement without a body";
  if (kind == k::kVerifyFalse) return "no `{:verify false}` or `@Verify(false)`";
  if (kind == k::kOnly) return "no `{:only}` or `@VerifyOnly`";
  if (kind == k::kDecreasesStar) return "no `decreases *`: every loop and recursion terminates";
  if (kind == k::kExpect) return "no `expect` statement standing in for a proof";
  if (kind == k::kOptions) return "no `{:options ...}` attribute";
  if (kind == k::kAttribute)
    return "no attribute that weakens checking (such as `{:selective_checking}`); prover hints "
           "such as `{:induction}`, `{:trigger}` and `{:fuel}` are fine";
  if (kind == k::kTermination) return "no `{:termination false}`";
  if (kind == k::kInclude) return "no new `include`";
  return "";
}

std::vector<std::string> integrity_rules(Language language, TaskKind kind) {
  std::vector<std::string> rules;
  switch (language) {
    case Language::Dafny: {
      rules.push_back(
          "keep every declaration of the program (modules, imports, classes, datatypes, types, "
          "constants, fields, methods, functions, predicates, lemmas): none removed or renamed");
      if (kind == TaskKind::Specify) {
        rules.push_back(
            "keep every header, signature and attribute exactly as given; you may only add "
            "contracts (requires, ensures, reads, modifies, decreases)");
      } else {
        rules.push_back(
            "keep the preconditions and postconditions the same: every header, signature, "
            "attribute and contract (requires, ensures, reads, modifies, decreases) exactly as "
            "given");
      }
      if (kind == TaskKind::Implement)
        rules.push_back(
            "write the bodies of the body-less declarations; every other body keeps its code");
      else
        rules.push_back(
            "keep the executable code identical: once loop invariants, assertions, decreases "
            "clauses and lemma calls are erased it must be exactly the given code, the given "
            "`assert`s included");
      rules.push_back(
          "you may add lemmas, functions, predicates and methods under new names (names the "
          "program does not use), ghost variables, loop invariants, assertions and decreases "
          "clauses; nothing else may be added (no new module, import, include, constant, type "
          "or field)");
      for (const auto& k : assumption_kinds())
        if (auto rule = assumption_rule(k); !rule.empty()) rules.push_back(rule);
      break;
    }
    case Language::Lean:
      rules = {
          "keep every statement, definition and line outside the parts to fill exactly as "
          "given",
          "write only inside the holes, and only what the hole stands for (a term, a proof, a "
          "definition's body): no command of any kind (`#...`, `set_option`, `open`, "
          "`namespace`, `section`, `attribute`, `@[...]`, `macro`, `syntax`, `elab`, "
          "`notation`, `instance`, `def`, `theorem`, `axiom` ...), no doc comments",
          "no `sorry`, `admit`, `stop` or `sorryAx`",
          "no `native_decide`, `decide +native`, `bv_decide`, `ofReduceBool` or "
          "`trustCompiler`; no `implemented_by`, `extern`, `csimp`, `unsafe`, `partial`, "
          "`noncomputable`; nothing from the `Lean` namespace",
          "no warning in your answer, and the checked declaration may use no axiom beyond "
          "`propext`, `Classical.choice` and `Quot.sound`"};
      break;
    case Language::FStar:
      rules = {
          "keep every signature, specification and line outside the `admit ()` holes exactly "
          "as given",
          "no `admit` and no `assume`",
          "no `--admit_smt_queries`, no `--lax`, and no change to `#set-options` or "
          "`#push-options`"};
      break;
    default:
      break;
  }
  return rules;
}

}  // namespace verigen
