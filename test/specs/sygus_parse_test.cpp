// The SyGuS-INV reader: s-expressions, problems, candidate invariants, and the messages that
// point at the faulty place.

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "specs/sygus/problem.h"

using namespace verigen;
using namespace verigen::sygus;
namespace fs = std::filesystem;

namespace {

const fs::path kFixtures = fs::path(VERIGEN_SOURCE_DIR) / "test" / "fixtures" / "sygus";

Problem load(const std::string& name) {
  auto p = load_problem((kFixtures / name).string());
  INFO((p.ok() ? "" : p.error()));
  REQUIRE(p.ok());
  return std::move(p).value();
}

// A well-formed LIA problem around `pre`, `trans` and `post` bodies over (x Int) (y Int).
std::string lia(const std::string& pre, const std::string& trans, const std::string& post,
                const std::string& tail = "(inv-constraint inv_fun pre_fun trans_fun post_fun)\n") {
  return "(set-logic LIA)\n"
         "(synth-inv inv_fun ((x Int) (y Int)))\n"
         "(define-fun pre_fun ((x Int) (y Int)) Bool\n  " +
         pre +
         ")\n"
         "(define-fun trans_fun ((x Int) (y Int) (x! Int) (y! Int)) Bool\n  " +
         trans +
         ")\n"
         "(define-fun post_fun ((x Int) (y Int)) Bool\n  " +
         post + ")\n" + tail + "(check-synth)\n";
}

// The error of parsing `text` as t.sl; fails the test when it parses.
std::string error_of(const std::string& text) {
  auto p = parse_problem(text, "t.sl");
  REQUIRE_FALSE(p.ok());
  return p.error();
}

}  // namespace

// Contract: the shapes of the dataset are read into the model: logic, variables in order and
// with their sorts, the inv-constraint's names, every define-fun.
TEST_CASE("sygus: problems of each dataset shape parse", "[unit]") {
  SECTION("LIA") {
    Problem p = load("lia.sl");
    CHECK(p.logic == "LIA");
    CHECK(p.inv_name == "inv_fun");
    REQUIRE(p.variables.size() == 2);
    CHECK(p.variables[0].name == "x");
    CHECK(p.variables[1].sort == Sort::Int);
    CHECK(p.pre == "pre_fun");
    CHECK(p.trans == "trans_fun");
    CHECK(p.post == "post_fun");
    CHECK(p.primed("x") == "x!");
    REQUIRE(p.function("post_fun"));
    CHECK(to_smtlib(p.function("post_fun")->body) == "(<= x n)");
  }
  SECTION("NIA: nonlinear multiplication") {
    Problem p = load("nia.sl");
    CHECK(p.logic == "NIA");
    CHECK(to_smtlib(p.function("post_fun")->body) == "(=> (>= x n) (= y (* n n)))");
  }
  SECTION("ALIA: arrays and a quantified post") {
    Problem p = load("alia.sl");
    CHECK(p.logic == "ALIA");
    CHECK(p.variables[0].sort == Sort::IntArray);
    CHECK(to_string(p.variables[0].sort) == "(Array Int Int)");
    CHECK(p.function("post_fun")->body.items[2].head() == "forall");
  }
  SECTION("ALIA: an array of Bool") {
    Problem p = load("bool_array.sl");
    REQUIRE(p.variables.size() == 3);
    CHECK(p.variables[0].sort == Sort::BoolArray);
    CHECK(to_string(p.variables[0].sort) == "(Array Int Bool)");
    CHECK(is_array(Sort::BoolArray));
    CHECK(element_sort(Sort::BoolArray) == Sort::Bool);
    // select on a Bool array is a Bool, store takes a Bool, a constant array a Bool value.
    CHECK(parse_invariant("(forall ((j Int)) (=> (< j i) (select a j)))", p, "t").ok());
    CHECK(parse_invariant("(= a (store a i false))", p, "t").ok());
    CHECK(parse_invariant("(= a ((as const (Array Int Bool)) true))", p, "t").ok());
    auto as_int = parse_invariant("(>= (select a i) 0)", p, "t");
    REQUIRE_FALSE(as_int.ok());
    CHECK(as_int.error().find("expected Int, got Bool") != std::string::npos);
    auto int_into_bool = parse_invariant("(= a (store a i 1))", p, "t");
    REQUIRE_FALSE(int_into_bool.ok());
    CHECK(int_into_bool.error().find("expected Bool, got Int") != std::string::npos);
    auto not_array = parse_invariant("(select i 0)", p, "t");
    REQUIRE_FALSE(not_array.ok());
    CHECK(not_array.error().find("expects an array") != std::string::npos);
  }
  SECTION("Bool variables, a helper define-fun and let") {
    Problem p = load("lustre_bool.sl");
    CHECK(p.inv_name == "str_invariant");
    CHECK(p.variables[0].sort == Sort::Bool);
    CHECK(p.variables[0].name == "top.on");
    CHECK(p.functions.size() == 4);
    CHECK(p.functions[0].name == "__node_step");
    CHECK(p.functions[0].result == Sort::Int);
    CHECK(p.pre == "init");
    CHECK(p.function("trans")->body.head() == "let");
    CHECK(p.primed("top.count") == "top.count!");
  }
}

