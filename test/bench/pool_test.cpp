// Pools of published outputs without a verifier: how outputs merge into candidates, the two
// rule sets, the ranked search over a scripted back-end, and the metrics a report shows.

#include <catch2/catch.hpp>

#include "benchmarks/harness/bench_rules.h"
#include "benchmarks/harness/near_miss_completion.h"
#include "benchmarks/harness/output_pool.h"
#include "benchmarks/harness/pool_attempt.h"
#include "benchmarks/harness/pool_metrics.h"
#include "specs/integrity_audit.h"
#include "test/support/scripted_backend.h"

using namespace verigen;
using namespace verigen::bench;

namespace {

const std::string kTask = R"(method Sum(n: nat) returns (s: nat)
  ensures s == n * (n + 1) / 2
{
  s := 0;
  var i := 0;
  while i < n
  {
    i := i + 1;
    s := s + i;
  }
}
)";

const std::string kHonest = R"(method Sum(n: nat) returns (s: nat)
  ensures s == n * (n + 1) / 2
{
  s := 0;
  var i := 0;
  while i < n
    invariant 0 <= i <= n
    invariant s == i * (i + 1) / 2
  {
    i := i + 1;
    s := s + i;
  }
}
)";

PublishedOutputs model(std::string name, std::map<std::string, std::string> answers) {
  PublishedOutputs m;
  m.model = std::move(name);
  int id = 0;
  for (auto& [file, answer] : answers)
    m.by_file[file] = PublishedOutput{std::to_string(id++), file, answer, "failed"};
  return m;
}

std::string fenced(const std::string& code) { return "Here it is:\n```dafny\n" + code + "```\n"; }

/// kHonest respelled: other indentation, a comment, blank lines.
std::string respelled() {
  std::string out = "// the answer\n";
  for (char c : kHonest) {
    out += c;
    if (c == '\n') out += "  \n";
  }
  return out;
}

BenchTask task_of(const std::string& text) {
  BenchTask b;
  b.task.id = "sum_no_hints.dfy";
  b.task.language = Language::Dafny;
  b.task.kind = TaskKind::Annotate;
  b.task.spec_path = "sum_no_hints.dfy";
  b.task.spec_text = text;
  return b;
}

std::vector<Diagnostic> strict_findings(const std::string& candidate) {
  return audit_candidate(Language::Dafny, kTask, candidate, TaskKind::Annotate, "t.dfy");
}

}  // namespace

// Two spellings of one program are one candidate with both models as origins; an answer without
// a program (a truncated block) stays a candidate of its model's, never merged or verified, and
// bare prose is a "program" the audit will refuse.
TEST_CASE("pool: duplicates collapse with every origin kept; malformed outputs stay apart",
          "[unit][pool]") {
  auto pools = build_pools({model("a", {{"sum_no_hints.dfy", fenced(kHonest)}}),
                            model("b", {{"sum_no_hints.dfy", fenced(respelled())}}),
                            model("c", {{"sum_no_hints.dfy", "I cannot do this."}}),
                            model("d", {{"sum_no_hints.dfy", "```dafny\nmethod Sum("}}),
                            model("e", {{"other_no_hints.dfy", fenced(kTask)}})});
  REQUIRE(pools.size() == 2);
  const TaskPool& sum = pools.at("sum_no_hints.dfy");
  REQUIRE(sum.candidates.size() == 3);
  CHECK(sum.candidates[0].origins == std::vector<std::string>{"a", "b"});
  CHECK(sum.candidates[0].text == kHonest);
  CHECK(sum.candidates[1].origins == std::vector<std::string>{"c"});
  CHECK(sum.candidates[1].text.rfind("I cannot do this.", 0) == 0);
  CHECK(sum.candidates[2].origins == std::vector<std::string>{"d"});
  CHECK(sum.candidates[2].rejected.find("truncated") != std::string::npos);
  CHECK(sum.recorded.size() == 4);
  CHECK(pools.at("other_no_hints.dfy").candidates.size() == 1);
}

// The rules table: DafnyBench's checker lets a model rewrite the code (the verifier still
// checks it against the same specification) where verigen's annotate rules do not; a changed
// ensures, and an assume, fail both.
TEST_CASE("rules: a code rewrite passes dafnybench and fails strict; a changed ensures fails both",
          "[unit][pool]") {
  std::string rewrite = kHonest;
  rewrite.replace(rewrite.find("s := s + i;"), 11, "s := s + (i * 1);");
  auto strict = strict_findings(rewrite);
  REQUIRE_FALSE(strict.empty());
  CHECK(findings_under(RuleSet::DafnyBench, strict).empty());
  CHECK_FALSE(findings_under(RuleSet::Strict, strict).empty());

  std::string weaker = kHonest;
  weaker.replace(weaker.find("ensures s == n * (n + 1) / 2"), 28, "ensures s >= 0");
  auto changed = strict_findings(weaker);
  CHECK_FALSE(findings_under(RuleSet::Strict, changed).empty());
  CHECK_FALSE(findings_under(RuleSet::DafnyBench, changed).empty());

  std::string cheat = kTask;
  cheat.replace(cheat.find("  s := 0;"), 9, "  s := 0;\n  assume false;");
  CHECK_FALSE(findings_under(RuleSet::DafnyBench, strict_findings(cheat)).empty());

  CHECK(strict_findings(kHonest).empty());
  CHECK(rule_set_from_string("dafnybench") == RuleSet::DafnyBench);
  CHECK_FALSE(rule_set_from_string("lenient").has_value());
}

