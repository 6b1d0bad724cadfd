// The Dafny feature set of the scorer, on small hand-written candidates: what it sees a
// candidate add and change, and how the shipped Dafny model orders an honest answer and a cheat.

#include "rank/dafny_features.h"

#include <catch2/catch.hpp>

#include "rank/scorer.h"

using namespace verigen::rank;

namespace {

const char* kTask = R"(method AllPositive(a: array<int>) returns (ok: bool)
  ensures ok <==> forall k :: 0 <= k < a.Length ==> a[k] > 0
{
  var i := 0;
  while i < a.Length
  {
    if a[i] <= 0 { return false; }
    i := i + 1;
  }
  return true;
}
)";

const char* kHonest = R"(method AllPositive(a: array<int>) returns (ok: bool)
  ensures ok <==> forall k :: 0 <= k < a.Length ==> a[k] > 0
{
  var i := 0;
  while i < a.Length
    invariant 0 <= i <= a.Length
    invariant forall k :: 0 <= k < i ==> a[k] > 0
  {
    if a[i] <= 0 { return false; }
    i := i + 1;
  }
  return true;
}
)";

// Proves nothing: it assumes the postcondition's loop fact instead.
const char* kCheat = R"(method AllPositive(a: array<int>) returns (ok: bool)
  ensures ok <==> forall k :: 0 <= k < a.Length ==> a[k] > 0
{
  var i := 0;
  while i < a.Length
  {
    if a[i] <= 0 { assume false; return false; }
    i := i + 1;
  }
  assume forall k :: 0 <= k < a.Length ==> a[k] > 0;
  return true;
}
)";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  text.replace(text.find(from), from.size(), to);
  return text;
}

}  // namespace

// An added quantified invariant is seen as such, beside a ground one, and nothing else changed.
TEST_CASE("dafny features: an added quantified invariant is seen", "[unit][rank]") {
  auto f = dafny_candidate_facts(kTask, kHonest);
  CHECK(f.added["invariant"] == 2);
  CHECK(f.added["quantified-invariant"] == 1);
  CHECK(f.added["ground-invariant"] == 1);
  CHECK(f.changed_contracts == 0);
  CHECK(f.changed_code == 0);
  CHECK(f.changed_signatures == 0);
  CHECK_FALSE(f.unbalanced);
  auto nothing = dafny_candidate_facts(kTask, kTask);
  CHECK(nothing.added.empty());
}

// What a candidate changed: a contract, the code, a header; an escape hatch; broken syntax.
TEST_CASE("dafny features: changed contracts, code and syntax, and escape hatches",
          "[unit][rank]") {
  auto weaker = dafny_candidate_facts(kTask, replaced(kHonest, "a[k] > 0\n{", "true\n{"));
  CHECK(weaker.changed_contracts == 2);  // one clause gone, another added
  auto rewrite = dafny_candidate_facts(kTask, replaced(kHonest, "i := i + 1;", "i := 1 + i;"));
  CHECK(rewrite.changed_code == 0);  // the same tokens in another order: a multiset
  auto more = dafny_candidate_facts(kTask, replaced(kHonest, "i := i + 1;", "i := i + 2 - 1;"));
  CHECK(more.changed_code > 0);
  auto cheat = dafny_candidate_facts(kTask, kCheat);
  CHECK(cheat.added["assume"] == 2);
  CHECK(dafny_candidate_facts(kTask, replaced(kHonest, "return true;\n}", "return true;"))
            .unbalanced);
  auto header = dafny_candidate_facts(kTask, replaced(kHonest, "(ok: bool)", "(ok: bool, n: int)"));
  CHECK(header.changed_signatures == 1);
}

