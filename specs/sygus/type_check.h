#pragma once
/// Sort checking of SyGuS-INV terms: the Int/Bool/(Array Int Int) fragment that pre, trans, post,
/// helper functions and candidate invariants are written in.

#include <map>
#include <string>
#include <vector>

#include "core/result.h"
#include "specs/sygus/problem.h"
#include "specs/sygus/sexpr.h"

namespace verigen::sygus {

/// `Int`, `Bool` or `(Array Int Int)`; a Failure (`PATH:LINE:COL: error: ...`) for anything else.
Result<Sort> parse_sort(const SExpr& sort, const std::string& path);

/// "PATH:LINE:COL: error: MESSAGE" for the place of `at`.
Failure error_at(const std::string& path, const SExpr& at, const std::string& message);

/// Checks terms against the functions defined so far; names in `functions` may be called, each
/// with its own parameters' sorts.
class TypeChecker {
 public:
  /// `functions` must outlive the checker; `path` names the text in messages.
  TypeChecker(const std::vector<FunctionDef>& functions, std::string path)
      : functions_(functions), path_(std::move(path)) {}

  /// The sort of `term` where `scope` gives the sorts of its free variables. Fails on an unknown
  /// symbol, a call with the wrong number of arguments, or an argument of the wrong sort.
  Result<Sort> sort_of(const SExpr& term, const std::map<std::string, Sort>& scope) const;
  /// sort_of, then a Failure at `term` unless its sort is `expected`.
  Result<Sort> expect(const SExpr& term, const std::map<std::string, Sort>& scope,
                      Sort expected) const;

 private:
  Result<Sort> list_sort(const SExpr& term, const std::map<std::string, Sort>& scope) const;
  Result<Sort> binder_sort(const SExpr& term, const std::map<std::string, Sort>& scope) const;
  Result<Sort> call_sort(const SExpr& term, const FunctionDef& f,
                         const std::map<std::string, Sort>& scope) const;
  const FunctionDef* find(const std::string& name) const;

  const std::vector<FunctionDef>& functions_;
  std::string path_;
};

}  // namespace verigen::sygus
