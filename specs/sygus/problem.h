#pragma once
/// A SyGuS-INV problem: one invariant `inv_fun` over the variables of a loop, with pre, trans
/// (over the variables and their primed copies `x!`) and post, as in the SyGuS-IF `synth-inv`
/// format of ../shared/datasets/sygus-inv.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "specs/sygus/sexpr.h"

namespace verigen::sygus {

/// The sorts these problems use.
enum class Sort { Int, Bool, IntArray /* (Array Int Int) */, BoolArray /* (Array Int Bool) */ };

std::string_view to_string(Sort sort);  ///< "Int", "Bool", "(Array Int Int)", "(Array Int Bool)"
/// True for the array sorts; their index sort is always Int.
bool is_array(Sort sort);
/// The element sort of an array sort (Int for IntArray, Bool for BoolArray); `sort` otherwise.
Sort element_sort(Sort sort);

struct Variable {
  std::string name;
  Sort sort = Sort::Int;
};

/// A `define-fun`: pre/trans/post and any helper function they call.
struct FunctionDef {
  std::string name;
  std::vector<Variable> params;
  Sort result = Sort::Bool;
  SExpr body;
  /// How deep the body nests once every call in it is expanded (as SygusToZ3 expands them);
  /// never more than kMaxNesting.
  std::size_t expanded_depth = 0;
};

struct Problem {
  std::string path;                    ///< for messages
  std::string logic;                   ///< "LIA", "NIA", "ALIA"
  std::string inv_name;                ///< the synth-inv name, usually "inv_fun"
  std::vector<Variable> variables;     ///< the invariant's parameters, in order
  std::vector<FunctionDef> functions;  ///< every define-fun, in file order
  std::string pre, trans, post;        ///< names given by inv-constraint

  const FunctionDef* function(std::string_view name) const;  ///< nullptr when absent
  /// The primed name of a state variable as trans_fun's parameters spell it ("x!" for "x").
  std::string primed(std::string_view name) const;
};

/// Reads a problem: set-logic, synth-inv, define-fun (pre/trans/post and helpers), inv-constraint,
/// check-synth. Every function body is type-checked (Int/Bool/(Array Int Int)/(Array Int Bool);
/// arithmetic incl. nonlinear `*`, `div`, `mod`, `abs`; `let`, `ite`, `=>`, `forall`/`exists`,
/// `select`/`store`). A Failure reads `PATH:LINE:COL: error: ...`; a body that nests deeper than
/// kMaxNesting once its calls are expanded is one.
Result<Problem> parse_problem(std::string_view text, const std::string& path);
/// parse_problem on a file's contents; a missing/unreadable file is a Failure naming it.
Result<Problem> load_problem(const std::string& path);

/// Reads a candidate invariant for `problem`: either a whole `(define-fun inv_fun (...) Bool BODY)`
/// or a bare BODY over the problem's variables. The body is type-checked to Bool; free symbols
/// must be variables of the problem or its functions. `origin` names the candidate in messages
/// ("openai#3:1:7: error: unknown symbol 'q'"). Returns the body, which nests at most
/// kMaxNesting deep once calls are expanded.
Result<SExpr> parse_invariant(std::string_view text, const Problem& problem,
                              const std::string& origin);

/// `(define-fun inv_fun ((x Int) ...) Bool BODY)` on one line: what `verigen inv` prints.
std::string invariant_definition(const Problem& problem, const SExpr& body);

}  // namespace verigen::sygus
