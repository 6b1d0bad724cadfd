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
  /// As written ("int", "nat", "array<int>", "seq<int>", "bool"), else read off the initialiser
  /// (initial_type.h); "" when unknown: such a variable takes part in no typed template.
  std::string type;
  std::string initial;  ///< the initialiser of a local (`var i := 0;` → "0"), "" if none seen
};

/// How to call the method a loop is in from a top-level `Main`, for running it on sample inputs.
struct MethodCall {
  bool callable = false;  ///< a top-level or static method, not ghost, no type parameters
  std::string name;       ///< as a call from the top level names it ("M", "Module.M", "C.M")
  std::vector<ScopedVariable> inputs;  ///< in-parameters (`initial` unused)
  int outputs = 0;                     ///< number of out-parameters
  std::vector<std::string> requires_;  ///< its preconditions
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
  std::vector<std::string> frames;          ///< the method's `modifies` expressions
  /// The heap objects the body assigns into: a scoped name for `a[i] :=` / `o.f :=`, "this"
  /// for an assignment to a name not in scope (a field of the enclosing class).
  std::vector<std::string> heap_written;
  std::vector<std::string> later_asserts;  ///< `assert`s after the loop in the same method
  bool exits_early = false;                ///< the body has a `return` or `break`
  /// Conditions of the `if`s in the body whose branch leaves the loop (`return`, `break`):
  /// for every earlier iteration they were false.
  std::vector<std::string> exit_conditions;
  std::size_t body_open = 0;  ///< byte offset just past the body's `{` (a loop-head point)
  std::size_t method = 0;     ///< index of the enclosing method among the program's methods
  MethodCall call;            ///< how to run the enclosing method
};

}  // namespace verigen
