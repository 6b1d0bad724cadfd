#include "specs/sygus/to_dafny.h"

#include <filesystem>
#include <map>
#include <set>

namespace verigen::sygus {
namespace {

namespace fs = std::filesystem;

using Env = std::map<std::string, std::string, std::less<>>;

std::string dafny_type(Sort sort) { return sort == Sort::Bool ? "bool" : "int"; }

// Letters, digits and '_' survive; anything else (SMT-LIB allows ! . $ @ ...) becomes '_'.
std::string clean(std::string_view name) {
  std::string out;
  for (char c : name) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    out += keep ? c : '_';
  }
  return out;
}

// Hands out Dafny names that never collide: with each other, with the program's own names
// (`step`, `steps`, `Loop`) or with Dafny keywords (every name carries a prefix and an underscore).
class Names {
 public:
  std::string fresh(std::string_view prefix, std::string_view name) {
    std::string base = std::string(prefix) + "_" + clean(name);
    std::string out = base;
    for (int n = 2; !used_.insert(out).second; ++n) out = base + "_" + std::to_string(n);
    return out;
  }

 private:
  std::set<std::string> used_;
};

class Translator {
 public:
  Translator(const Problem& problem, Names& names) : problem_(problem), names_(names) {}

  // The Dafny name of each helper function, given out before any body is translated.
  void name_helpers() {
    for (const auto& f : problem_.functions) {
      if (f.name == problem_.pre || f.name == problem_.trans || f.name == problem_.post) continue;
      helpers_[f.name] = names_.fresh("f", f.name);
    }
  }

  Result<std::string> helper_definitions() {
    std::string out;
    for (const auto& f : problem_.functions) {
      auto name = helpers_.find(f.name);
      if (name == helpers_.end()) continue;
      Env env;
      std::string params;
      for (const auto& p : f.params) {
        if (is_array(p.sort)) return refuse(f.body.place, "arrays are not translated");
        env[p.name] = names_.fresh("p", p.name);
        params += (params.empty() ? "" : ", ") + env[p.name] + ": " + dafny_type(p.sort);
      }
      auto body = term(f.body, env);
      if (!body.ok()) return body;
      out += "function " + name->second + "(" + params + "): " + dafny_type(f.result) + "\n{\n  " +
             *body + "\n}\n\n";
    }
    return out;
  }

  // `function`'s body with its parameters bound, positionally, to `args`.
  Result<std::string> inline_call(const std::string& function, const std::vector<std::string>& args,
                                  bool compiled) {
    const FunctionDef* f = problem_.function(function);
    if (!f) return fail(problem_.path + ": error: '" + function + "' is not defined");
    if (f->params.size() != args.size())
      return refuse(f->body.place, "'" + function + "' takes " + std::to_string(f->params.size()) +
                                       " arguments; the invariant has " +
                                       std::to_string(args.size()) + " variables");
    Env env;
    for (std::size_t i = 0; i < args.size(); ++i) env[f->params[i].name] = args[i];
    compiled_ = compiled;
    return term(f->body, env);
  }