// Contract: s-expressions keep their places; to_smtlib prints negative numerals as (- n) and
// quotes symbols that need it.
TEST_CASE("sygus: s-expressions keep places and print as SMT-LIB", "[unit]") {
  auto parsed = parse_sexprs("; c\n (a |b c|\n  12)", "s");
  REQUIRE(parsed.ok());
  REQUIRE(parsed->size() == 1);
  const SExpr& e = (*parsed)[0];
  CHECK(e.place.line == 2);
  CHECK(e.place.column == 2);
  CHECK(e.items[2].place.line == 3);
  CHECK(e.items[2].place.column == 3);
  CHECK(e.items[2].is_numeral());
  CHECK(to_smtlib(e) == "(a |b c| 12)");
  CHECK(to_smtlib(SExpr::list({SExpr::symbol("+"), SExpr::numeral("-5")})) == "(+ (- 5))");
}

// Contract: every malformed input gives `PATH:LINE:COL: error: ...` at the faulty place.
TEST_CASE("sygus: malformed problems are reported at their place", "[unit]") {
  SECTION("unbalanced parenthesis: the list never closed") {
    auto e = error_of(lia("(and (= x 0) (= y 0)", "(= x! x)", "(>= x 0)"));
    CHECK(e.rfind("t.sl:", 0) == 0);
    CHECK(e.find("unbalanced") != std::string::npos);
  }
  SECTION("unbalanced parenthesis: a stray ')'") {
    CHECK(error_of("(set-logic LIA))\n").rfind("t.sl:1:16: error: unbalanced", 0) == 0);
  }
  SECTION("unknown symbol") {
    auto e = error_of(lia("(= x 0)", "(= x! (+ x q))", "(>= x 0)"));
    CHECK(e == "t.sl:6:14: error: unknown symbol 'q'");
  }
  SECTION("type error: Int where Bool is expected") {
    auto e = error_of(lia("(and (= x 0) y)", "(= x! x)", "(>= x 0)"));
    CHECK(e.rfind("t.sl:4:16: error: type error: expected Bool, got Int", 0) == 0);
  }
  SECTION("a post returning Int") {
    auto e = error_of(lia("(= x 0)", "(= x! x)", "(+ x 1)"));
    CHECK(e.rfind("t.sl:8:3: error: type error: expected Bool, got Int", 0) == 0);
  }
  SECTION("missing inv-constraint") {
    auto e = error_of(lia("(= x 0)", "(= x! x)", "(>= x 0)", ""));
    CHECK(e == "t.sl:10:1: error: missing inv-constraint");
  }
  SECTION("wrong arity of a builtin") {
    auto e = error_of(lia("(= x 0)", "(= x! (ite (> x 0) x))", "(>= x 0)"));
    CHECK(e.rfind("t.sl:6:9: error: wrong number of arguments: 'ite' expects 3, got 2", 0) == 0);
  }
  SECTION("wrong arity of a call to a define-fun") {
    auto e = error_of(lia("(= x 0)", "(= x! x)", "(pre_fun x)"));
    CHECK(e.rfind("t.sl:8:3: error: wrong number of arguments: 'pre_fun' expects 2, got 1", 0) ==
          0);
  }
  SECTION("trans with the wrong parameters for inv-constraint") {
    std::string text = lia("(= x 0)", "(= x! x)", "(>= x 0)",
                           "(inv-constraint inv_fun pre_fun post_fun post_fun)\n");
    CHECK(error_of(text).rfind("t.sl:9:33: error: 'post_fun' must take (Int Int Int Int)", 0) == 0);
  }
  SECTION("non-UTF-8 bytes") {
    std::string text = "(set-logic LIA)\n(synth-inv \xff\xfe)\n";
    CHECK(error_of(text).rfind("t.sl:2:12: error: invalid UTF-8", 0) == 0);
  }
  SECTION("garbage characters") {
    CHECK(error_of("(set-logic LIA)\n  {oops}\n")
              .rfind("t.sl:2:3: error: unexpected character '{'", 0) == 0);
  }
  SECTION("empty file") {
    CHECK(error_of("") == "t.sl:1:1: error: empty problem: no commands");
    CHECK(error_of("  ; only a comment\n") == "t.sl:1:1: error: empty problem: no commands");
  }
}

