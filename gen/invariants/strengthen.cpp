#include "gen/invariants/strengthen.h"

#include <set>

#include "gen/invariants/terms.h"
#include "specs/sygus/problem_text.h"

namespace verigen::inv {
namespace {

using sygus::SExpr;

/// `(f p...)` over the names of `params[from, to)`.
SExpr call(const std::string& f, const std::vector<sygus::Variable>& params, std::size_t from,
           std::size_t to) {
  std::vector<SExpr> args;
  for (std::size_t i = from; i < to; ++i) args.push_back(sym(params[i].name));
  return app(f, std::move(args));
}

/// `base`, or `base_2`, `base_3`...: the first that names nothing in `taken`.
std::string fresh_name(const std::string& base, std::set<std::string>& taken) {
  std::string name = base;
  for (int n = 2; taken.count(name); ++n) name = base + "_" + std::to_string(n);
  taken.insert(name);
  return name;
}

}  // namespace

Result<StrengthenedProblem> strengthen(const sygus::Problem& problem, const SExpr& lemma) {
  const auto* trans = problem.function(problem.trans);
  const auto* post = problem.function(problem.post);
  const std::size_t n = problem.variables.size();
  if (!trans || !post || trans->params.size() != 2 * n || post->params.size() != n)
    return fail(problem.path + ": error: cannot restrict a problem without trans and post");

  std::set<std::string> taken = {problem.inv_name};
  for (const auto& v : problem.variables) taken.insert(v.name);
  for (const auto& f : problem.functions) {
    taken.insert(f.name);
    for (const auto& p : f.params) taken.insert(p.name);
  }
  sygus::FunctionDef lemma_fun{fresh_name("verigen_lemma", taken), problem.variables,
                               sygus::Sort::Bool, lemma};
  sygus::FunctionDef trans_fun{fresh_name("verigen_trans", taken), trans->params, sygus::Sort::Bool,
                               app("and", {call(problem.trans, trans->params, 0, 2 * n),
                                           call(lemma_fun.name, trans->params, 0, n),
                                           call(lemma_fun.name, trans->params, n, 2 * n)})};
  sygus::FunctionDef post_fun{fresh_name("verigen_post", taken), post->params, sygus::Sort::Bool,
                              app("or", {negate(call(lemma_fun.name, post->params, 0, n)),
                                         call(problem.post, post->params, 0, n)})};

  sygus::Problem restricted = problem;
  restricted.trans = trans_fun.name;
  restricted.post = post_fun.name;
  // Each new function calls only functions defined before it.
  restricted.functions.push_back(std::move(lemma_fun));
  restricted.functions.push_back(std::move(trans_fun));
  restricted.functions.push_back(std::move(post_fun));
  std::string text = sygus::problem_text(restricted) + "(check-synth)\n";

  // Read back, so the restricted problem is checked (sorts, nesting) like any file.
  auto parsed = sygus::parse_problem(text, problem.path + " (restricted to a lemma)");
  if (!parsed) return fail(parsed.error());
  return StrengthenedProblem{std::move(text), std::move(*parsed)};
}

}  // namespace verigen::inv
