#include "specs/sygus/smt_query.h"

namespace verigen::sygus {
namespace {

// Names verigen adds to the script. A problem that already uses one makes the script declare it
// twice, which a solver refuses: an error, never a different query.
constexpr std::string_view kInvariantName = "verigen.inv";
constexpr std::string_view kNextPrefix = "verigen.next.";

std::string symbol(const std::string& name) { return to_smtlib(SExpr::symbol(name)); }

std::string parameters(const std::vector<Variable>& vars) {
  std::string out = "(";
  for (std::size_t i = 0; i < vars.size(); ++i) {
    if (i) out += ' ';
    out += "(" + symbol(vars[i].name) + " " + std::string(to_string(vars[i].sort)) + ")";
  }
  return out + ")";
}

std::string call(std::string_view function, const std::vector<std::string>& args) {
  std::string out = "(" + symbol(std::string(function));
  for (const auto& a : args) out += " " + a;
  return out + ")";
}

bool numeral(const SExpr& e) {
  if (e.is_numeral()) return true;
  // (- 5): how SMT-LIB writes a negative numeral.
  return e.head() == "-" && e.items.size() == 2 && e.items[1].is_numeral();
}

}  // namespace

Result<CheckScript> check_script(const Problem& problem, std::string_view which,
                                 const SExpr& invariant) {
  if (which != "initiation" && which != "consecution" && which != "postcondition")
    return fail("unknown check '" + std::string(which) + "'");
  CheckScript script;
  std::string& t = script.text;
  t += "(set-logic ALL)\n";
  for (const auto& f : problem.functions) {
    t += "(define-fun " + symbol(f.name) + " " + parameters(f.params) + " " +
         std::string(to_string(f.result)) + " " + to_smtlib(f.body) + ")\n";
  }
  const bool two_states = which == "consecution";
  for (const auto& v : problem.variables) {
    script.current.push_back(symbol(v.name));
    t += "(declare-const " + script.current.back() + " " + std::string(to_string(v.sort)) + ")\n";
    if (!two_states) continue;
    script.next.push_back(symbol(std::string(kNextPrefix) + v.name));
    t += "(declare-const " + script.next.back() + " " + std::string(to_string(v.sort)) + ")\n";
  }
  t += "(define-fun " + symbol(std::string(kInvariantName)) + " " + parameters(problem.variables) +
       " Bool " + to_smtlib(invariant) + ")\n";
  const auto inv = [&](const std::vector<std::string>& s) { return call(kInvariantName, s); };
  std::string assertion;
  if (which == "initiation") {
    assertion = "(and " + call(problem.pre, script.current) + " (not " + inv(script.current) + "))";
  } else if (which == "consecution") {
    std::vector<std::string> both = script.current;
    both.insert(both.end(), script.next.begin(), script.next.end());
    assertion = "(and " + inv(script.current) + " " + call(problem.trans, both) + " (not " +
                inv(script.next) + "))";
  } else {
    assertion =
        "(and " + inv(script.current) + " (not " + call(problem.post, script.current) + "))";
  }
  t += "(assert " + assertion + ")\n";
  return script;
}

bool is_nonlinear(const SExpr& term) {
  auto head = term.head();
  if (head == "*") {
    int variable_factors = 0;
    for (std::size_t i = 1; i < term.items.size(); ++i)
      if (!numeral(term.items[i])) ++variable_factors;
    if (variable_factors >= 2) return true;
  }
  if ((head == "div" || head == "mod") && term.items.size() == 3 && !numeral(term.items[2]))
    return true;
  for (const auto& item : term.items)
    if (is_nonlinear(item)) return true;
  return false;
}

bool has_nonlinear_arithmetic(const Problem& problem) {
  for (const auto& f : problem.functions)
    if (is_nonlinear(f.body)) return true;
  return false;
}

bool nonlinear_integer_check(const Problem& problem, const SExpr& invariant) {
  for (const auto& v : problem.variables)
    if (v.sort != Sort::Int && v.sort != Sort::Bool) return false;
  if (quantifies(invariant)) return false;
  bool nonlinear = is_nonlinear(invariant);
  for (const auto& f : problem.functions) {
    for (const auto& p : f.params)
      if (p.sort != Sort::Int && p.sort != Sort::Bool) return false;
    if (quantifies(f.body)) return false;
    nonlinear = nonlinear || is_nonlinear(f.body);
  }
  return nonlinear;
}

}  // namespace verigen::sygus
