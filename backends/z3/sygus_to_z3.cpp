#include "backends/z3/sygus_to_z3.h"

#include <algorithm>
#include <unordered_set>

#include "specs/sygus/type_check.h"

namespace verigen::z3inv {

using sygus::SExpr;

namespace {

std::string where(const SExpr& term) {
  return std::to_string(term.place.line) + ":" + std::to_string(term.place.column) + ": ";
}

// SMT-LIB's chained relations: (< a b c) is (and (< a b) (< b c)).
template <typename Rel>
z3::expr chain(const std::vector<z3::expr>& args, Rel rel) {
  z3::expr out = rel(args[0], args[1]);
  for (std::size_t i = 2; i < args.size(); ++i) out = out && rel(args[i - 1], args[i]);
  return out;
}

}  // namespace

z3::sort SygusToZ3::sort(sygus::Sort sort) const {
  switch (sort) {
    case sygus::Sort::Int:
      return ctx_.int_sort();
    case sygus::Sort::Bool:
      return ctx_.bool_sort();
    case sygus::Sort::IntArray:
      return ctx_.array_sort(ctx_.int_sort(), ctx_.int_sort());
    case sygus::Sort::BoolArray:
      return ctx_.array_sort(ctx_.int_sort(), ctx_.bool_sort());
  }
  throw TranslateError("unknown sort");
}

z3::expr_vector SygusToZ3::state(const std::string& suffix) const {
  z3::expr_vector out(ctx_);
  for (const auto& v : problem_.variables) {
    out.push_back(ctx_.constant((v.name + suffix).c_str(), sort(v.sort)));
  }
  return out;
}

Env SygusToZ3::bind(const z3::expr_vector& state) const {
  Env env;
  for (std::size_t i = 0; i < problem_.variables.size(); ++i) {
    env.insert_or_assign(problem_.variables[i].name, state[static_cast<int>(i)]);
  }
  return env;
}

z3::expr SygusToZ3::trans(const z3::expr_vector& s, const z3::expr_vector& s2) {
  z3::expr_vector both(ctx_);
  for (unsigned i = 0; i < s.size(); ++i) both.push_back(s[i]);
  for (unsigned i = 0; i < s2.size(); ++i) both.push_back(s2[i]);
  return apply(problem_.trans, both);
}

z3::expr SygusToZ3::apply(const std::string& name, const z3::expr_vector& args) {
  const sygus::FunctionDef* f = problem_.function(name);
  if (!f) throw TranslateError("unknown function '" + name + "'");
  if (f->params.size() != args.size()) {
    throw TranslateError("'" + name + "' expects " + std::to_string(f->params.size()) +
                         " arguments, got " + std::to_string(args.size()));
  }
  std::pair<std::string, std::vector<unsigned>> key{name, {}};
  for (unsigned i = 0; i < args.size(); ++i) key.second.push_back(args[static_cast<int>(i)].id());
  if (auto it = expansions_.find(key); it != expansions_.end()) return it->second.result;
  Env env;
  for (std::size_t i = 0; i < f->params.size(); ++i) {
    env.insert_or_assign(f->params[i].name, args[static_cast<int>(i)]);
  }
  z3::expr result = translate(f->body, env);
  expansions_.emplace(std::move(key), Expansion{args, result});
  return result;
}

z3::expr SygusToZ3::translate(const SExpr& term, const Env& env) {
  switch (term.kind) {
    case SExpr::Kind::Numeral:
      // int_val from the digits keeps numerals beyond 64 bits exact.
      return ctx_.int_val(term.atom.c_str());
    case SExpr::Kind::Symbol: {
      if (auto it = env.find(term.atom); it != env.end()) return it->second;
      if (term.atom == "true") return ctx_.bool_val(true);
      if (term.atom == "false") return ctx_.bool_val(false);
      if (problem_.function(term.atom)) return apply(term.atom, z3::expr_vector(ctx_));
      throw TranslateError(where(term) + "unknown symbol '" + term.atom + "'");
    }
    case SExpr::Kind::List:
      return list(term, env);
  }
  throw TranslateError(where(term) + "unreachable");
}

z3::expr SygusToZ3::list(const SExpr& term, const Env& env) {
  if (term.items.empty()) throw TranslateError(where(term) + "empty application");
  const SExpr& op = term.items[0];
  if (op.is_list() && op.items.size() == 3 && op.items[0].is_symbol("as") &&
      op.items[1].is_symbol("const") && term.items.size() == 2) {
    return z3::const_array(ctx_.int_sort(), translate(term.items[1], env));
  }
  if (!op.is_symbol()) throw TranslateError(where(op) + "expected a function symbol");
  const std::string& name = op.atom;
  if (name == "let" || name == "forall" || name == "exists") return binder(term, env);

  std::vector<z3::expr> args;
  args.reserve(term.items.size() - 1);
  for (std::size_t i = 1; i < term.items.size(); ++i) args.push_back(translate(term.items[i], env));
  auto need = [&](std::size_t lo) {
    if (args.size() < lo) {
      throw TranslateError(where(term) + "'" + name + "' needs at least " + std::to_string(lo) +
                           " arguments");
    }
  };
  auto to_vector = [&] {
    z3::expr_vector v(ctx_);
    for (const auto& a : args) v.push_back(a);
    return v;
  };

  if (name == "and" || name == "or") {
    need(1);
    // Repeated arguments are dropped: Z3 flattens nested and/or before it shares subterms, so
    // (and (f x) (f x)) over a chain of such functions would grow exponentially inside Z3.
    z3::expr_vector unique(ctx_);
    std::unordered_set<unsigned> seen;
    for (const auto& a : args) {
      if (seen.insert(a.id()).second) unique.push_back(a);
    }
    if (unique.size() == 1) return unique[0];
    return name == "and" ? z3::mk_and(unique) : z3::mk_or(unique);
  }
  if (name == "not") {
    need(1);
    return !args[0];
  }
  if (name == "=>") {
    need(2);
    // Right-associative: (=> a b c) is (=> a (=> b c)).
    z3::expr out = args.back();
    for (std::size_t i = args.size() - 1; i-- > 0;) out = z3::implies(args[i], out);
    return out;
  }
  if (name == "xor") {
    need(2);
    z3::expr out = args[0];
    for (std::size_t i = 1; i < args.size(); ++i) out = out != args[i];
    return out;
  }
  if (name == "ite") {
    need(3);
    return z3::ite(args[0], args[1], args[2]);
  }
  if (name == "=") {
    need(2);
    return chain(args, [](const z3::expr& a, const z3::expr& b) { return a == b; });
  }
  if (name == "distinct") {
    need(2);
    return z3::distinct(to_vector());
  }
  if (name == "<") {
    need(2);
    return chain(args, [](const z3::expr& a, const z3::expr& b) { return a < b; });
  }
  if (name == "<=") {
    need(2);
    return chain(args, [](const z3::expr& a, const z3::expr& b) { return a <= b; });
  }
  if (name == ">") {
    need(2);
    return chain(args, [](const z3::expr& a, const z3::expr& b) { return a > b; });
  }
  if (name == ">=") {
    need(2);
    return chain(args, [](const z3::expr& a, const z3::expr& b) { return a >= b; });
  }
  if (name == "+") {
    need(1);
    return args.size() == 1 ? args[0] : z3::sum(to_vector());
  }
  if (name == "*") {
    need(1);
    z3::expr out = args[0];
    for (std::size_t i = 1; i < args.size(); ++i) out = out * args[i];
    return out;
  }
  if (name == "-") {
    need(1);
    if (args.size() == 1) return -args[0];
    z3::expr out = args[0];
    for (std::size_t i = 1; i < args.size(); ++i) out = out - args[i];
    return out;
  }
  // SMT-LIB div/mod are Euclidean, as Z3's integer div/mod are.
  if (name == "div") {
    need(2);
    return args[0] / args[1];
  }
  if (name == "mod") {
    need(2);
    return z3::mod(args[0], args[1]);
  }
  if (name == "abs") {
    need(1);
    return z3::ite(args[0] >= 0, args[0], -args[0]);
  }
  if (name == "select") {
    need(2);
    return z3::select(args[0], args[1]);
  }
  if (name == "store") {
    need(3);
    return z3::store(args[0], args[1], args[2]);
  }
  if (problem_.function(name)) return apply(name, to_vector());
  throw TranslateError(where(op) + "unknown function '" + name + "'");
}

z3::expr SygusToZ3::binder(const SExpr& term, const Env& env) {
  const std::string& name = term.items[0].atom;
  if (term.items.size() != 3 || !term.items[1].is_list()) {
    throw TranslateError(where(term) + "malformed '" + name + "'");
  }
  Env inner = env;
  z3::expr_vector bound(ctx_);
  for (const SExpr& b : term.items[1].items) {
    if (!b.is_list() || b.items.size() != 2 || !b.items[0].is_symbol()) {
      throw TranslateError(where(b) + "malformed binding");
    }
    if (name == "let") {
      // Parallel let: bound terms see the outer env only.
      inner.insert_or_assign(b.items[0].atom, translate(b.items[1], env));
      continue;
    }
    // The type checker accepted the problem, so the sort reads; Int is only a fallback.
    auto parsed = sygus::parse_sort(b.items[1], "");
    sygus::Sort s = parsed.ok() ? *parsed : sygus::Sort::Int;
    // A fresh constant per binder: z3::forall abstracts every occurrence of the constant, so a
    // bound `j` must never be the same Z3 constant as a state variable `j`.
    std::string fresh = b.items[0].atom + "!q" + std::to_string(fresh_++);
    z3::expr c = ctx_.constant(fresh.c_str(), sort(s));
    bound.push_back(c);
    inner.insert_or_assign(b.items[0].atom, c);
  }
  z3::expr body = translate(term.items[2], inner);
  if (name == "let") return body;
  return name == "forall" ? z3::forall(bound, body) : z3::exists(bound, body);
}

std::string value_text(const z3::model& model, const z3::expr& value) {
  z3::context& ctx = value.ctx();
  if (Z3_is_as_array(ctx, value)) {
    // (_ as-array f): rebuild the array as stores over the function's default value.
    z3::func_decl f(ctx, Z3_get_as_array_func_decl(ctx, value));
    z3::func_interp interp = model.get_func_interp(f);
    z3::expr arr = z3::const_array(ctx.int_sort(), interp.else_value());
    for (unsigned i = 0; i < interp.num_entries(); ++i) {
      z3::func_entry e = interp.entry(i);
      arr = z3::store(arr, e.arg(0), e.value());
    }
    return arr.to_string();
  }
  return value.to_string();
}

State state_from_model(const z3::model& model, const z3::expr_vector& state,
                       const sygus::Problem& problem) {
  State out;
  for (std::size_t i = 0; i < problem.variables.size(); ++i) {
    z3::expr v = model.eval(state[static_cast<int>(i)], true);
    out[problem.variables[i].name] = value_text(model, v);
  }
  return out;
}

Cause cause_of_unknown(const std::string& reason, Deadline deadline) {
  if (reason.find("timeout") != std::string::npos || reason.find("canceled") != std::string::npos ||
      reason.find("interrupted") != std::string::npos) {
    return Cause::Timeout;
  }
  if (reason.find("resource") != std::string::npos || reason.find("memory") != std::string::npos) {
    return Cause::ResourceLimit;
  }
  if (deadline.expired()) return Cause::Timeout;
  return Cause::None;
}

}  // namespace verigen::z3inv