// The search verifies eligible candidates in ranked order and stops at the first success, or
// verifies them all with verify_all; audit refusals and answers without a program never reach
// the verifier; the record keeps origins, ranks, verdicts and calls.
TEST_CASE("pool search: ranked order, first success, verify-all, refusals kept out",
          "[unit][pool]") {
  std::string cheat = kTask;
  cheat.replace(cheat.find("  s := 0;"), 9, "  s := 0;\n  assume false;");
  auto pools = build_pools({model("good", {{"sum_no_hints.dfy", fenced(kHonest)}}),
                            model("cheat", {{"sum_no_hints.dfy", fenced(cheat)}}),
                            model("prose", {{"sum_no_hints.dfy", "no idea"}})});
  const TaskPool& pool = pools.at("sum_no_hints.dfy");
  test::ScriptedBackend backend;
  backend.answer(kHonest, Verdict::verified_by("dafny 4.11.0"))
      .otherwise(Verdict::refuted({}, "a postcondition could not be proved"));
  rank::Scorer untrained(rank::ModelDims{64, 64, 4}, 1, 0.1, rank::FeatureSet::Dafny);

  PoolSearch search;
  search.verify_all = true;
  SampleRecord all = search_pool(task_of(kTask), pool, untrained, backend, search, nullptr);
  CHECK(all.outcome == Outcome::Verified);
  CHECK(all.verifier_calls == 2);  // the hint-free program and the honest answer
  auto texts = backend.texts();
  CHECK(std::count(texts.begin(), texts.end(), cheat) == 0);
  auto record = PoolRecord::from_json(nlohmann::json::parse(all.pool));
  REQUIRE(record.ok());
  REQUIRE(record->entries.size() == 4);
  CHECK(record->entries[0].origins == std::vector<std::string>{kHintFreeOrigin});
  CHECK(record->entries[0].outcome == Outcome::Refuted);
  CHECK(record->entries[1].verified());
  CHECK(record->entries[1].rank > 0);
  CHECK(record->entries[2].rank == 0);  // the cheat: refused by the audit, never ranked
  CHECK_FALSE(record->entries[2].strict.empty());
  CHECK(record->entries[3].rank == 0);  // prose: refused by the audit
  CHECK_FALSE(record->entries[3].strict.empty());
  CHECK(record->first_verified_rank == record->entries[1].rank);

  // Without verify_all the search stops at the first success.
  test::ScriptedBackend second;
  second.otherwise(Verdict::verified_by("dafny 4.11.0"));
  SampleRecord first = search_pool(task_of(kTask), pool, untrained, second, PoolSearch{}, nullptr);
  CHECK(first.outcome == Outcome::Verified);
  CHECK(first.verifier_calls == 1);
}

