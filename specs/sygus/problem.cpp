#include "specs/sygus/problem.h"

#include <algorithm>
#include <set>

#include "core/file_io.h"
#include "specs/sygus/type_check.h"

namespace verigen::sygus {

std::string_view to_string(Sort sort) {
  switch (sort) {
    case Sort::Int:
      return "Int";
    case Sort::Bool:
      return "Bool";
    case Sort::IntArray:
      return "(Array Int Int)";
    case Sort::BoolArray:
      return "(Array Int Bool)";
  }
  return "?";
}

bool is_array(Sort sort) { return sort == Sort::IntArray || sort == Sort::BoolArray; }

Sort element_sort(Sort sort) {
  if (sort == Sort::IntArray) return Sort::Int;
  if (sort == Sort::BoolArray) return Sort::Bool;
  return sort;
}

const FunctionDef* Problem::function(std::string_view name) const {
  for (const auto& f : functions) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

std::string Problem::primed(std::string_view name) const {
  // trans lists the state variables, then their primed copies, in the invariant's order.
  const FunctionDef* t = function(trans);
  for (std::size_t i = 0; i < variables.size(); ++i) {
    if (variables[i].name != name) continue;
    if (t && t->params.size() == 2 * variables.size()) return t->params[variables.size() + i].name;
    break;
  }
  return std::string(name) + "!";
}

namespace {

Failure error_at_place(const std::string& path, Place at, const std::string& message) {
  return fail(path + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) +
              ": error: " + message);
}

// The place just after the last character: where a missing command "should" have been.
Place end_of(std::string_view text) {
  Place at;
  for (unsigned char c : text) {
    if (c == '\n') {
      ++at.line;
      at.column = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++at.column;
    }
  }
  return at;
}

Place place_of_offset(std::string_view text, std::size_t offset) {
  return end_of(text.substr(0, offset));
}

// ((name Sort) ...) as in synth-inv and define-fun.
Result<std::vector<Variable>> parse_params(const SExpr& list, const std::string& path) {
  if (!list.is_list()) return error_at(path, list, "expected a parameter list ((NAME SORT) ...)");
  std::vector<Variable> params;
  std::set<std::string> seen;
  for (const SExpr& p : list.items) {
    if (!p.is_list() || p.items.size() != 2 || !p.items[0].is_symbol()) {
      return error_at(path, p, "expected a parameter (NAME SORT)");
    }
    if (!seen.insert(p.items[0].atom).second) {
      return error_at(path, p, "parameter '" + p.items[0].atom + "' is declared twice");
    }
    auto sort = parse_sort(p.items[1], path);
    if (!sort.ok()) return Failure{sort.error()};
    params.push_back({p.items[0].atom, *sort});
  }
  return params;
}

std::map<std::string, Sort> scope_of(const std::vector<Variable>& params) {
  std::map<std::string, Sort> scope;
  for (const auto& p : params) scope[p.name] = p.sort;
  return scope;
}

bool same_sorts(const std::vector<Variable>& params, const std::vector<Variable>& variables,
                std::size_t repeat) {
  if (params.size() != variables.size() * repeat) return false;
  for (std::size_t i = 0; i < params.size(); ++i) {
    if (params[i].sort != variables[i % variables.size()].sort) return false;
  }
  return true;
}

std::string signature(const std::vector<Variable>& variables, std::size_t repeat) {
  std::string out = "(";
  for (std::size_t r = 0; r < repeat; ++r) {
    for (const auto& v : variables) {
      if (out.size() > 1) out += ' ';
      out += to_string(v.sort);
    }
  }
  return out + ")";
}

// The depth of `term` once calls of `functions` are expanded. Recursion is safe: the reader
// bounds the term's own depth, and each function's expanded depth is already known (a body may
// only call functions defined before it). A let- or parameter name that shadows a function
// counts as a call, which only overestimates.
std::size_t expanded_depth(const SExpr& term, const std::vector<FunctionDef>& functions) {
  auto callee_depth = [&](const std::string& name) -> std::size_t {
    for (const auto& f : functions) {
      if (f.name == name) return f.expanded_depth;
    }
    return 0;
  };
  if (term.is_symbol()) return std::max<std::size_t>(1, callee_depth(term.atom));
  if (!term.is_list()) return 1;
  std::size_t deepest =
      term.items.empty() || !term.items[0].is_symbol() ? 0 : callee_depth(term.items[0].atom);
  for (const SExpr& item : term.items) deepest = std::max(deepest, expanded_depth(item, functions));
  return deepest + 1;
}

// A Failure at `term` when it nests deeper than kMaxNesting once calls are expanded.
Result<std::size_t> bounded_depth(const SExpr& term, const std::vector<FunctionDef>& functions,
                                  const std::string& path) {
  std::size_t depth = expanded_depth(term, functions);
  if (depth > kMaxNesting) {
    return error_at(path, term,
                    "nesting deeper than " + std::to_string(kMaxNesting) +
                        " once calls of defined functions are expanded");
  }
  return depth;
}

// Checks that inv-constraint names functions of the right shape.
Result<void> check_constraint(const Problem& p, const SExpr& constraint, const std::string& path) {
  const auto& items = constraint.items;
  if (items[1].atom != p.inv_name) {
    return error_at(path, items[1],
                    "inv-constraint names '" + items[1].atom + "', but synth-inv declares '" +
                        p.inv_name + "'");
  }
  for (int i = 2; i <= 4; ++i) {
    const FunctionDef* f = p.function(items[i].atom);
    if (!f) return error_at(path, items[i], "undefined function '" + items[i].atom + "'");
    std::size_t repeat = i == 3 ? 2 : 1;
    if (f->result != Sort::Bool || !same_sorts(f->params, p.variables, repeat)) {
      return error_at(
          path, items[i],
          "'" + f->name + "' must take " + signature(p.variables, repeat) + " and return Bool");
    }
  }
  return {};
}

Result<void> read_command(Problem& p, const SExpr& cmd, const TypeChecker& checker,
                          const std::string& path, const SExpr** constraint) {
  if (!cmd.is_list() || cmd.head().empty())
    return error_at(path, cmd, "expected a command (NAME ...)");
  std::string_view name = cmd.head();
  const auto& items = cmd.items;
  if (name == "set-logic") {
    if (items.size() != 2 || !items[1].is_symbol())
      return error_at(path, cmd, "expected (set-logic NAME)");
    p.logic = items[1].atom;
    return {};
  }
  if (name == "synth-inv") {
    if (items.size() < 3 || !items[1].is_symbol()) {
      return error_at(path, cmd, "expected (synth-inv NAME ((VAR SORT) ...))");
    }
    if (!p.inv_name.empty()) return error_at(path, cmd, "a second synth-inv");
    auto vars = parse_params(items[2], path);
    if (!vars.ok()) return Failure{vars.error()};
    if (vars->empty()) return error_at(path, items[2], "the invariant has no variables");
    p.inv_name = items[1].atom;
    p.variables = std::move(*vars);
    return {};
  }
  if (name == "define-fun") {
    if (items.size() != 5 || !items[1].is_symbol()) {
      return error_at(path, cmd, "expected (define-fun NAME ((PARAM SORT) ...) SORT BODY)");
    }
    if (p.function(items[1].atom)) {
      return error_at(path, items[1], "function '" + items[1].atom + "' is defined twice");
    }
    auto params = parse_params(items[2], path);
    if (!params.ok()) return Failure{params.error()};
    auto result = parse_sort(items[3], path);
    if (!result.ok()) return Failure{result.error()};
    auto body = checker.expect(items[4], scope_of(*params), *result);
    if (!body.ok()) return Failure{body.error()};
    auto depth = bounded_depth(items[4], p.functions, path);
    if (!depth.ok()) return Failure{depth.error()};
    p.functions.push_back({items[1].atom, std::move(*params), *result, items[4], *depth});
    return {};
  }
  if (name == "inv-constraint") {
    if (items.size() != 5) {
      return error_at(path, cmd,
                      "wrong number of arguments: expected (inv-constraint INV PRE TRANS POST)");
    }
    for (std::size_t i = 1; i < 5; ++i) {
      if (!items[i].is_symbol()) return error_at(path, items[i], "expected a function name");
    }
    if (*constraint) return error_at(path, cmd, "a second inv-constraint");
    if (p.inv_name.empty()) return error_at(path, cmd, "inv-constraint before synth-inv");
    *constraint = &cmd;
    p.pre = items[2].atom;
    p.trans = items[3].atom;
    p.post = items[4].atom;
    return {};
  }
  if (name == "check-synth") return {};
  return error_at(path, cmd, "unsupported command '" + std::string(name) + "'");
}

}  // namespace

Result<Problem> parse_problem(std::string_view text, const std::string& path) {
  std::size_t bad = 0;
  if (!is_valid_utf8(std::string(text), &bad)) {
    return error_at_place(path, place_of_offset(text, bad), "invalid UTF-8 (not a text file?)");
  }
  auto sexprs = parse_sexprs(text, path);
  if (!sexprs.ok()) return Failure{sexprs.error()};
  if (sexprs->empty()) return error_at_place(path, Place{}, "empty problem: no commands");

  Problem p;
  p.path = path;
  TypeChecker checker(p.functions, path);
  const SExpr* constraint = nullptr;
  for (const SExpr& cmd : *sexprs) {
    auto ok = read_command(p, cmd, checker, path, &constraint);
    if (!ok.ok()) return Failure{ok.error()};
  }
  if (p.inv_name.empty()) return error_at_place(path, end_of(text), "missing synth-inv");
  if (!constraint) return error_at_place(path, end_of(text), "missing inv-constraint");
  auto shapes = check_constraint(p, *constraint, path);
  if (!shapes.ok()) return Failure{shapes.error()};
  if (p.function(p.inv_name)) {
    return error_at(path, constraint->items[1],
                    "'" + p.inv_name + "' is both synthesised and defined");
  }
  return p;
}

Result<Problem> load_problem(const std::string& path) {
  auto text = read_file(path);
  if (!text.ok()) return Failure{text.error()};
  return parse_problem(*text, path);
}

Result<SExpr> parse_invariant(std::string_view text, const Problem& problem,
                              const std::string& origin) {
  auto sexprs = parse_sexprs(text, origin);
  if (!sexprs.ok()) return Failure{sexprs.error()};
  if (sexprs->size() != 1) {
    Place at = sexprs->size() > 1 ? (*sexprs)[1].place : Place{};
    return error_at_place(origin, at,
                          sexprs->empty() ? "empty invariant" : "expected one term, found more");
  }
  SExpr term = std::move((*sexprs)[0]);
  TypeChecker checker(problem.functions, origin);
  if (term.head() != "define-fun") {
    auto sort = checker.expect(term, scope_of(problem.variables), Sort::Bool);
    if (!sort.ok()) return Failure{sort.error()};
    auto depth = bounded_depth(term, problem.functions, origin);
    if (!depth.ok()) return Failure{depth.error()};
    return term;
  }

  const auto& items = term.items;
  if (items.size() != 5)
    return error_at(origin, term, "expected (define-fun NAME ((PARAM SORT) ...) Bool BODY)");
  auto params = parse_params(items[2], origin);
  if (!params.ok()) return Failure{params.error()};
  if (!same_sorts(*params, problem.variables, 1)) {
    return error_at(origin, items[2], "parameters must be " + signature(problem.variables, 1));
  }
  auto result = parse_sort(items[3], origin);
  if (!result.ok()) return Failure{result.error()};
  if (*result != Sort::Bool) return error_at(origin, items[3], "an invariant must return Bool");
  auto sort = checker.expect(items[4], scope_of(*params), Sort::Bool);
  if (!sort.ok()) return Failure{sort.error()};
  auto depth = bounded_depth(items[4], problem.functions, origin);
  if (!depth.ok()) return Failure{depth.error()};

  // The body speaks of the definition's own parameter names; rebind them to the problem's
  // variables so callers always get a term over the problem's names.
  std::vector<SExpr> bindings;
  for (std::size_t i = 0; i < params->size(); ++i) {
    if ((*params)[i].name == problem.variables[i].name) continue;
    bindings.push_back(
        SExpr::list({SExpr::symbol((*params)[i].name), SExpr::symbol(problem.variables[i].name)}));
  }
  if (bindings.empty()) return items[4];
  return SExpr::list(
      {SExpr::symbol("let", items[4].place), SExpr::list(std::move(bindings)), items[4]},
      items[4].place);
}

std::string invariant_definition(const Problem& problem, const SExpr& body) {
  std::string out = "(define-fun " + problem.inv_name + " (";
  for (std::size_t i = 0; i < problem.variables.size(); ++i) {
    if (i) out += ' ';
    out += "(" + to_smtlib(SExpr::symbol(problem.variables[i].name)) + " " +
           std::string(to_string(problem.variables[i].sort)) + ")";
  }
  return out + ") Bool " + to_smtlib(body) + ")";
}

}  // namespace verigen::sygus