  Result<std::string> term(const SExpr& t, const Env& env) {
    if (t.is_numeral()) return t.atom;
    if (t.is_symbol()) {
      if (t.atom == "true" || t.atom == "false") return t.atom;
      if (auto it = env.find(t.atom); it != env.end()) return it->second;
      if (auto it = helpers_.find(t.atom); it != helpers_.end()) return it->second + "()";
      return refuse(t.place, "unknown symbol '" + t.atom + "'");
    }
    if (t.items.empty() || !t.items[0].is_symbol()) return refuse(t.place, "unexpected term");
    const std::string& op = t.items[0].atom;
    std::vector<std::string> args;
    if (op != "let" && op != "forall" && op != "exists") {
      for (std::size_t i = 1; i < t.items.size(); ++i) {
        auto a = term(t.items[i], env);
        if (!a.ok()) return a;
        args.push_back(*a);
      }
    }
    if (op == "and" || op == "or") return join(args, op == "and" ? " && " : " || ");
    if (op == "+" || op == "*") return join(args, " " + op + " ");
    if (op == "-") return args.size() == 1 ? "(-" + args[0] + ")" : join(args, " - ");
    if (op == "not" && args.size() == 1) return "(!" + args[0] + ")";
    if (op == "=>") {  // right-associative: (=> a b c) is a ==> (b ==> c)
      std::string out = args.back();
      for (std::size_t i = args.size() - 1; i-- > 0;) out = "(" + args[i] + " ==> " + out + ")";
      return out;
    }
    if (op == "xor") {  // left-associative
      std::string out = args[0];
      for (std::size_t i = 1; i < args.size(); ++i) out = "(" + out + " != " + args[i] + ")";
      return out;
    }
    if (op == "<" || op == "<=" || op == ">" || op == ">=" || op == "=") {  // chainable
      std::vector<std::string> links;
      for (std::size_t i = 0; i + 1 < args.size(); ++i)
        links.push_back("(" + args[i] + " " + (op == "=" ? "==" : op) + " " + args[i + 1] + ")");
      return join(links, " && ");
    }
    if (op == "distinct") {  // pairwise
      std::vector<std::string> links;
      for (std::size_t i = 0; i < args.size(); ++i)
        for (std::size_t j = i + 1; j < args.size(); ++j)
          links.push_back("(" + args[i] + " != " + args[j] + ")");
      return join(links, " && ");
    }
    if (op == "ite" && args.size() == 3)
      return "(if " + args[0] + " then " + args[1] + " else " + args[2] + ")";
    if (op == "abs" && args.size() == 1)
      return "(if " + args[0] + " < 0 then -" + args[0] + " else " + args[0] + ")";
    if ((op == "div" || op == "mod") && args.size() == 2) {
      // SMT-LIB's div/mod are Euclidean, as Dafny's int / and % are; but SMT-LIB makes x/0 some
      // value where Dafny makes it an error to prove absent. A non-zero literal divisor keeps
      // both the same.
      const SExpr& d = t.items[2];
      bool literal = d.is_numeral() && d.atom.find_first_not_of('0') != std::string::npos;
      if (!literal) return refuse(t.place, "division by a term that is not a non-zero literal");
      return "(" + args[0] + (op == "div" ? " / " : " % ") + args[1] + ")";
    }
    if (op == "let") return let(t, env);
    if (op == "forall" || op == "exists") return quantifier(t, env);
    if (op == "select" || op == "store") return refuse(t.place, "arrays are not translated");
    if (auto it = helpers_.find(op); it != helpers_.end())
      return it->second + "(" + comma_list(args) + ")";
    return refuse(t.place, "'" + op + "' is not translated");
  }

 private:
  Failure refuse(Place at, const std::string& message) const {
    return fail(problem_.path + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) +
                ": error: " + message);
  }

  static std::string comma_list(const std::vector<std::string>& parts) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? ", " : "") + parts[i];
    return out;
  }

  // The parts joined by the operator `by`, in parentheses unless there is only one.
  static std::string join(const std::vector<std::string>& parts, const std::string& by) {
    if (parts.size() == 1) return parts[0];
    std::string out = "(";
    for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? by : "") + parts[i];
    return out + ")";
  }

  // (let ((x e) ...) body): SMT-LIB binds in parallel, as Dafny's `var x, y := e1, e2; body`.
  Result<std::string> let(const SExpr& t, const Env& env) {
    if (t.items.size() != 3 || !t.items[1].is_list()) return refuse(t.place, "malformed let");
    Env inner = env;
    std::string names, values;
    for (const auto& b : t.items[1].items) {
      if (!b.is_list() || b.items.size() != 2 || !b.items[0].is_symbol())
        return refuse(b.place, "malformed let binding");
      auto value = term(b.items[1], env);
      if (!value.ok()) return value;
      std::string name = names_.fresh("b", b.items[0].atom);
      inner[b.items[0].atom] = name;
      names += (names.empty() ? "" : ", ") + name;
      values += (values.empty() ? "" : ", ") + *value;
    }
    auto body = term(t.items[2], inner);
    if (!body.ok()) return body;
    return "(var " + names + " := " + values + "; " + *body + ")";
  }

  Result<std::string> quantifier(const SExpr& t, const Env& env) {
    // A quantifier in trans would sit in the loop's compiled `if`, which Dafny cannot compile.
    if (compiled_) return refuse(t.place, "a quantifier in trans is not translated");
    if (t.items.size() != 3 || !t.items[1].is_list())
      return refuse(t.place, "malformed quantifier");
    Env inner = env;
    std::string bound;
    for (const auto& b : t.items[1].items) {
      if (!b.is_list() || b.items.size() != 2 || !b.items[0].is_symbol())
        return refuse(b.place, "malformed quantified variable");
      if (!b.items[1].is_symbol("Int") && !b.items[1].is_symbol("Bool"))
        return refuse(b.place, "only Int and Bool are quantified");
      std::string name = names_.fresh("b", b.items[0].atom);
      inner[b.items[0].atom] = name;
      bound += (bound.empty() ? "" : ", ") + name + ": " +
               (b.items[1].is_symbol("Int") ? "int" : "bool");
    }
    auto body = term(t.items[2], inner);
    if (!body.ok()) return body;
    return "(" + t.items[0].atom + " " + bound + " :: " + *body + ")";
  }

  const Problem& problem_;
  Names& names_;
  std::map<std::string, std::string, std::less<>> helpers_;
  bool compiled_ = false;
};

