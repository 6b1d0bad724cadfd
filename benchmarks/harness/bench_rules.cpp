#include "benchmarks/harness/bench_rules.h"

namespace verigen::bench {

std::string_view to_string(RuleSet rules) {
  return rules == RuleSet::Strict ? "strict" : "dafnybench";
}

std::optional<RuleSet> rule_set_from_string(std::string_view name) {
  if (name == "strict") return RuleSet::Strict;
  if (name == "dafnybench") return RuleSet::DafnyBench;
  return std::nullopt;
}

std::vector<Diagnostic> findings_under(RuleSet rules, const std::vector<Diagnostic>& strict) {
  if (rules == RuleSet::Strict) return strict;
  std::vector<Diagnostic> kept;
  for (const auto& d : strict)
    // DafnyBench compares the specification only: the code a model rewrote is checked by the
    // verifier against that unchanged specification, and a helper it declared is part of it.
    if (d.rule != "integrity.code-changed" && d.rule != "integrity.declaration-added")
      kept.push_back(d);
  return kept;
}

}  // namespace verigen::bench