// A hint-free file the hint removal damaged (half of a multi-line invariant left behind, so
// brackets no longer pair up) cannot be audited against; the suite's reference program, which
// has the same specification and code, stands in for it. An honest answer is then verified; an
// answer that weakens the ensures is still refused; without a reference every candidate is
// refused for the unreadable original, as before.
TEST_CASE("pool search: a damaged hint-free file is audited against the reference",
          "[unit][pool]") {
  std::string damaged = kTask;
  damaged.replace(damaged.find("  {\n    i := i + 1;"), 0, "      ==> s <= i * (i + 1))\n");
  std::string weaker = kHonest;
  weaker.replace(weaker.find("ensures s == n * (n + 1) / 2"), 28, "ensures s >= 0");
  auto pools = build_pools({model("good", {{"sum_no_hints.dfy", fenced(kHonest)}}),
                            model("weak", {{"sum_no_hints.dfy", fenced(weaker)}})});
  const TaskPool& pool = pools.at("sum_no_hints.dfy");
  rank::Scorer untrained(rank::ModelDims{64, 64, 4}, 1, 0.1, rank::FeatureSet::Dafny);
  PoolSearch search;
  search.verify_all = true;

  BenchTask task = task_of(damaged);
  task.reference = kHonest;
  test::ScriptedBackend backend;
  backend.otherwise(Verdict::verified_by("dafny 4.11.0"));
  SampleRecord with_reference = search_pool(task, pool, untrained, backend, search, nullptr);
  CHECK(with_reference.outcome == Outcome::Verified);
  auto record = PoolRecord::from_json(nlohmann::json::parse(with_reference.pool));
  REQUIRE(record.ok());
  REQUIRE(record->entries.size() == 3);
  CHECK(record->entries[1].origins == std::vector<std::string>{"good"});
  CHECK(record->entries[1].strict.empty());
  CHECK(record->entries[1].verified());
  CHECK(record->entries[2].origins == std::vector<std::string>{"weak"});
  CHECK(record->entries[2].dafnybench.find("contract") != std::string::npos);
  CHECK(record->entries[2].rank == 0);
  auto texts = backend.texts();
  CHECK(std::count(texts.begin(), texts.end(), weaker) == 0);

  task.reference.clear();
  test::ScriptedBackend none;
  none.otherwise(Verdict::verified_by("dafny 4.11.0"));
  SampleRecord without = search_pool(task, pool, untrained, none, search, nullptr);
  CHECK(without.outcome != Outcome::Verified);
  auto refused = PoolRecord::from_json(nlohmann::json::parse(without.pool));
  REQUIRE(refused.ok());
  CHECK(refused->entries[1].strict.find("could not be read") != std::string::npos);
}

// Metrics replay the orders over verify-all verdicts: the oracle, the ranker's V@1, a fixed
// model order, each model alone, and agreement with the recorded verdicts under each rule set.
TEST_CASE("pool metrics: oracle, strategies and agreement from pool records", "[unit][pool]") {
  auto entry = [](std::vector<std::string> origins, int rank, std::optional<Outcome> outcome,
                  std::string strict = "") {
    PoolEntry e;
    e.origins = std::move(origins);
    e.rank = rank;
    e.outcome = outcome;
    e.strict = std::move(strict);
    return e;
  };
  PoolRecord one;  // the ranker puts model b's verified answer first
  one.rules = "dafnybench";
  one.verify_all = true;
  one.recorded = {{"a", "failed"}, {"b", "2"}};
  one.entries = {entry({kHintFreeOrigin}, 3, Outcome::Refuted), entry({"a"}, 2, Outcome::Refuted),
                 entry({"b"}, 1, Outcome::Verified, "code changed")};
  PoolRecord two;  // nothing verifies; DafnyBench recorded a success for a
  two.rules = "dafnybench";
  two.verify_all = true;
  two.recorded = {{"a", "1"}, {"b", "failed"}};
  two.entries = {entry({kHintFreeOrigin}, 1, Outcome::Refuted),
                 entry({"a", "b"}, 2, Outcome::Unknown)};
  auto m = compute_pool_metrics({{"one", one}, {"two", two}});
  CHECK(m.tasks == 2);
  CHECK(m.oracle == 1);
  CHECK(m.outputs == 4);
  REQUIRE(m.strategies.size() >= 3);
  CHECK(m.strategies[0].name == "ranker");
  CHECK(m.strategies[0].solved == 1);
  CHECK(m.strategies[0].v_at_1 == 1);
  CHECK(m.strategies[0].calls == 1 + 2);  // one call on task one, both candidates of task two
  REQUIRE(m.agreement.size() == 2);
  const auto& strict = m.agreement[0];
  const auto& lenient = m.agreement[1];
  CHECK(strict.rules == "strict");
  CHECK(lenient.models.at("b").agree == 2);
  CHECK(strict.models.at("b").agree == 1);  // strict refuses b's rewrite of the code
  CHECK(lenient.by_class.at("timeout") == 1);
  REQUIRE(m.per_task.size() == 2);
  CHECK(m.per_task[0].verified_origins == std::vector<std::string>{"b"});
  CHECK(m.per_task[1].verified_origins.empty());
}

// A near miss's invariants come out of its loops (one line or several, with or without the
// body's brace on the same line), to go back in as Houdini seeds.
TEST_CASE("completion: a candidate's invariants are stripped as seeds", "[unit][pool]") {
  std::string program = R"(method M(n: nat) {
  var i := 0;
  while i < n
    invariant 0 <= i
      && i <= n
    invariant i >= 0 {
    i := i + 1;
  }
}
)";
  auto stripped = strip_invariants(program);
  REQUIRE(stripped.invariants.size() == 2);
  CHECK(stripped.invariants[0].first == "0 <= i && i <= n");
  CHECK(stripped.invariants[1].first == "i >= 0");
  CHECK(stripped.program.find("invariant") == std::string::npos);
  CHECK(stripped.program.find("while i < n\n{") != std::string::npos);
  CHECK(stripped.program.find("i := i + 1;") != std::string::npos);
}
