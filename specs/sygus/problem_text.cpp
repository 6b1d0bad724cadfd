#include "specs/sygus/problem_text.h"

namespace verigen::sygus {

std::string params_text(const std::vector<Variable>& params) {
  std::string out;
  for (const auto& p : params) {
    if (!out.empty()) out += ' ';
    out += "(" + to_smtlib(SExpr::symbol(p.name)) + " " + std::string(to_string(p.sort)) + ")";
  }
  return out;
}

std::string definition_text(const FunctionDef& f) {
  return "(define-fun " + to_smtlib(SExpr::symbol(f.name)) + " (" + params_text(f.params) + ") " +
         std::string(to_string(f.result)) + "\n    " + to_smtlib(f.body) + ")\n";
}

std::string problem_text(const Problem& problem) {
  std::string out = "(set-logic " + problem.logic + ")\n";
  out += "(synth-inv " + problem.inv_name + " (" + params_text(problem.variables) + "))\n";
  for (const auto& f : problem.functions) out += definition_text(f);
  out += "(inv-constraint " + problem.inv_name + " " + problem.pre + " " + problem.trans + " " +
         problem.post + ")\n";
  return out;
}

}  // namespace verigen::sygus
