#include "gen/builtin/decreases_candidates.h"

#include <algorithm>

#include "gen/builtin/derived_invariants.h"
#include "gen/builtin/invariant_templates.h"

namespace verigen {
namespace {

bool is_empty_collection(const std::string& s) {
  return s == "{}" || s == "[]" || s == "\"\"" || s == "multiset{}" || s == "map[]";
}

/// `|x|` for `|x|` itself, else "".
bool is_length(const std::string& s) {
  return s.size() > 2 && s.front() == '|' && s.back() == '|' && s.find('|', 1) == s.size() - 1;
}

/// The parts of `e` joined by `||` outside brackets (the whole of `e` when there is none).
std::vector<std::string> top_level_disjuncts(const std::string& e) {
  std::vector<std::string> parts;
  int depth = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i + 1 < e.size(); ++i) {
    if (e[i] == '(' || e[i] == '[' || e[i] == '{') ++depth;
    if (e[i] == ')' || e[i] == ']' || e[i] == '}') --depth;
    if (depth == 0 && e[i] == '|' && e[i + 1] == '|') {
      parts.push_back(e.substr(start, i - start));
      start = i + 2;
      ++i;
    }
  }
  parts.push_back(e.substr(start));
  return parts;
}

}  // namespace

std::vector<std::string> decreases_candidates(const LoopSite& loop) {
  std::vector<std::string> out;
  auto add = [&](const std::string& e) {
    if (!e.empty() && std::find(out.begin(), out.end(), e) == out.end()) out.push_back(e);
  };
  auto minus = [](const std::string& a, const std::string& b) {
    if (b == "0") return a;
    // A compound right side is subtracted whole: `n - (i + 1)`, not `n - i + 1`.
    bool simple = b.find_first_of("+-*/% ") == std::string::npos;
    return a + " - " + (simple ? b : "(" + b + ")");
  };
  // Each comparison of the guard, within conjunctions and disjunctions alike: a disjunctive
  // guard (`j < n || i < j`) runs while any part holds, so its measure is a tuple of the parts'.
  std::vector<std::string> parts;
  for (const auto& conjunct : top_level_conjuncts(loop.guard))
    for (auto& disjunct : top_level_disjuncts(conjunct)) parts.push_back(std::move(disjunct));
  for (const auto& part : parts) {
    std::string left, op, right;
    if (!split_comparison(part, left, op, right)) continue;
    if (op == "!=" && (is_empty_collection(right) || is_empty_collection(left))) {
      add("|" + (is_empty_collection(right) ? left : right) + "|");
      continue;
    }
    if ((op == ">" && right == "0" && is_length(left)) ||
        (op == "<" && left == "0" && is_length(right))) {
      add(op == ">" ? left : right);
      continue;
    }
    if (op == "<" || op == "<=") add(minus(right, left));
    if (op == ">" || op == ">=") add(minus(left, right));
    if (op == "!=") {
      add(minus(right, left));
      add(minus(left, right));
    }
  }
  return out;
}

bool is_termination_error(const std::string& message) {
  return message.find("cannot prove termination") != std::string::npos ||
         message.find("decreases expression") != std::string::npos ||
         message.find("decreases clause") != std::string::npos;
}

}  // namespace verigen
