#include "gen/invariants/terms.h"

#include <limits>

namespace verigen::inv {

using sygus::SExpr;

SExpr sym(const std::string& name) { return SExpr::symbol(name); }

SExpr num(long long value) {
  if (value >= 0) return SExpr::numeral(std::to_string(value));
  // -LLONG_MIN overflows; such a constant never comes out of these problems' templates.
  if (value == std::numeric_limits<long long>::min()) return SExpr::numeral("0");
  return app("-", {SExpr::numeral(std::to_string(-value))});
}

SExpr app(const std::string& head, std::vector<SExpr> args) {
  std::vector<SExpr> items;
  items.reserve(args.size() + 1);
  items.push_back(sym(head));
  for (auto& a : args) items.push_back(std::move(a));
  return SExpr::list(std::move(items));
}

SExpr negate(const SExpr& e) {
  if (e.head() == "not" && e.items.size() == 2) return e.items[1];
  return app("not", {e});
}

SExpr conjunction(const std::vector<SExpr>& parts) {
  if (parts.empty()) return sym("true");
  if (parts.size() == 1) return parts.front();
  return app("and", parts);
}

std::vector<SExpr> conjuncts(const SExpr& e) {
  if (e.head() != "and") return {e};
  std::vector<SExpr> out;
  for (std::size_t i = 1; i < e.items.size(); ++i)
    for (auto& c : conjuncts(e.items[i])) out.push_back(std::move(c));
  return out;
}

std::optional<long long> numeral_value(const SExpr& e) {
  if (e.is_numeral()) {
    if (e.atom.empty() || e.atom.size() > 18) return std::nullopt;
    for (char c : e.atom)
      if (c < '0' || c > '9') return std::nullopt;
    return std::stoll(e.atom);
  }
  if (e.head() == "-" && e.items.size() == 2) {
    auto v = numeral_value(e.items[1]);
    if (v) return -*v;
  }
  return std::nullopt;
}

SExpr substitute(const SExpr& e, const std::map<std::string, SExpr>& map) {
  if (e.is_symbol()) {
    auto it = map.find(e.atom);
    return it == map.end() ? e : it->second;
  }
  if (!e.is_list() || map.empty()) return e;
  auto head = e.head();
  bool binder = head == "forall" || head == "exists" || head == "let";
  if (binder && e.items.size() == 3 && e.items[1].is_list()) {
    // let's bound values are evaluated outside its scope; quantifier sorts need no renaming.
    auto inner = map;
    SExpr bindings = e.items[1];
    for (auto& b : bindings.items) {
      if (!b.is_list() || b.items.size() != 2 || !b.items[0].is_symbol()) continue;
      if (head == "let") b.items[1] = substitute(b.items[1], map);
      inner.erase(b.items[0].atom);
    }
    SExpr out = e;
    out.items[1] = bindings;
    out.items[2] = substitute(e.items[2], inner);
    return out;
  }
  SExpr out = e;
  for (auto& item : out.items) item = substitute(item, map);
  return out;
}

void collect_symbols(const SExpr& e, std::set<std::string>& out) {
  if (e.is_symbol()) out.insert(e.atom);
  for (const auto& item : e.items) collect_symbols(item, out);
}

void collect_numerals(const SExpr& e, std::set<long long>& out) {
  if (auto v = numeral_value(e)) {
    out.insert(*v);
    return;
  }
  for (const auto& item : e.items) collect_numerals(item, out);
}

std::optional<SExpr> inlined_body(const sygus::Problem& problem, const std::string& function) {
  const auto* def = problem.function(function);
  if (!def) return std::nullopt;
  const auto& vars = problem.variables;
  std::map<std::string, SExpr> rename;
  for (std::size_t i = 0; i < def->params.size(); ++i) {
    if (i < vars.size()) {
      rename.emplace(def->params[i].name, sym(vars[i].name));
    } else if (i < 2 * vars.size()) {
      rename.emplace(def->params[i].name, sym(problem.primed(vars[i - vars.size()].name)));
    }
  }
  // Renaming that maps every name to itself would only copy the body.
  bool identity = true;
  for (const auto& [from, to] : rename) identity = identity && to.atom == from;
  return identity ? def->body : substitute(def->body, rename);
}

}  // namespace verigen::inv
