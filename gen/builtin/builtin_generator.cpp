#include "gen/builtin/builtin_generator.h"

#include <map>

#include "gen/builtin/dafny_houdini.h"
#include "gen/builtin/dafny_loops.h"
#include "gen/builtin/invariant_templates.h"
#include "gen/builtin/state_filter.h"

namespace verigen {

const char* const kConfigureModelHint =
    "configure a model: --provider openai with OPENAI_BASE_URL, OPENAI_API_KEY and VERIGEN_MODEL "
    "(or a verigen.toml), or --provider replay --cassette FILE";

std::optional<std::string> builtin_cannot_attempt(const Task& task) {
  if (task.language != Language::Dafny || task.kind != TaskKind::Annotate)
    return "the builtin provider only writes loop invariants for Dafny annotate tasks; this is a" +
           std::string(task.kind == TaskKind::Implement ? "n " : " ") +
           std::string(to_string(task.kind)) + " task";
  if (dafny_loop_sites(task.spec_text).empty())
    return std::string(
        "the builtin provider found no loop without an invariant (lemma proofs need a model)");
  return std::nullopt;
}

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
    if (filter.ran) {
      for (std::size_t l = 0; l < sites.size(); ++l) {
        std::vector<std::string> kept;
        for (std::size_t c = 0; c < candidates[l].size(); ++c)
          if (!filter.falsified[l][c]) kept.push_back(candidates[l][c]);
        candidates[l] = std::move(kept);
      }
    }
    sampled = "; sampled states: " + filter.note;
  }
  auto result = dafny_houdini(backend_, task.spec_text, task.spec_path, sites, candidates, deadline,
                              25, candidate_for(task, task.spec_text).assumption_policy);
  usage_.verifier_calls += result.iterations;
  std::size_t kept = 0;
  std::map<std::string, int> kept_by_family;
  for (const auto& list : result.kept) {
    kept += list.size();
    for (const auto& inv : list) ++kept_by_family[family_of[inv]];
  }
  std::string families;
  for (const auto& [family, count] : kept_by_family)
    families += (families.empty() ? "; " : ", ") + family + " " + std::to_string(count);
  RawCandidate raw;
  raw.text = result.program;
  raw.origin = "builtin:houdini (" + std::to_string(kept) + " of " + std::to_string(total) +
               " template invariants kept, " + std::to_string(result.iterations) +
               (result.iterations == 1 ? " verifier call" : " verifier calls") + families +
               sampled + ")";
  raw.raw = raw.origin;
  return std::vector<RawCandidate>{raw};
}

}  // namespace verigen
