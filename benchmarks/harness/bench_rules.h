#pragma once
/// Whose judgement a benchmark run applies to a candidate the verifier accepts. verigen's own
/// (`strict`, what `gen` always uses) refuses any change to the program's executable code in an
/// annotate task; a benchmark may judge more leniently, and a report that compares with its
/// published numbers must judge as it does.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"

namespace verigen::bench {

enum class RuleSet {
  /// verigen's audit as it is: contracts, signatures and executable code kept; no escape hatch.
  Strict,
  /// DafnyBench's checker: the specification (requires, ensures, reads, modifies, signatures,
  /// declarations) kept and no `assume` or `{:verify false}` (nor any other escape hatch of
  /// ours); the code inside bodies may be rewritten, since the program is still checked against
  /// the unchanged specification, and new declarations of any kind may be added.
  DafnyBench
};

/// "strict" / "dafnybench".
std::string_view to_string(RuleSet rules);
/// The rule set a name denotes; nullopt for any other text.
std::optional<RuleSet> rule_set_from_string(std::string_view name);

/// The findings that count under `rules`, from the findings of verigen's own audit of an
/// annotate task (audit_candidate with TaskKind::Annotate): all of them under Strict; under
/// DafnyBench all but changed code (integrity.code-changed) and added declarations
/// (integrity.declaration-added).
std::vector<Diagnostic> findings_under(RuleSet rules, const std::vector<Diagnostic>& strict);

}  // namespace verigen::bench
