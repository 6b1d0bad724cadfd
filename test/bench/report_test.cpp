// Reports rendered from a small database written here: the markdown holds the expected
// numbers, the JSON every metric, and the SVG is well-formed XML with one curve per run.

#include "benchmarks/harness/report.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>

#include "test/bench/bench_fixtures.h"

using namespace verigen;
using namespace verigen::bench;
using namespace verigen::bench::test;

namespace {

// Two dafnycomp runs (k = 2) and one DafnyBench replay run, with hand-countable results.
std::vector<RunMetrics> small_database(const std::string& path) {
  auto opened = ResultStore::open(path);
  REQUIRE(opened.ok());
  ResultStore& store = **opened;
  auto gpt = *store.ensure_run(key("gpt"));
  // An awkward name: the SVG and markdown must escape it.
  auto odd = *store.ensure_run(key("a<b> & \"c\" | d"));
  auto replay = *store.ensure_run(RunKey{"dafnybench", "replay", "gpt-4o", 1, 0, 0, "{}"});
  // gpt: task a 1/2, task b 0/2, task c 2/2 → verified 50%, pass@1 50%, pass@2 66.7%.
  for (auto [task, category, verified] : {std::tuple{"a", "2", 1}, {"b", "2", 0}, {"c", "3", 2}})
    for (int i = 0; i < 2; ++i)
      REQUIRE(store
                  .record(gpt, sample(task, category, i,
                                      i < verified ? Outcome::Verified : Outcome::Refuted))
                  .ok());
  // odd: everything verified.
  for (int i = 0; i < 2; ++i)
    REQUIRE(store.record(odd, sample("a", "2", i, Outcome::Verified)).ok());
  // replay: 3 of 5 agree; t4 was recorded verified and Dafny refutes it; t5 was recorded
  // verified, our audit refuses it and Dafny alone verifies it.
  auto disagreeing = sample("t4", "x", 0, Outcome::Refuted, "3");
  disagreeing.detail = "t4.dfy(9,4): a postcondition could not be proved";
  auto refused = sample("t5", "x", 0, Outcome::Refuted, "0");
  refused.cause = Cause::Integrity;
  refused.integrity_rejected = true;
  refused.verifier_outcome = Outcome::Verified;
  refused.detail = "integrity: t5.dfy(3,1): error: executable code changed";
  REQUIRE(store.record(replay, refused).ok());
  REQUIRE(store.record(replay, sample("t1", "x", 0, Outcome::Verified, "0")).ok());
  REQUIRE(store.record(replay, sample("t2", "x", 0, Outcome::Refuted, "failed")).ok());
  REQUIRE(store.record(replay, sample("t3", "x", 0, Outcome::Verified, "1")).ok());
  REQUIRE(store.record(replay, disagreeing).ok());
  return compute_all(store);
}

std::size_t count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("report: markdown tables hold the expected numbers", "[unit]") {
  ScratchDir dir;
  auto runs = small_database(dir.file("results.db"));
  std::string md = render_markdown(runs);
  INFO(md);
  CHECK_THAT(md, Catch::Contains("## dafnycomp\n"));  // one section per suite
  CHECK_THAT(md, Catch::Contains("| pass@1 | pass@2 |"));
  // tasks 3, samples 6, verified 50.0%, solved 2, pass@1 50.0%, pass@2 66.7%, no rejections,
  // 2 calls and 3 s of verification per sample pair, 100/40 tokens per sample.
  CHECK_THAT(md, Catch::Contains("| gpt | openai | 2 | 1 | 7 | 3 | 6 | 50.0% | 2 | "
                                 "50.0% | 66.7% | 0 | 4.00 | 3.0 | 600/240 |"));
  // The pipe in the odd model's name is escaped, so its row keeps its columns.
  CHECK_THAT(md, Catch::Contains("a<b> & \"c\" \\| d | openai"));
  // By category: gpt on category 2 (tasks a and b).
  CHECK_THAT(md, Catch::Contains("| gpt | 2 | 2 | 4 | 25.0% | 1 | 25.0% | 50.0% |"));
  CHECK_THAT(md, Catch::Contains("| model | tasks | recorded | ours | Dafny alone | agree (ours) "
                                 "| rate (ours) | agree (Dafny alone) | rate (Dafny alone) |"));
  // 5 tasks, 4 recorded successes, 2 ours, 3 by Dafny alone (t5 despite the audit); ours agree
  // on t1-t3, Dafny alone also on t5.
  CHECK_THAT(md, Catch::Contains("| gpt-4o | 5 | 4 | 2 | 3 | 3/5 | 60.0% | 4/5 | 80.0% |"));
  // Disagreements in one collapsible block, grouped by class.
  CHECK_THAT(md, Catch::Contains("<details><summary>gpt-4o: 2 disagreements "
                                 "(integrity (our audit refused) 1 (Dafny alone verified 1), "
                                 "dafny refuted 1)</summary>"));
  CHECK_THAT(md, Catch::Contains("**dafny refuted** (1)\n\n- t4: recorded 3, ours refuted: "
                                 "t4.dfy(9,4): a postcondition could not be proved\n"));
  CHECK_THAT(md, Catch::Contains("- t5: recorded 0, Dafny alone verified — integrity: "
                                 "t5.dfy(3,1): error: executable code changed\n"));
  CHECK(md.find("**integrity") < md.find("**dafny refuted"));
  CHECK(count(md, "</details>") == 1);
  // Replay agreement appears only in the replay suite's section.
  CHECK(count(md, "### Agreement") == 1);
}

TEST_CASE("report: JSON carries every metric", "[unit]") {
  ScratchDir dir;
  auto json = render_json(small_database(dir.file("results.db")));
  REQUIRE(json["runs"].size() == 3);
  const auto& gpt = json["runs"][0];
  CHECK(gpt["model"] == "gpt");
  CHECK(gpt["options"]["timeout"] == 60);
  CHECK(gpt["overall"]["verified_rate"].get<double>() == Approx(0.5));
  CHECK(gpt["overall"]["pass_at_k"][1].get<double>() == Approx(2.0 / 3));
  CHECK(gpt["categories"][0]["category"] == "2");
  CHECK(gpt["agreement"].is_null());
  const auto& replay = json["runs"][2];
  CHECK(replay["agreement"]["agree"] == 3);
  CHECK(replay["agreement"]["tasks"] == 5);
  CHECK(replay["agreement"]["verifier_verified"] == 3);
  CHECK(replay["agreement"]["verifier_agree"] == 4);
  CHECK(replay["agreement"]["verifier_rate"].get<double>() == Approx(0.8));
  CHECK(replay["agreement"]["disagreements_by_class"]["integrity"] == 1);
  CHECK(replay["agreement"]["disagreements_by_class"]["refuted"] == 1);
  CHECK(replay["agreement"]["disagreements_by_class"]["timeout"] == 0);
  const auto& first = replay["agreement"]["disagreements"][0];
  CHECK(first["task_id"] == "t4");
  CHECK(first["outcome"] == "refuted");
  CHECK(first["class"] == "refuted");
  CHECK(first["verifier_outcome"] == "refuted");
  CHECK(replay["agreement"]["disagreements"][1]["class"] == "integrity");
  CHECK(replay["agreement"]["disagreements"][1]["verifier_outcome"] == "verified");
}

TEST_CASE("report: SVG is well-formed XML with one curve per run", "[unit]") {
  ScratchDir dir;
  auto runs = small_database(dir.file("results.db"));
  std::string svg = render_svg(runs);
  CHECK(count(svg, "<polyline") == runs.size());
  CHECK(count(svg, "<svg ") == 1);
  CHECK_THAT(svg, Catch::Contains("a&lt;b&gt; &amp; &quot;c&quot; | d"));
  // Bars: gpt has categories 2 and 3, odd has 2, the replay run x.
  CHECK(count(svg, "<title>") == 1 + 4);

  std::string path = dir.file("report.svg");
  std::ofstream(path) << svg;
  std::string command =
      "python3 -c 'import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])' '" + path + "'";
  CHECK(std::system(command.c_str()) == 0);
}

TEST_CASE("report: XML escaping", "[unit]") {
  CHECK(xml_escape("a<b>&\"'") == "a&lt;b&gt;&amp;&quot;&apos;");
  CHECK(xml_escape(std::string("bell\x07tab\t")) == "bell?tab\t");
  CHECK(xml_escape("caf\xc3\xa9") == "caf\xc3\xa9");
  CHECK(xml_escape("bad\xff") == "bad?");
}

TEST_CASE("report: an empty database still renders", "[unit]") {
  CHECK_THAT(render_markdown({}), Catch::Contains("No runs recorded."));
  CHECK(render_json({})["runs"].empty());
  CHECK_THAT(render_svg({}), Catch::Contains("no samples"));
}

// Contract: samples judged against a reference's contracts add the "Contracts against the
// reference" table: verified whatever the contract, not weaker (the solved count), superior and
// the superiority rate, overall and per category; a verified but weaker answer is counted there,
// not hidden, while it does not count as verified above.
TEST_CASE("report: contracts against the reference", "[unit]") {
  ScratchDir dir;
  auto opened = ResultStore::open(dir.file("c.db"));
  REQUIRE(opened.ok());
  ResultStore& store = **opened;
  auto run = *store.ensure_run(key("builtin"));
  auto same = sample("a", "2", 0, Outcome::Verified);
  same.contract = "equivalent";
  auto better = sample("b", "2", 0, Outcome::Verified);
  better.contract = "stronger";
  auto weaker = sample("c", "3", 0, Outcome::Refuted);
  weaker.cause = Cause::Integrity;
  weaker.integrity_rejected = true;
  weaker.verifier_outcome = Outcome::Verified;
  weaker.contract = "weaker";
  auto failed = sample("d", "3", 0, Outcome::Refuted);
  for (const auto& s : {same, better, weaker, failed}) REQUIRE(store.record(run, s).ok());
  auto runs = compute_all(store);
  REQUIRE(runs.size() == 1);
  const Stats& all = runs[0].overall;
  CHECK(all.verified_samples == 2);
  CHECK(all.verified_any_contract == 3);
  CHECK(all.contract_judged == 3);
  CHECK(all.superior_samples == 1);
  CHECK(all.superiority_rate == Approx(0.25));
  std::string md = render_markdown(runs);
  INFO(md);
  CHECK_THAT(md, Catch::Contains("### Contracts against the reference"));
  CHECK_THAT(md, Catch::Contains("| builtin | all | 4 | 3 | 2 | 1 | 25.0% |"));
  CHECK_THAT(md, Catch::Contains("| builtin | 3 | 2 | 1 | 0 | 0 | 0.0% |"));
}
