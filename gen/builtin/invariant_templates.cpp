#include "gen/builtin/invariant_templates.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <string_view>

#include "core/text_lines.h"
#include "gen/builtin/derived_invariants.h"
#include "gen/builtin/initial_type.h"

namespace verigen {
namespace {

bool is_ident_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '\'';
}

bool contains(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

/// The comparison operator starting at `at` ("<=", ">=", "!=", "<" or ">"), or "" for none.
std::string_view comparison_at(const std::string& text, std::size_t at) {
  static constexpr std::string_view kOperators[] = {"<=", ">=", "!=", "<", ">"};
  for (auto op : kOperators)
    if (text.compare(at, op.size(), op) == 0) return op;
  return {};
}

bool is_identifier(const std::string& s) {
  if (s.empty() || std::isdigit(static_cast<unsigned char>(s[0]))) return false;
  return std::all_of(s.begin(), s.end(), is_ident_char);
}

/// Conjuncts of a guard joined by `&&` at the top level (no parentheses tracking needed for
/// the shapes we use; anything odd just yields fewer templates).
std::vector<std::string> conjuncts(const std::string& guard) {
  std::vector<std::string> parts;
  int depth = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i + 1 < guard.size(); ++i) {
    if (guard[i] == '(' || guard[i] == '[') ++depth;
    if (guard[i] == ')' || guard[i] == ']') --depth;
    if (depth == 0 && guard[i] == '&' && guard[i + 1] == '&') {
      parts.push_back(trim_space(guard.substr(start, i - start)));
      start = i + 2;
    }
  }
  parts.push_back(trim_space(guard.substr(start)));
  return parts;
}

}  // namespace

// A linear scan, not std::regex: libstdc++'s regex executor recurses once per character, so a
// long guard (a loop guard nested 50,000 parentheses deep) overflowed the stack.
bool split_comparison(const std::string& guard, std::string& left, std::string& op,
                      std::string& right) {
  const std::string text = trim_space(guard);
  // The left side is never empty: the first operator after the first character splits.
  for (std::size_t at = 1; at < text.size(); ++at) {
    auto found = comparison_at(text, at);
    if (found.empty()) continue;
    left = trim_space(text.substr(0, at));
    op = std::string(found);
    right = trim_space(text.substr(at + found.size()));
    // A second comparison means a compound guard (`i < n && a[i] != x`): not this template. A
    // length `|s|` is a bound, not a disjunction.
    auto lengths_removed = [](std::string side) {
      for (auto open = side.find('|'); open != std::string::npos; open = side.find('|')) {
        auto close = side.find('|', open + 1);
        if (close == std::string::npos || close == open + 1) return side;  // `||` or unpaired
        side.erase(open, close - open + 1);
      }
      return side;
    };
    return !left.empty() && !right.empty() &&
           lengths_removed(right).find_first_of("<>=!&|") == std::string::npos &&
           lengths_removed(left).find_first_of("<>=!&|") == std::string::npos;
  }
  return false;
}

std::string substitute(const std::string& text, const std::string& from, const std::string& to) {
  if (from.empty()) return text;
  std::string out;
  std::size_t pos = 0;
  const bool word = is_identifier(from);
  while (true) {
    auto at = text.find(from, pos);
    if (at == std::string::npos) break;
    bool left_ok = !word || at == 0 || !is_ident_char(text[at - 1]);
    bool right_ok =
        !word || at + from.size() >= text.size() || !is_ident_char(text[at + from.size()]);
    // `a.Length` must not match `a.Length0`; a trailing identifier character extends it.
    if (!word && at + from.size() < text.size() && is_ident_char(from.back()) &&
        is_ident_char(text[at + from.size()]))
      right_ok = false;
    out.append(text, pos, at - pos);
    out += (left_ok && right_ok) ? to : from;
    pos = at + from.size();
  }
  out.append(text, pos, std::string::npos);
  return out;
}

