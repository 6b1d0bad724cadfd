#include "gen/builtin/builtin_generator.h"

#include <algorithm>
#include <map>

#include "core/call_budget_backend.h"
#include "gen/builtin/dafny_contracts.h"
#include "gen/builtin/dafny_houdini.h"
#include "gen/builtin/dafny_loops.h"
#include "gen/builtin/decreases_candidates.h"
#include "gen/builtin/invariant_templates.h"
#include "gen/builtin/loop_frames.h"
#include "gen/builtin/recursion_measures.h"
#include "gen/builtin/sampled_equalities.h"
#include "gen/builtin/state_filter.h"

namespace verigen {

const char* const kConfigureModelHint =
    "configure a model: --provider openai with OPENAI_BASE_URL, OPENAI_API_KEY and VERIGEN_MODEL "
    "(or a verigen.toml), or --provider replay --cassette FILE";

std::optional<std::string> builtin_cannot_attempt(const Task& task) {
  if (task.language == Language::Dafny && task.kind == TaskKind::Specify) {
    if (dafny_contract_sites(task.spec_text).empty())
      return std::string(
          "the builtin provider found no method or function with a body and without contracts");
    return std::nullopt;
  }
  if (task.language != Language::Dafny || task.kind != TaskKind::Annotate)
    return "the builtin provider only writes loop invariants and contracts for Dafny annotate "
           "and specify tasks; this is a" +
           std::string(task.kind == TaskKind::Implement ? "n " : " ") +
           std::string(to_string(task.kind)) + " task";
  if (dafny_loop_sites(task.spec_text).empty())
    return std::string(
        "the builtin provider found no loop without an invariant (lemma proofs need a model)");
  return std::nullopt;
}

namespace {

/// Houdini keeps every `requires` no caller contradicts, so a method nothing calls keeps them
/// all, and a strong one (`x > 0`) buys ensures the body only proves under it: a contract that
/// demands more of its callers than the body needs. So each kept `requires` is dropped in turn
/// and Houdini re-run on what is left (ensures that needed it go too); the drop stays when the
/// program still verifies, i.e. when the body's safety did not need it.
void drop_needless_requires(Backend& backend, const Task& task, const std::vector<LoopSite>& sites,
                            DafnyHoudiniResult& result, Deadline deadline,
                            const AssumptionPolicy& policy) {
  constexpr int kMaxCalls = 24;  // a bound on the extra cost per task
  int calls = 0;
  for (std::size_t site = 0; site < sites.size(); ++site) {
    // Indexed afresh each time: a successful drop replaces result.kept.
    for (std::size_t i = 0;
         i < result.kept[site].size() && calls < kMaxCalls && !deadline.expired();) {
      if (result.kept[site][i].rfind("requires ", 0) != 0) {
        ++i;
        continue;
      }
      auto without = result.kept;
      without[site].erase(without[site].begin() + static_cast<long>(i));
      auto again = dafny_houdini(backend, task.spec_text, task.spec_path, sites, without, deadline,
                                 std::min(6, kMaxCalls - calls), policy);
      calls += again.iterations;
      if (again.verdict.verified()) {
        result.kept = std::move(again.kept);
        result.program = std::move(again.program);
        result.verdict = std::move(again.verdict);
        i = 0;  // clauses before i may have gone with it: start the site again
      } else {
        ++i;
      }
    }
  }
}

/// When Houdini's fixpoint still fails because a loop may not terminate (hint-free programs
/// lose their `decreases`), Houdini again with each loop's kept invariants fixed and the
/// guard's distances (decreases_candidates.h) offered as `decreases` clauses: Dafny blames the
/// ones that do not decrease or are not bounded, and what survives is a lexicographic measure
/// it proves. Replaces `result` when that verifies.
void add_decreases(Backend& backend, const Task& task, const std::vector<LoopSite>& sites,
                   DafnyHoudiniResult& result, Deadline deadline, const AssumptionPolicy& policy,
                   int& added) {
  bool termination = false;
  for (const auto& d : result.verdict.diagnostics) termination |= is_termination_error(d.message);
  if (result.verdict.verified() || !termination || deadline.expired()) return;
  std::vector<LoopSite> with_measures = sites;
  std::vector<std::vector<std::string>> clauses(sites.size());
  bool any = false;
  for (std::size_t l = 0; l < sites.size(); ++l) {
    const std::string keyword = sites[l].keyword;
    for (const auto& kept : result.kept[l])
      clauses[l].push_back(keyword.empty() ? kept : keyword + " " + kept);
    if (keyword != "invariant") continue;
    for (const auto& e : decreases_candidates(sites[l])) {
      clauses[l].push_back("decreases " + e);
      any = true;
    }
    with_measures[l].keyword.clear();  // each clause now carries its own keyword
  }
  if (!any) return;
  auto again = dafny_houdini(backend, task.spec_text, task.spec_path, with_measures, clauses,
                             deadline, 8, policy);
  if (again.verdict.verified()) {
    added = unkeyword_kept(sites, again)["decreases"];
    result = std::move(again);
  }
}

/// When Houdini's fixpoint still fails and some loop writes less than its method may modify,
/// Houdini again from all the candidates with a `modifies` clause on those loops (loop_frames.h;
/// with the guard's distances as well when termination was blamed): facts about what the loop
/// leaves alone then need no invariant. A clause that misses a write fails at the write, which
/// Houdini cannot blame, so this is a second run that replaces `result` only when it verifies,
/// never a change to the first.
void add_loop_frames(Backend& backend, const Task& task, const std::vector<LoopSite>& sites,
                     const std::vector<std::vector<std::string>>& candidates,
                     DafnyHoudiniResult& result, Deadline deadline, const AssumptionPolicy& policy,
                     std::map<std::string, int>& added) {
  if (result.verdict.verified() || deadline.expired()) return;
  bool termination = false;
  for (const auto& d : result.verdict.diagnostics) termination |= is_termination_error(d.message);
  std::vector<LoopSite> keyed = sites;
  std::vector<std::vector<std::string>> clauses(sites.size());
  bool any = false;
  for (std::size_t l = 0; l < sites.size(); ++l) {
    if (sites[l].keyword != "invariant") {
      clauses[l] = candidates[l];
      continue;
    }
    keyed[l].keyword.clear();  // each clause now carries its own keyword
    if (auto frame = loop_modifies_clause(sites[l])) {
      clauses[l].push_back(*frame);
      any = true;
    }
    for (const auto& c : candidates[l]) clauses[l].push_back("invariant " + c);
    if (termination)
      for (const auto& e : decreases_candidates(sites[l])) clauses[l].push_back("decreases " + e);
  }
  if (!any) return;
  auto again =
      dafny_houdini(backend, task.spec_text, task.spec_path, keyed, clauses, deadline, 25, policy);
  if (again.verdict.verified()) {
    added = unkeyword_kept(sites, again);
    result = std::move(again);
  }
}

}  // namespace

Result<std::vector<RawCandidate>> BuiltinGenerator::generate(const Task& task, int,
                                                             Deadline deadline) {
  if (auto why = builtin_cannot_attempt(task))
    return fail(task.spec_path + ": error: " + *why + ": " + kConfigureModelHint);
  auto sites = dafny_loop_sites(task.spec_text);
  std::vector<std::vector<std::string>> candidates;
  std::map<std::string, std::string> family_of;
  std::size_t total = 0;
  for (const auto& site : sites) {
    candidates.emplace_back();
    for (auto& t : enumerate_templates(site)) {
      family_of.emplace(t.text, t.family);
      candidates.back().push_back(std::move(t.text));
    }
    total += candidates.back().size();
  }
  // Candidates a real execution falsifies never reach the verifier.
  std::string sampled;
  if (runner_) {
    auto filter = filter_by_sampled_states(*runner_, task.spec_text, sites, candidates, deadline);
    int equalities = 0;
    if (filter.ran) {
      for (std::size_t l = 0; l < sites.size(); ++l) {
        std::vector<std::string> kept;
        for (std::size_t c = 0; c < candidates[l].size(); ++c)
          if (!filter.falsified[l][c]) kept.push_back(candidates[l][c]);
        // What every sampled state satisfies joins: linear relations no template spells.
        if (l < filter.states.size())
          for (auto& eq : sampled_equalities(sites[l], filter.state_terms[l], filter.states[l])) {
            if (std::find(kept.begin(), kept.end(), eq) != kept.end()) continue;
            family_of.emplace(eq, "sampled-equality");
            kept.push_back(std::move(eq));
            ++total;
            ++equalities;
          }
        candidates[l] = std::move(kept);
      }
    }
    sampled = "; sampled states: " + filter.note +
              (equalities ? ", " + std::to_string(equalities) + " equalities read off them" : "");
  }
  // A specify task also needs contracts: template requires/ensures pruned with the invariants,
  // since a loop's invariant may need the method's precondition and a caller its callee's
  // postcondition. (Added after sampling, which checks loop heads only.)
  std::vector<std::vector<std::string>> measures(sites.size());  // per site, recursion's
  if (task.kind == TaskKind::Specify)
    for (auto& contract : dafny_contract_sites(task.spec_text)) {
      total += contract.candidates.size();
      for (const auto& clause : contract.candidates) family_of.emplace(clause, "contract");
      candidates.push_back(std::move(contract.candidates));
      sites.push_back(std::move(contract.site));
      measures.push_back(std::move(contract.measures));
    }
  const auto policy = candidate_for(task, task.spec_text).assumption_policy;
  CallBudgetBackend verifier(backend_, max_verifier_calls_);
  auto result = dafny_houdini(verifier, task.spec_text, task.spec_path, sites, candidates, deadline,
                              25, policy);
  int loop_measures = 0;
  add_decreases(verifier, task, sites, result, deadline, policy, loop_measures);
  int recursion_measures = 0;
  add_recursion_measures(verifier, task.spec_text, task.spec_path, sites, measures, result,
                         deadline, policy, 12, recursion_measures);
  std::map<std::string, int> framed;
  add_loop_frames(verifier, task, sites, candidates, result, deadline, policy, framed);
  if (framed.count("decreases")) loop_measures = framed["decreases"];
  if (task.kind == TaskKind::Specify && result.verdict.verified())
    drop_needless_requires(verifier, task, sites, result, deadline, policy);
  // Counted at the budget: a Houdini round it refused asked nothing.
  const int calls = verifier.calls();
  usage_.verifier_calls += calls;
  std::size_t kept = 0;
  std::map<std::string, int> kept_by_family;
  for (const auto& list : result.kept) {
    kept += list.size();
    for (const auto& inv : list)
      if (inv.rfind("decreases ", 0) != 0) ++kept_by_family[family_of[inv]];
  }
  if (loop_measures + recursion_measures > 0)
    kept_by_family["decreases"] = loop_measures + recursion_measures;
  if (framed["modifies"] > 0) kept_by_family["loop-modifies"] = framed["modifies"];
  std::string families;
  for (const auto& [family, count] : kept_by_family)
    families += (families.empty() ? "; " : ", ") + family + " " + std::to_string(count);
  RawCandidate raw;
  raw.text = result.program;
  raw.origin = "builtin:houdini (" + std::to_string(kept) + " of " + std::to_string(total) +
               (task.kind == TaskKind::Specify ? " template clauses kept, "
                                               : " template invariants kept, ") +
               std::to_string(calls) + (calls == 1 ? " verifier call" : " verifier calls") +
               families + sampled +
               (verifier.exhausted() ? "; verifier-call budget of " +
                                           std::to_string(max_verifier_calls_) + " used up"
                                     : "") +
               ")";
  raw.raw = raw.origin;
  return std::vector<RawCandidate>{raw};
}

}  // namespace verigen