// Contract: a missing file is a Failure naming it, not an exception.
TEST_CASE("sygus: a missing file is reported with its path", "[unit]") {
  auto p = load_problem("/nonexistent/dir/problem.sl");
  REQUIRE_FALSE(p.ok());
  CHECK(p.error().rfind("/nonexistent/dir/problem.sl: error:", 0) == 0);
}

// Contract: parse_invariant accepts a bare body or a whole define-fun, returns a Bool term over
// the problem's own variable names, and rejects unknown names and non-Bool bodies with the
// origin's place.
TEST_CASE("sygus: candidate invariants", "[unit]") {
  Problem p = load("lia.sl");
  SECTION("bare body") {
    auto inv = parse_invariant("(and (>= x 0) (<= x n))", p, "cand");
    REQUIRE(inv.ok());
    CHECK(to_smtlib(*inv) == "(and (>= x 0) (<= x n))");
  }
  SECTION("whole define-fun with the problem's parameter names") {
    auto inv = parse_invariant("(define-fun inv_fun ((x Int) (n Int)) Bool (<= x n))", p, "cand");
    REQUIRE(inv.ok());
    CHECK(to_smtlib(*inv) == "(<= x n)");
  }
  SECTION("whole define-fun with its own parameter names is rebound to the problem's") {
    auto inv = parse_invariant("(define-fun inv_fun ((a Int) (b Int)) Bool (<= a b))", p, "cand");
    REQUIRE(inv.ok());
    CHECK(to_smtlib(*inv) == "(let ((a x) (b n)) (<= a b))");
  }
  SECTION("unknown variable") {
    auto inv = parse_invariant("(and (>= x 0)\n  (<= q n))", p, "openai#3");
    REQUIRE_FALSE(inv.ok());
    CHECK(inv.error() == "openai#3:2:7: error: unknown symbol 'q'");
  }
  SECTION("Int-typed body") {
    auto inv = parse_invariant("(+ x n)", p, "cand");
    REQUIRE_FALSE(inv.ok());
    CHECK(inv.error().rfind("cand:1:1: error: type error: expected Bool, got Int", 0) == 0);
  }
  SECTION("invariant_definition prints a define-fun that reads back") {
    auto inv = parse_invariant("(<= x n)", p, "cand");
    REQUIRE(inv.ok());
    std::string def = invariant_definition(p, *inv);
    CHECK(def == "(define-fun inv_fun ((x Int) (n Int)) Bool (<= x n))");
    CHECK(parse_invariant(def, p, "again").ok());
  }
}