// The loop variables' Dafny names, given out in one place so that to_dafny and
// invariant_to_dafny agree.
struct StateNames {
  std::vector<std::string> current, initial, next;
};

StateNames state_names(const Problem& problem, Names& names) {
  StateNames out;
  for (const auto& v : problem.variables) out.current.push_back(names.fresh("v", v.name));
  for (const auto& v : problem.variables) out.initial.push_back(names.fresh("v", v.name + "_init"));
  for (const auto& v : problem.variables) out.next.push_back(names.fresh("v", v.name + "_next"));
  return out;
}

Result<void> refuse_arrays(const Problem& problem) {
  for (const auto& v : problem.variables)
    if (is_array(v.sort))
      return fail(problem.path + ": error: arrays are not translated ('" + v.name + "' is " +
                  std::string(to_string(v.sort)) + ")");
  return {};
}

}  // namespace

Result<std::string> to_dafny(const Problem& problem) {
  if (auto ok = refuse_arrays(problem); !ok.ok()) return fail(ok.error());
  Names names;
  StateNames state = state_names(problem, names);
  Translator translate(problem, names);
  translate.name_helpers();
  auto helpers = translate.helper_definitions();
  if (!helpers.ok()) return helpers;
  std::vector<std::string> both = state.current;
  both.insert(both.end(), state.next.begin(), state.next.end());
  auto pre = translate.inline_call(problem.pre, state.initial, false);
  if (!pre.ok()) return pre;
  auto trans = translate.inline_call(problem.trans, both, true);
  if (!trans.ok()) return trans;
  auto post = translate.inline_call(problem.post, state.current, false);
  if (!post.ok()) return post;

  const auto& vars = problem.variables;
  std::string params, current, initial;
  for (std::size_t i = 0; i < vars.size(); ++i) {
    params += state.initial[i] + ": " + dafny_type(vars[i].sort) + ", ";
    current += (i ? ", " : "") + state.current[i];
    initial += (i ? ", " : "") + state.initial[i];
  }
  std::string next;
  for (std::size_t i = 0; i < vars.size(); ++i) next += (i ? ", " : "") + state.next[i];
  std::string out = "// The SyGuS-INV problem " + fs::path(problem.path).filename().string() +
                    " as a Dafny loop (specs/sygus/to_dafny.h):\n"
                    "// from a state meeting pre, `steps` trans steps (a step trans does not "
                    "allow leaves the\n// state as it is); post must hold after any number of "
                    "them.\n\n";
  out += *helpers;
  out += "method Loop(" + params + "steps: nat)\n  requires " + *pre + "\n{\n";
  out += "  var " + current + " := " + initial + ";\n";
  out += "  var step := 0;\n";
  out += "  while step < steps\n  {\n";
  for (std::size_t i = 0; i < vars.size(); ++i)
    out += "    var " + state.next[i] + ": " + dafny_type(vars[i].sort) + " := *;\n";
  out += "    if " + *trans + " {\n      " + current + " := " + next + ";\n    }\n";
  out += "    step := step + 1;\n  }\n";
  out += "  assert " + *post + ";\n}\n";
  return out;
}

Result<std::string> invariant_to_dafny(const Problem& problem, const SExpr& body) {
  if (auto ok = refuse_arrays(problem); !ok.ok()) return fail(ok.error());
  Names names;
  StateNames state = state_names(problem, names);
  Translator translate(problem, names);
  translate.name_helpers();
  std::map<std::string, std::string, std::less<>> env;
  for (std::size_t i = 0; i < problem.variables.size(); ++i)
    env[problem.variables[i].name] = state.current[i];
  return translate.term(body, env);
}

}  // namespace verigen::sygus