// The models that wrote a candidate are features; the vectors are deterministic and unit length.
TEST_CASE("dafny features: origins are features, vectors deterministic", "[unit][rank]") {
  auto a = dafny_candidate_features(kTask, kHonest, "gpt-4o", 1024);
  auto again = dafny_candidate_features(kTask, kHonest, "gpt-4o", 1024);
  auto b = dafny_candidate_features(kTask, kHonest, "gpt-4o+claude-3-opus", 1024);
  CHECK(a.entries == again.entries);
  CHECK(a.entries != b.entries);
  double norm = 0;
  for (const auto& [i, v] : a.entries) norm += static_cast<double>(v) * v;
  CHECK(norm == Approx(1.0).epsilon(1e-4));
}

// The vector sees what matters for ranking: an escape hatch, brackets that do not pair up, and
// agreement, told apart for the hint-free program (models saying it needs no hint) and for a
// program several models wrote.
TEST_CASE("dafny features: escape hatches, syntax and agreement change the vector",
          "[unit][rank]") {
  auto honest = dafny_candidate_features(kTask, kHonest, "gpt-4o", 1024);
  CHECK(dafny_candidate_features(kTask, kCheat, "gpt-4o", 1024).entries != honest.entries);
  CHECK(dafny_candidate_features(kTask, replaced(kHonest, "return true;\n}", "return true;"),
                                 "gpt-4o", 1024)
            .entries != honest.entries);
  auto kept = dafny_candidate_features(kTask, kTask, "hint-free+gpt-4o", 1024);
  auto written = dafny_candidate_features(kTask, kTask, "claude-3-opus+gpt-4o", 1024);
  CHECK(kept.entries != written.entries);
}

// The dafny-content set also sees what a candidate added: a quantified invariant beside a
// ground one tells it apart from the ground one alone, which the writers-only set cannot.
TEST_CASE("dafny features: the content set sees the hints a candidate added", "[unit][rank]") {
  const std::string ground_only =
      replaced(kHonest, "    invariant forall k :: 0 <= k < i ==> a[k] > 0\n", "");
  auto plain_full = dafny_candidate_features(kTask, kHonest, "gpt-4o", 1024);
  auto plain_ground = dafny_candidate_features(kTask, ground_only, "gpt-4o", 1024);
  CHECK(plain_full.entries == plain_ground.entries);
  auto full = dafny_candidate_features(kTask, kHonest, "gpt-4o", 1024, true);
  auto ground = dafny_candidate_features(kTask, ground_only, "gpt-4o", 1024, true);
  CHECK(full.entries != ground.entries);
  CHECK(full.entries != plain_full.entries);
  REQUIRE(feature_set_from_string("dafny-content") == FeatureSet::DafnyContent);
  CHECK(to_string(FeatureSet::DafnyContent) == "dafny-content");
  CHECK(is_dafny(FeatureSet::DafnyContent));
  CHECK_FALSE(is_dafny(FeatureSet::Tokens));
  // The names --features accepts and model files store round-trip; nothing else is a set.
  for (const auto& name : feature_set_names()) {
    REQUIRE(feature_set_from_string(name));
    CHECK(to_string(*feature_set_from_string(name)) == name);
  }
  CHECK(feature_set_names().size() == kFeatureSets.size());
  CHECK_FALSE(feature_set_from_string("dafny_content"));
}

// The shipped Dafny model (trained on DafnyBench outputs, audit refusals as negatives) puts an
// honest answer above a cheat and above the unchanged program from the same model, and a
// program two models agree on above one model's.
TEST_CASE("dafny model: a cheat ranks below an honest answer", "[unit][rank]") {
  const Scorer& model = Scorer::default_dafny_model();
  REQUIRE(model.feature_set() == FeatureSet::Dafny);
  auto task = model.prepare(kTask);
  CHECK(model.score(task, kHonest, "gpt-4o") > model.score(task, kCheat, "gpt-4o"));
  CHECK(model.score(task, kHonest, "gpt-4o") > model.score(task, kTask, "gpt-4o"));
  CHECK(model.score(task, kHonest, "gpt-4o+gpt-4-turbo") > model.score(task, kHonest, "gpt-4o"));
}
