#pragma once
/// Loop invariants derived from what the loop must establish (the method's `ensures` and the
/// `assert`s after the loop), from the loop's own exits and from the method's frame. Each
/// family names itself, so a run can tell which families' invariants survived Houdini.

#include <functional>
#include <string>
#include <vector>

#include "gen/builtin/loop_site.h"

namespace verigen {

/// A counter and the bound it runs to, read off one comparison of the guard, normalised so
/// that the counter is on the left: `i < n` (ascending) or `i > 0` (descending).
struct CounterBound {
  std::string counter;
  std::string bound;
  std::string op;     ///< "<", "<=", "!=", ">" or ">="
  std::string start;  ///< the counter's initial value, "0" when not seen
  bool descending() const { return op == ">" || op == ">="; }
};

/// Receives one candidate invariant and the family it comes from.
using AddInvariant = std::function<void(const std::string& text, const char* family)>;

/// Families, each a stable list for the same loop:
/// - "post-index": each conjunct of each postcondition and later assert (and the consequent of
///   an implication, which is what an early-exit loop keeps) with the bound replaced by the
///   counter (`a.Length`, `|s|`, `n` → `i`; `i - 1` for `<=`), whole-array slices cut at the
///   counter (`a[..]` → `a[..i]`, `F(s)` → `F(s[..i])`), and, for a descending counter, the
///   lower end of a range moved to the counter (`0 <= k` → `i <= k`);
/// - "accumulator": for `r == F(… i …)`, the same relation one step ahead or behind for the
///   other integer variables the loop updates (`b == Fib(i + 1)` beside `a == Fib(i)`);
/// - "exit-history": every earlier index failed the guard's other conjuncts' negation and
///   every exit condition (`forall k :: 0 <= k < i ==> a[k] != key`);
/// - "frame": the parts of a `modifies`d array the loop has not written yet, or all of it when
///   the loop writes none (`forall k :: i <= k < a.Length ==> a[k] == old(a[k])`,
///   `a[..] == old(a[..])`).
void derived_invariants(const LoopSite& loop, const std::vector<CounterBound>& counters,
                        const AddInvariant& add);

/// The top-level conjuncts of `expression` (split at `&&` outside brackets and quantifier
/// bodies are left whole: a split happens only at bracket depth 0 before any `::`).
std::vector<std::string> top_level_conjuncts(const std::string& expression);

}  // namespace verigen
