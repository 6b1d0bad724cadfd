#include "rank/features.h"

#include <catch2/catch.hpp>

using namespace verigen::rank;

// The tokenizer reads SMT-LIB and Dafny alike: names with '-' and '!', multi-character
// operators, numerals, brackets; SMT-LIB comment lines and // comments are skipped.
TEST_CASE("tokenize splits SMT-LIB and Dafny text", "[unit]") {
  auto tokens = tokenize("; a comment line\n(define-fun post_fun ((x! Int)) Bool (<= x 10))");
  std::vector<std::string> texts;
  for (const auto& t : tokens) texts.push_back(t.text);
  CHECK(texts == std::vector<std::string>{"(", "define-fun", "post_fun", "(", "(", "x!", "Int", ")",
                                          ")", "Bool", "(", "<=", "x", "10", ")", ")"});
  auto dafny = tokenize("invariant 0 <= i <= a.Length && x!=y // why\n  ==> s[i]");
  std::vector<std::string> dafny_texts;
  for (const auto& t : dafny) dafny_texts.push_back(t.text);
  CHECK(dafny_texts == std::vector<std::string>{"invariant", "0", "<=", "i", "<=", "a.Length", "&&",
                                                "x", "!=", "y", "==>", "s", "[", "i", "]"});
  CHECK(dafny[1].kind == TokenKind::Numeral);
  CHECK(dafny[2].kind == TokenKind::Operator);
}

// Feature hashing is a pure function of the text and the dimensions: no std::hash, no
// iteration over unordered containers. The vectors are sorted, unit-length and in range.
TEST_CASE("feature hashing is deterministic and normalised", "[unit]") {
  const std::string task = "(define-fun post_fun ((x Int) (n Int)) Bool (<= x n))";
  const std::string cand = "(and (<= x n) (>= x 0))";
  auto a = task_features(task, 1024);
  auto b = task_features(task, 1024);
  REQUIRE(a.entries == b.entries);
  auto profile = profile_task(task);
  auto c1 = candidate_features(profile, cand, 2048);
  auto c2 = candidate_features(profile_task(task), cand, 2048);
  REQUIRE(c1.entries == c2.entries);
  double norm = 0;
  for (std::size_t i = 0; i < c1.entries.size(); ++i) {
    CHECK(c1.entries[i].first < 2048u);
    if (i) CHECK(c1.entries[i - 1].first < c1.entries[i].first);
    norm += c1.entries[i].second * c1.entries[i].second;
  }
  CHECK(norm == Approx(1.0));
  // Pinned values: a change to the hash or the feature names changes what every trained model
  // means and must come with a new kFeatureVersion.
  auto pinned = task_features("x", 64);
  CHECK(pinned.entries.size() == 10u);
  CHECK(pinned.entries.front().first == 15u);
}

// The profile separates variables from keywords; cross features make the candidate vector
// depend on the task (the same candidate text against another task gives another vector).
TEST_CASE("candidate features depend on the task", "[unit]") {
  auto profile =
      profile_task("(define-fun post_fun ((x Int) (n Int)) Bool (and (<= x n) (>= n 3)))");
  CHECK(profile.variables == std::set<std::string>{"post_fun", "x", "n"});
  CHECK(profile.constants == std::set<std::string>{"3"});
  auto other = profile_task("(define-fun post_fun ((y Int) (m Int)) Bool (<= y m))");
  auto here = candidate_features(profile, "(<= x 3)", 512);
  auto there = candidate_features(other, "(<= x 3)", 512);
  CHECK(here.entries != there.entries);
  CHECK(candidate_features(profile, "", 512).entries.size() > 0);  // structure and bias remain
}
