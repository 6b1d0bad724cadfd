#include "gen/builtin/derived_invariants.h"

#include <algorithm>
#include <cctype>

#include "core/text_lines.h"
#include "gen/builtin/initial_type.h"
#include "gen/builtin/invariant_templates.h"

namespace verigen {
namespace {

bool contains(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

const ScopedVariable* variable(const LoopSite& loop, const std::string& name) {
  for (const auto& v : loop.variables)
    if (v.name == name) return &v;
  return nullptr;
}

/// Splits at a top-level two-character operator `op` (outside brackets, before any `::`).
std::vector<std::string> split_top(const std::string& e, const std::string& op) {
  std::vector<std::string> parts;
  int depth = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i + op.size() <= e.size(); ++i) {
    char c = e[i];
    if (c == '(' || c == '[' || c == '{') ++depth;
    if (c == ')' || c == ']' || c == '}') --depth;
    if (depth == 0 && e.compare(i, 2, "::") == 0) break;  // a quantifier's body: keep whole
    if (depth == 0 && e.compare(i, op.size(), op) == 0) {
      // `==>` must not be read as `==`, `<==>` not as `==>`.
      if (op == "==>" && i > 0 && e[i - 1] == '<') continue;
      parts.push_back(trim_space(e.substr(start, i - start)));
      start = i + op.size();
      i += op.size() - 1;
    }
  }
  parts.push_back(trim_space(e.substr(start)));
  return parts;
}

/// The array or sequence whose length `bound` is (`a.Length` → a, `|s|` → s), "" otherwise.
std::string collection_of(const std::string& bound) {
  if (bound.size() > 7 && bound.compare(bound.size() - 7, 7, ".Length") == 0)
    return bound.substr(0, bound.size() - 7);
  if (bound.size() > 2 && bound.front() == '|' && bound.back() == '|')
    return trim_space(bound.substr(1, bound.size() - 2));
  return {};
}

/// `name` as a whole argument of a call (`F(s)`, `F(s, x)`, `F(x, s)`) replaced by `to`.
std::string replace_argument(const std::string& text, const std::string& name,
                             const std::string& to) {
  std::string out = text;
  for (const char* before : {"(", ", ", ","}) {
    for (const char* after : {")", ",", " ,"}) {
      const std::string from = std::string(before) + name + after;
      const std::string into = std::string(before) + to + after;
      std::size_t at = 0;
      while ((at = out.find(from, at)) != std::string::npos) {
        // A call's argument: the `(` follows an identifier; after a comma anything goes.
        bool call = before[0] != '(' ||
                    (at > 0 &&
                     (std::isalnum(static_cast<unsigned char>(out[at - 1])) || out[at - 1] == '_'));
        if (call) out.replace(at, from.size(), into);
        at += call ? into.size() : from.size();
      }
    }
  }
  return out;
}

/// A bound variable name free in `text` and the loop's variables.
std::string fresh_index(const LoopSite& loop, const std::string& text) {
  for (const char* name : {"k", "j0", "k0", "idx0"}) {
    if (variable(loop, name)) continue;
    if (substitute(text, name, "\x01") == text) return name;
  }
  return "k_";
}

/// What the loop must establish: conjuncts of the postconditions and later asserts, and the
/// consequents of their implications.
std::vector<std::string> targets(const LoopSite& loop) {
  std::vector<std::string> out;
  auto take = [&](const std::string& e) {
    for (const auto& c : top_level_conjuncts(e)) {
      out.push_back(c);
      auto sides = split_top(c, "==>");
      if (sides.size() == 2)
        for (const auto& consequent : top_level_conjuncts(sides[1])) out.push_back(consequent);
    }
  };
  for (const auto& p : loop.postconditions) take(p);
  for (const auto& a : loop.later_asserts) take(a);
  return out;
}

/// A quantified goal `forall K :: L op1 K op2 U ==> P` taken apart; `ok` false for any other
/// shape (several binders, no range, a range not around K).
struct RangeGoal {
  bool ok = false;
  std::string binder, lower, op1, op2, upper, body;
};

bool word_at(const std::string& text, std::size_t at, const std::string& word) {
  auto ident = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  return text.compare(at, word.size(), word) == 0 && (at == 0 || !ident(text[at - 1])) &&
         (at + word.size() >= text.size() || !ident(text[at + word.size()]));
}

/// Takes a trailing `<=` or `<` off `side` into `op`; false when there is none.
bool take_suffix_op(std::string& side, std::string& op) {
  side = trim_space(side);
  for (const char* candidate : {"<=", "<"}) {
    std::string o(candidate);
    if (side.size() > o.size() && side.compare(side.size() - o.size(), o.size(), o) == 0) {
      op = o;
      side = side.substr(0, side.size() - o.size());
      return true;
    }
  }
  return false;
}

/// Takes a leading `<=` or `<` off `side` into `op`; false when there is none.
bool take_prefix_op(std::string& side, std::string& op) {
  side = trim_space(side);
  for (const char* candidate : {"<=", "<"}) {
    if (side.rfind(candidate, 0) == 0) {
      op = candidate;
      side = side.substr(op.size());
      return true;
    }
  }
  return false;
}

/// The binders and the two sides (range, body) of `forall ... :: range ==> body` or
/// `forall ... | range :: body`; false for any other shape.
bool quantifier_parts(const std::string& goal, std::string& binders,
                      std::vector<std::string>& sides) {
  if (goal.rfind("forall ", 0) != 0) return false;
  auto colons = goal.find("::");
  if (colons == std::string::npos) return false;
  binders = trim_space(goal.substr(7, colons - 7));
  auto bar = binders.find('|');
  if (bar != std::string::npos) {
    sides = {trim_space(binders.substr(bar + 1)), trim_space(goal.substr(colons + 2))};
    binders = trim_space(binders.substr(0, bar));
  } else {
    sides = split_top(trim_space(goal.substr(colons + 2)), "==>");
  }
  return sides.size() == 2;
}

/// A range's end that is one expression, not itself a comparison or a connective.
bool plain_bound(const std::string& bound) {
  return !bound.empty() && bound.find_first_of("<>=&|") == std::string::npos;
}

/// A sortedness-shaped goal `forall J, K :: L op1 J op K op2 U ==> P` taken apart.
struct ChainGoal {
  bool ok = false;
  std::string first, second, lower, op1, op, op2, upper, body;
};

ChainGoal chain_goal(const std::string& goal) {
  ChainGoal g;
  std::string binders;
  std::vector<std::string> sides;
  if (!quantifier_parts(goal, binders, sides)) return g;
  auto comma = binders.find(',');
  if (comma == std::string::npos || binders.find(',', comma + 1) != std::string::npos) return g;
  g.first = trim_space(binders.substr(0, comma));
  g.second = trim_space(binders.substr(comma + 1));
  g.first = trim_space(g.first.substr(0, g.first.find(':')));
  g.second = trim_space(g.second.substr(0, g.second.find(':')));
  if (g.first.empty() || g.second.empty()) return g;
  const std::string& range = sides[0];
  std::size_t j = 0;
  while (j < range.size() && !word_at(range, j, g.first)) ++j;
  std::size_t k = j + g.first.size();
  while (k < range.size() && !word_at(range, k, g.second)) ++k;
  if (j >= range.size() || k >= range.size()) return g;
  std::string left = range.substr(0, j);
  std::string mid = trim_space(range.substr(j + g.first.size(), k - j - g.first.size()));
  std::string right = range.substr(k + g.second.size());
  if (!take_suffix_op(left, g.op1) || !take_prefix_op(right, g.op2)) return g;
  if (mid != "<" && mid != "<=") return g;
  g.op = mid;
  g.lower = trim_space(left);
  g.upper = trim_space(right);
  g.body = sides[1];
  g.ok = plain_bound(g.lower) && plain_bound(g.upper);
  return g;
}

RangeGoal range_goal(const std::string& goal) {
  RangeGoal g;
  std::string binders;
  std::vector<std::string> sides;
  if (!quantifier_parts(goal, binders, sides) || binders.find(',') != std::string::npos) return g;
  g.binder = trim_space(binders.substr(0, binders.find(':')));
  if (g.binder.empty()) return g;
  const std::string& range = sides[0];
  std::size_t at = 0;
  while (at < range.size() && !word_at(range, at, g.binder)) ++at;
  if (at >= range.size()) return g;
  std::string left = trim_space(range.substr(0, at)),
              right = trim_space(range.substr(at + g.binder.size()));
  if (!take_suffix_op(left, g.op1) || !take_prefix_op(right, g.op2)) return g;
  g.lower = trim_space(left);
  g.upper = trim_space(right);
  g.body = sides[1];
  g.ok = plain_bound(g.lower) && plain_bound(g.upper);
  return g;
}

}  // namespace

std::vector<std::string> top_level_conjuncts(const std::string& expression) {
  std::vector<std::string> parts;
  for (auto& p : split_top(trim_space(expression), "&&"))
    if (!p.empty()) parts.push_back(p);
  return parts;
}

void derived_invariants(const LoopSite& loop, const std::vector<CounterBound>& counters,
                        const AddInvariant& add) {
  const auto goals = targets(loop);
  // A goal the loop does not disturb holds throughout (the part of an array below a loop that
  // starts in the middle keeps its old values): Houdini drops those it does not.
  for (const auto& goal : goals) add(goal, "post");
  // A `modifies`d array the loop does not write keeps all its old values.
  for (const auto& frame : loop.frames) {
    const ScopedVariable* array = variable(loop, frame);
    if (array && array->type.rfind("array<", 0) == 0 && !contains(loop.modified, frame))
      add(frame + "[..] == old(" + frame + "[..])", "frame");
  }
  // Range cuts: a quantified goal over [L, U) holds, while the loop runs, on the part below or
  // above each variable the loop moves (linear search's prefix, binary search's two sides, the
  // part a descending loop has done).
  for (const auto& goal : goals) {
    RangeGoal g = range_goal(goal);
    if (!g.ok) continue;
    for (const auto& v : loop.variables) {
      if (!contains(loop.modified, v.name) || !is_integer_type(v.type) || v.name == g.binder)
        continue;
      const std::string head = "forall " + g.binder + " :: ";
      add(head + g.lower + " " + g.op1 + " " + g.binder + " < " + v.name + " ==> " + g.body,
          "range-cut");
      add(head + v.name + " < " + g.binder + " " + g.op2 + " " + g.upper + " ==> " + g.body,
          "range-cut");
      add(head + v.name + " <= " + g.binder + " " + g.op2 + " " + g.upper + " ==> " + g.body,
          "range-cut");
      // Both ends moved: the middle band of a three-way partition (`j <= x < k`).
      for (const auto& w : loop.variables) {
        if (&w == &v || !contains(loop.modified, w.name) || !is_integer_type(w.type) ||
            w.name == g.binder)
          continue;
        add(head + v.name + " <= " + g.binder + " < " + w.name + " ==> " + g.body, "range-cut");
      }
    }
  }
  // Partitions: a sortedness-shaped goal over two binders holds, while the loop runs, across
  // each variable it moves: all up to v against all above it (bubble and selection sort's
  // outer loops; the sorted part itself comes from the cuts below).
  for (const auto& goal : goals) {
    ChainGoal g = chain_goal(goal);
    if (!g.ok) continue;
    const std::string head =
        "forall " + g.first + ", " + g.second + " :: " + g.lower + " " + g.op1 + " " + g.first;
    const std::string tail = g.second + " " + g.op2 + " " + g.upper + " ==> " + g.body;
    for (const auto& v : loop.variables) {
      if (!contains(loop.modified, v.name) || !is_integer_type(v.type) || v.name == g.first ||
          v.name == g.second)
        continue;
      add(head + " <= " + v.name + " < " + tail, "partition");
      add(head + " < " + v.name + " <= " + tail, "partition");
    }
  }
  for (const auto& cb : counters) {
    const std::string& i = cb.counter;
    const std::string collection = collection_of(cb.bound);
    const ScopedVariable* coll = collection.empty() ? nullptr : variable(loop, collection);
    const bool is_seq = coll && (coll->type.rfind("seq<", 0) == 0 || coll->type == "string");
    for (const auto& goal : goals) {
      std::vector<std::string> forms;
      if (!cb.descending()) {
        // With `i <= n` the last index processed may be i or i - 1: Houdini keeps the right one.
        std::vector<std::string> ats = {i};
        if (cb.op == "<=") ats.push_back(i + " - 1");
        for (const auto& at : ats) {
          std::string replaced = substitute(goal, cb.bound, at);
          if (!collection.empty()) {
            replaced = substitute(replaced, collection + "[..]", collection + "[.." + at + "]");
            if (is_seq)
              replaced = replace_argument(replaced, collection, collection + "[.." + at + "]");
          }
          forms.push_back(replaced);
        }
      } else {
        // Counting down to `bound`: what holds above the counter (`0 <= k` → `i <= k`).
        forms.push_back(substitute(goal, cb.bound + " <= ", i + " <= "));
        forms.push_back(substitute(goal, cb.bound + " <= ", i + " < "));
      }
      for (const auto& form : forms) {
        if (form == goal) continue;
        add(form, "post-index");
        // An accumulator one step apart: `r == F(i)` also suggests `v == F(i + 1)` for the
        // other integers the loop updates (Fibonacci's pair, a running maximum's successor).
        auto sides = split_top(form, "==");
        if (sides.size() != 2 || substitute(sides[1], i, "\x01") == sides[1]) continue;
        for (const auto& v : loop.variables) {
          if (v.name == i || v.name == sides[0] || !contains(loop.modified, v.name)) continue;
          if (!is_integer_type(v.type)) continue;
          for (const char* step : {" + 1", " - 1"}) {
            add(v.name + " == " + substitute(sides[1], i, "(" + i + step + ")"), "accumulator");
          }
        }
      }
    }

    // Every earlier index failed the exit conditions and passed the guard's other conjuncts.
    if (!cb.descending()) {
      std::vector<std::string> facts;
      for (const auto& condition : loop.exit_conditions) facts.push_back("!(" + condition + ")");
      for (const auto& part : top_level_conjuncts(loop.guard))
        if (substitute(part, i, "\x01") != part && substitute(part, cb.bound, "\x01") == part)
          facts.push_back(part);
      for (const auto& fact : facts) {
        if (substitute(fact, i, "\x01") == fact) continue;
        const std::string k = fresh_index(loop, fact);
        add("forall " + k + " :: " + cb.start + " <= " + k + " < " + i + " ==> " +
                substitute(fact, i, k),
            "exit-history");
      }
    }

    // Frames: the parts of a modified array the loop has not reached keep their old values.
    for (const auto& frame : loop.frames) {
      const ScopedVariable* array = variable(loop, frame);
      if (!array || array->type.rfind("array<", 0) != 0) continue;
      if (!contains(loop.modified, frame) || collection != frame) continue;
      const std::string k = fresh_index(loop, frame + " " + i);
      const std::string old_k = frame + "[" + k + "] == old(" + frame + "[" + k + "])";
      if (cb.descending()) {
        add("forall " + k + " :: 0 <= " + k + " < " + i + " ==> " + old_k, "frame");
        add("forall " + k + " :: 0 <= " + k + " <= " + i + " ==> " + old_k, "frame");
      } else {
        add("forall " + k + " :: " + i + " <= " + k + " < " + frame + ".Length ==> " + old_k,
            "frame");
        add("forall " + k + " :: " + i + " < " + k + " < " + frame + ".Length ==> " + old_k,
            "frame");
      }
    }
  }
}

}  // namespace verigen
