#pragma once
/// A loop of a Dafny program as the built-in invariant generator sees it.

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace verigen {

/// A variable in scope at a loop (parameter, result or local declared before it).
struct ScopedVariable {
  std::string name;
  std::string type;  ///< as written: "int", "nat", "array<int>", "seq<int>", "bool", "" if inferred
  std::string initial;  ///< the initialiser of a local (`var i := 0;` → "0"), "" if none seen
};

/// One `while` loop: where invariants go and what they may talk about.
struct LoopSite {
  /// The keyword each inserted line starts with; "" when the candidates carry their own
  /// (a declaration's contract site: `requires ...`, `ensures ...`).
  std::string keyword = "invariant";
  std::size_t insert_at = 0;  ///< byte offset where the invariant lines go
  bool break_line = false;    ///< insert_at is mid-line (`while g {`): start a new line first
  std::string indent;         ///< indentation of the inserted lines
  std::string guard;          ///< the loop condition
  std::vector<ScopedVariable> variables;
  std::vector<std::string> modified;        ///< variables assigned in the loop body
  std::vector<std::string> preconditions;   ///< requires of the enclosing method
  std::vector<std::string> postconditions;  ///< ensures of the enclosing method
};

}  // namespace verigen
