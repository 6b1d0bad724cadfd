#include "gen/invariants/concrete_eval.h"

#include <cstdlib>
#include <limits>
#include <vector>

#include "gen/invariants/terms.h"

namespace verigen::inv {
namespace {

using sygus::SExpr;

std::optional<long long> as_int(const std::optional<Value>& v) {
  if (!v || !std::holds_alternative<long long>(*v)) return std::nullopt;
  return std::get<long long>(*v);
}

std::optional<bool> as_bool(const std::optional<Value>& v) {
  if (!v || !std::holds_alternative<bool>(*v)) return std::nullopt;
  return std::get<bool>(*v);
}

/// Euclidean division as SMT-LIB defines it: the remainder is never negative.
std::optional<std::pair<long long, long long>> euclid(long long a, long long b) {
  if (b == 0) return std::nullopt;
  // The one quotient that does not fit: x86 traps (SIGFPE) on it, for `%` as well as `/`.
  if (a == std::numeric_limits<long long>::min() && b == -1) return std::nullopt;
  long long q = a / b, r = a % b;
  if (r < 0) {
    r += b > 0 ? b : -b;
    q += b > 0 ? -1 : 1;
  }
  return std::make_pair(q, r);
}

std::optional<Value> arith(std::string_view op, const std::vector<long long>& xs) {
  long long acc = xs.front();
  if (op == "-" && xs.size() == 1) {
    if (__builtin_sub_overflow(0LL, acc, &acc)) return std::nullopt;
    return acc;
  }
  for (std::size_t i = 1; i < xs.size(); ++i) {
    bool overflow = false;
    if (op == "+")
      overflow = __builtin_add_overflow(acc, xs[i], &acc);
    else if (op == "-")
      overflow = __builtin_sub_overflow(acc, xs[i], &acc);
    else if (op == "*")
      overflow = __builtin_mul_overflow(acc, xs[i], &acc);
    else {
      auto qr = euclid(acc, xs[i]);
      if (!qr) return std::nullopt;
      acc = op == "div" ? qr->first : qr->second;
    }
    if (overflow) return std::nullopt;
  }
  return acc;
}

std::optional<Value> compare(std::string_view op, const std::vector<long long>& xs) {
  for (std::size_t i = 1; i < xs.size(); ++i) {
    long long a = xs[i - 1], b = xs[i];
    bool ok = op == "<" ? a < b : op == "<=" ? a <= b : op == ">" ? a > b : a >= b;
    if (!ok) return false;
  }
  return true;
}

}  // namespace

Valuation read_state(const z3inv::State& state) {
  Valuation out;
  for (const auto& [name, text] : state) {
    if (text == "true" || text == "false") {
      out.emplace(name, text == "true");
      continue;
    }
    auto parsed = sygus::parse_sexprs(text, "<state>");
    if (!parsed.ok() || parsed->size() != 1) continue;
    if (auto v = numeral_value(parsed->front())) out.emplace(name, *v);
  }
  return out;
}

std::optional<Value> evaluate(const SExpr& term, const Valuation& valuation) {
  if (term.is_numeral()) {
    auto v = numeral_value(term);
    if (!v) return std::nullopt;
    return *v;
  }
  if (term.is_symbol()) {
    if (term.atom == "true") return true;
    if (term.atom == "false") return false;
    auto it = valuation.find(term.atom);
    if (it == valuation.end()) return std::nullopt;
    return it->second;
  }
  if (term.items.size() < 2 || !term.items[0].is_symbol()) return std::nullopt;
  const std::string& op = term.items[0].atom;
  const std::size_t argc = term.items.size() - 1;
  const auto& arg = [&](std::size_t i) -> const SExpr& { return term.items[i + 1]; };

  if (op == "not" && argc == 1) {
    auto b = evaluate_bool(arg(0), valuation);
    if (!b) return std::nullopt;
    return !*b;
  }
  if (op == "and" || op == "or") {
    // Short-circuit only on a decided value: an undecidable conjunct leaves the result unknown
    // unless another one settles it.
    bool unknown = false;
    for (std::size_t i = 0; i < argc; ++i) {
      auto b = evaluate_bool(arg(i), valuation);
      if (!b)
        unknown = true;
      else if (*b == (op == "or"))
        return *b;
    }
    if (unknown) return std::nullopt;
    return op == "and";
  }
  if (op == "=>" && argc == 2) {
    auto a = evaluate_bool(arg(0), valuation);
    auto b = evaluate_bool(arg(1), valuation);
    if (a && !*a) return true;
    if (b && *b) return true;
    if (a && b) return false;
    return std::nullopt;
  }
  if (op == "ite" && argc == 3) {
    auto c = evaluate_bool(arg(0), valuation);
    if (!c) return std::nullopt;
    return evaluate(arg(*c ? 1 : 2), valuation);
  }
  if ((op == "=" || op == "distinct") && argc >= 2) {
    std::vector<Value> values;
    for (std::size_t i = 0; i < argc; ++i) {
      auto v = evaluate(arg(i), valuation);
      if (!v) return std::nullopt;
      values.push_back(*v);
    }
    if (op == "=") {
      for (std::size_t i = 1; i < values.size(); ++i)
        if (values[i] != values[0]) return false;
      return true;
    }
    for (std::size_t i = 0; i < values.size(); ++i)
      for (std::size_t j = i + 1; j < values.size(); ++j)
        if (values[i] == values[j]) return false;
    return true;
  }
  std::vector<long long> xs;
  for (std::size_t i = 0; i < argc; ++i) {
    auto v = as_int(evaluate(arg(i), valuation));
    if (!v) return std::nullopt;
    xs.push_back(*v);
  }
  if (op == "abs" && argc == 1) {
    if (xs[0] == std::numeric_limits<long long>::min()) return std::nullopt;
    return std::llabs(xs[0]);
  }
  if (op == "+" || op == "-" || op == "*") return arith(op, xs);
  if ((op == "div" || op == "mod") && argc == 2) return arith(op, xs);
  if ((op == "<" || op == "<=" || op == ">" || op == ">=") && argc >= 2) return compare(op, xs);
  return std::nullopt;
}

std::optional<bool> evaluate_bool(const SExpr& term, const Valuation& valuation) {
  return as_bool(evaluate(term, valuation));
}

}  // namespace verigen::inv