std::vector<InvariantTemplate> enumerate_templates(const LoopSite& loop) {
  std::vector<InvariantTemplate> out;
  std::set<std::string> seen;
  auto add = [&](std::string inv, const char* family) {
    inv = trim_space(inv);
    if (!inv.empty() && seen.insert(inv).second) out.push_back({inv, family});
  };

  std::vector<const ScopedVariable*> ints;
  for (const auto& v : loop.variables)
    if (is_integer_type(v.type)) ints.push_back(&v);

  // Bounds from each comparison in the guard: the counter stays on the guard's side and may
  // reach the bound (`i < n` → `i <= n`), and starts from its initial value.
  std::vector<CounterBound> counters;
  for (const auto& part : conjuncts(loop.guard)) {
    std::string left, op, right;
    if (!split_comparison(part, left, op, right)) continue;
    std::string counter = left, bound = right;
    if ((op == ">" || op == ">=") && contains(loop.modified, right) &&
        !contains(loop.modified, left)) {
      counter = right;
      bound = left;
      op = op == ">" ? "<" : "<=";
    }
    if (!is_identifier(counter)) continue;
    const ScopedVariable* var = nullptr;
    for (const auto& v : loop.variables)
      if (v.name == counter) var = &v;
    // Only integer counters: a guard over chars or reals gets no integer templates.
    if (var && !var->type.empty() && !is_integer_type(var->type)) continue;
    const std::string start = var && !var->initial.empty() ? var->initial : "0";
    if (op == "<" || op == "!=") {
      add(counter + " <= " + bound, "bound");
      add(start + " <= " + counter + " <= " + bound, "bound");
    } else if (op == "<=") {
      add(counter + " <= " + bound + " + 1", "bound");
      add(start + " <= " + counter + " <= " + bound + " + 1", "bound");
    } else if (op == ">") {
      add(counter + " >= " + bound, "bound");
      add(bound + " <= " + counter + " <= " + start, "bound");
    } else if (op == ">=") {
      add(counter + " >= " + bound + " - 1", "bound");
      add(bound + " - 1 <= " + counter + " <= " + start, "bound");
    }
    if (op == ">" || op == ">=")
      add(counter + " <= " + start, "bound");
    else
      add(start + " <= " + counter, "bound");
    counters.push_back({counter, bound, op, start});
  }
  derived_invariants(loop, counters, add);

  // Lengths in scope, for index bounds (`high < a.Length`, `j <= |s|`).
  std::vector<std::string> lengths;
  for (const auto& v : loop.variables) {
    if (v.type.rfind("array<", 0) == 0) lengths.push_back(v.name + ".Length");
    if (v.type.rfind("seq<", 0) == 0 || v.type == "string") lengths.push_back("|" + v.name + "|");
  }
  // Sign and order facts between modified integers and the other integers in scope.
  for (const auto* v : ints) {
    if (!contains(loop.modified, v->name)) continue;
    if (v->type != "nat") add("0 <= " + v->name, "order");
    if (v->type != "nat") add("-1 <= " + v->name, "order");
    for (const auto& length : lengths) {
      add(v->name + " <= " + length, "order");
      add(v->name + " < " + length, "order");
    }
    if (!v->initial.empty()) add(v->initial + " <= " + v->name, "order");
    for (const auto* w : ints) {
      if (w == v) continue;
      add(v->name + " <= " + w->name, "order");
      add(w->name + " <= " + v->name, "order");
    }
  }

  // Frame facts: contracts over variables the loop does not modify still hold.
  auto mentions_modified = [&](const std::string& text) {
    for (const auto& m : loop.modified)
      if (substitute(text, m, "\x01") != text) return true;
    return false;
  };
  for (const auto& pre : loop.preconditions)
    if (!mentions_modified(pre)) add(pre, "unchanged");
  for (const auto& post : loop.postconditions)
    if (!mentions_modified(post)) add(post, "unchanged");
  // Plain arithmetic facts first: Dafny checks each invariant well-formed assuming only the
  // ones before it, so `forall x :: 0 <= x < i ==> a[x] < 0` needs `i <= a.Length` above it,
  // or its index is "out of range" and Houdini drops a true invariant.
  std::stable_partition(out.begin(), out.end(), [](const InvariantTemplate& t) {
    return t.text.find_first_of("[(") == std::string::npos &&
           t.text.find("forall") == std::string::npos && t.text.find("exists") == std::string::npos;
  });
  return out;
}

std::vector<std::string> enumerate_invariants(const LoopSite& loop) {
  std::vector<std::string> texts;
  for (auto& t : enumerate_templates(loop)) texts.push_back(std::move(t.text));
  return texts;
}

}  // namespace verigen
