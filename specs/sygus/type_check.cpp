#include "specs/sygus/type_check.h"

#include <set>

namespace verigen::sygus {

Failure error_at(const std::string& path, const SExpr& at, const std::string& message) {
  return fail(path + ":" + std::to_string(at.place.line) + ":" + std::to_string(at.place.column) +
              ": error: " + message);
}

Result<Sort> parse_sort(const SExpr& sort, const std::string& path) {
  if (sort.is_symbol("Int")) return Sort::Int;
  if (sort.is_symbol("Bool")) return Sort::Bool;
  if (sort.is_list() && sort.items.size() == 3 && sort.items[0].is_symbol("Array") &&
      sort.items[1].is_symbol("Int")) {
    if (sort.items[2].is_symbol("Int")) return Sort::IntArray;
    if (sort.items[2].is_symbol("Bool")) return Sort::BoolArray;
  }
  return error_at(path, sort,
                  "unsupported sort '" + to_smtlib(sort) +
                      "' (expected Int, Bool, (Array Int Int) or (Array Int Bool))");
}

namespace {

using Scope = std::map<std::string, Sort>;

// Operators with a fixed argument sort and result: (argument sort, result sort, min arity,
// max arity; -1 = unbounded).
struct Builtin {
  Sort argument;
  Sort result;
  int min_args;
  int max_args;
};

const std::map<std::string, Builtin, std::less<>>& builtins() {
  static const std::map<std::string, Builtin, std::less<>> table = {
      {"and", {Sort::Bool, Sort::Bool, 1, -1}}, {"or", {Sort::Bool, Sort::Bool, 1, -1}},
      {"xor", {Sort::Bool, Sort::Bool, 2, -1}}, {"=>", {Sort::Bool, Sort::Bool, 2, -1}},
      {"not", {Sort::Bool, Sort::Bool, 1, 1}},  {"+", {Sort::Int, Sort::Int, 1, -1}},
      {"-", {Sort::Int, Sort::Int, 1, -1}},     {"*", {Sort::Int, Sort::Int, 1, -1}},
      {"div", {Sort::Int, Sort::Int, 2, 2}},    {"mod", {Sort::Int, Sort::Int, 2, 2}},
      {"abs", {Sort::Int, Sort::Int, 1, 1}},    {"<", {Sort::Int, Sort::Bool, 2, -1}},
      {"<=", {Sort::Int, Sort::Bool, 2, -1}},   {">", {Sort::Int, Sort::Bool, 2, -1}},
      {">=", {Sort::Int, Sort::Bool, 2, -1}},
  };
  return table;
}

std::string arity_text(int min_args, int max_args) {
  if (min_args == max_args) return std::to_string(min_args);
  if (max_args < 0) return "at least " + std::to_string(min_args);
  return std::to_string(min_args) + " to " + std::to_string(max_args);
}

}  // namespace

const FunctionDef* TypeChecker::find(const std::string& name) const {
  for (const auto& f : functions_) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

Result<Sort> TypeChecker::expect(const SExpr& term, const Scope& scope, Sort expected) const {
  auto sort = sort_of(term, scope);
  if (!sort.ok()) return sort;
  if (*sort != expected) {
    return error_at(path_, term,
                    "type error: expected " + std::string(to_string(expected)) + ", got " +
                        std::string(to_string(*sort)) + " in '" + to_smtlib(term) + "'");
  }
  return sort;
}

Result<Sort> TypeChecker::sort_of(const SExpr& term, const Scope& scope) const {
  switch (term.kind) {
    case SExpr::Kind::Numeral:
      return Sort::Int;
    case SExpr::Kind::Symbol: {
      if (term.atom == "true" || term.atom == "false") return Sort::Bool;
      if (auto it = scope.find(term.atom); it != scope.end()) return it->second;
      if (const FunctionDef* f = find(term.atom)) {
        if (f->params.empty()) return f->result;
        return error_at(path_, term,
                        "function '" + term.atom + "' expects " + std::to_string(f->params.size()) +
                            " arguments, used as a constant");
      }
      return error_at(path_, term, "unknown symbol '" + term.atom + "'");
    }
    case SExpr::Kind::List:
      return list_sort(term, scope);
  }
  return error_at(path_, term, "unreachable");
}

Result<Sort> TypeChecker::list_sort(const SExpr& term, const Scope& scope) const {
  if (term.items.empty()) return error_at(path_, term, "empty application '()'");
  const SExpr& op = term.items[0];
  const int args = static_cast<int>(term.items.size()) - 1;

  // ((as const (Array Int Int)) v): how Z3 writes a constant array, e.g. in a model value.
  if (op.is_list()) {
    if (op.items.size() == 3 && op.items[0].is_symbol("as") && op.items[1].is_symbol("const")) {
      auto sort = parse_sort(op.items[2], path_);
      if (!sort.ok()) return sort;
      if (!is_array(*sort) || args != 1) {
        return error_at(path_, term, "malformed constant array");
      }
      auto element = expect(term.items[1], scope, element_sort(*sort));
      if (!element.ok()) return element;
      return *sort;
    }
    return error_at(path_, op, "expected a function symbol, got '" + to_smtlib(op) + "'");
  }
  if (!op.is_symbol()) return error_at(path_, op, "expected a function symbol, got a numeral");
  const std::string& name = op.atom;
  auto wrong_arity = [&](const std::string& expected) {
    return error_at(path_, term,
                    "wrong number of arguments: '" + name + "' expects " + expected + ", got " +
                        std::to_string(args));
  };

  if (name == "let" || name == "forall" || name == "exists") return binder_sort(term, scope);
  if (auto it = builtins().find(name); it != builtins().end()) {
    const Builtin& b = it->second;
    if (args < b.min_args || (b.max_args >= 0 && args > b.max_args)) {
      return wrong_arity(arity_text(b.min_args, b.max_args));
    }
    for (int i = 1; i <= args; ++i) {
      auto sort = expect(term.items[i], scope, b.argument);
      if (!sort.ok()) return sort;
    }
    return b.result;
  }
  if (name == "=" || name == "distinct") {
    if (args < 2) return wrong_arity("at least 2");
    auto first = sort_of(term.items[1], scope);
    if (!first.ok()) return first;
    for (int i = 2; i <= args; ++i) {
      auto sort = expect(term.items[i], scope, *first);
      if (!sort.ok()) return sort;
    }
    return Sort::Bool;
  }
  if (name == "ite") {
    if (args != 3) return wrong_arity("3");
    auto cond = expect(term.items[1], scope, Sort::Bool);
    if (!cond.ok()) return cond;
    auto then_sort = sort_of(term.items[2], scope);
    if (!then_sort.ok()) return then_sort;
    auto else_sort = expect(term.items[3], scope, *then_sort);
    if (!else_sort.ok()) return else_sort;
    return *then_sort;
  }
  if (name == "select" || name == "store") {
    int want = name == "select" ? 2 : 3;
    if (args != want) return wrong_arity(std::to_string(want));
    auto array = sort_of(term.items[1], scope);
    if (!array.ok()) return array;
    if (!is_array(*array)) {
      return error_at(path_, term.items[1],
                      "'" + name + "' expects an array, got " + std::string(to_string(*array)));
    }
    auto index = expect(term.items[2], scope, Sort::Int);
    if (!index.ok()) return index;
    if (name == "select") return element_sort(*array);
    auto value = expect(term.items[3], scope, element_sort(*array));
    if (!value.ok()) return value;
    return *array;
  }
  if (scope.count(name)) {
    return error_at(path_, op, "'" + name + "' is a variable, not a function");
  }
  if (const FunctionDef* f = find(name)) return call_sort(term, *f, scope);
  return error_at(path_, op, "unknown function '" + name + "'");
}

Result<Sort> TypeChecker::call_sort(const SExpr& term, const FunctionDef& f,
                                    const Scope& scope) const {
  const std::size_t args = term.items.size() - 1;
  if (args != f.params.size()) {
    return error_at(path_, term,
                    "wrong number of arguments: '" + f.name + "' expects " +
                        std::to_string(f.params.size()) + ", got " + std::to_string(args));
  }
  for (std::size_t i = 0; i < args; ++i) {
    auto sort = expect(term.items[i + 1], scope, f.params[i].sort);
    if (!sort.ok()) return sort;
  }
  return f.result;
}

Result<Sort> TypeChecker::binder_sort(const SExpr& term, const Scope& scope) const {
  const std::string& name = term.items[0].atom;
  if (term.items.size() != 3 || !term.items[1].is_list() || term.items[1].items.empty()) {
    return error_at(path_, term,
                    "malformed '" + name + "': expected (" + name + " ((NAME " +
                        (name == "let" ? "TERM" : "SORT") + ") ...) BODY)");
  }
  Scope inner = scope;
  std::set<std::string> seen;
  for (const SExpr& binding : term.items[1].items) {
    if (!binding.is_list() || binding.items.size() != 2 || !binding.items[0].is_symbol()) {
      return error_at(path_, binding, "malformed binding in '" + name + "'");
    }
    const std::string& var = binding.items[0].atom;
    if (!seen.insert(var).second) {
      return error_at(path_, binding, "'" + var + "' is bound twice");
    }
    // let binds in parallel: every bound term is checked in the outer scope.
    auto sort =
        name == "let" ? sort_of(binding.items[1], scope) : parse_sort(binding.items[1], path_);
    if (!sort.ok()) return sort;
    inner[var] = *sort;
  }
  if (name == "let") return sort_of(term.items[2], inner);
  return expect(term.items[2], inner, Sort::Bool);
}

}  // namespace verigen::sygus
