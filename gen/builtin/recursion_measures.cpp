#include "gen/builtin/recursion_measures.h"

#include "gen/builtin/decreases_candidates.h"

namespace verigen {
namespace {

int termination_errors(const Verdict& v) {
  int n = 0;
  for (const auto& d : v.diagnostics)
    n += d.severity == Severity::Error && is_termination_error(d.message);
  return n;
}

}  // namespace

int add_recursion_measures(Backend& backend, const std::string& text,
                           const std::string& display_path, const std::vector<LoopSite>& sites,
                           const std::vector<std::vector<std::string>>& measures,
                           DafnyHoudiniResult& result, Deadline deadline,
                           const AssumptionPolicy& policy, int max_calls, int& added) {
  int calls = 0;
  for (std::size_t site = 0; site < sites.size() && site < measures.size(); ++site) {
    for (const auto& measure : measures[site]) {
      const int before = termination_errors(result.verdict);
      if (before == 0 || calls >= max_calls || deadline.expired()) return calls;
      auto clauses = result.kept;
      clauses[site].push_back("decreases " + measure);
      auto again = dafny_houdini(backend, text, display_path, sites, clauses, deadline,
                                 std::min(4, max_calls - calls), policy);
      calls += again.iterations;
      // Houdini drops a measure only if Dafny blames its line, which it does when the measure
      // is not bounded below; one that does not decrease stays and is judged by the count.
      const bool kept =
          !again.kept[site].empty() && again.kept[site].back() == "decreases " + measure;
      if (kept && termination_errors(again.verdict) < before) {
        result = std::move(again);
        ++added;
        break;  // this declaration has its measure
      }
    }
  }
  return calls;
}

}  // namespace verigen
