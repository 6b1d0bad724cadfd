// pass@k against values computed by hand, run and category aggregates, and agreement with
// recorded verdicts on a crafted replay run.

#include "benchmarks/harness/metrics.h"

#include <catch2/catch.hpp>

#include "test/bench/bench_fixtures.h"

using namespace verigen;
using namespace verigen::bench;
using namespace verigen::bench::test;

// 1 - C(n-c,k)/C(n,k), worked out on paper.
TEST_CASE("pass@k: the unbiased estimator on hand-computed values", "[unit]") {
  CHECK(pass_at_k(5, 2, 1) == Approx(0.4));  // 1 - C(3,1)/C(5,1) = 1 - 3/5
  CHECK(pass_at_k(5, 2, 2) == Approx(0.7));  // 1 - C(3,2)/C(5,2) = 1 - 3/10
  CHECK(pass_at_k(5, 2, 3) == Approx(0.9));  // 1 - C(3,3)/C(5,3) = 1 - 1/10
  CHECK(pass_at_k(5, 2, 4) == Approx(1.0));  // only 3 wrong: any 4 include a right one
  CHECK(pass_at_k(10, 0, 1) == 0);
  CHECK(pass_at_k(10, 0, 10) == 0);
  CHECK(pass_at_k(10, 10, 1) == 1);
  CHECK(pass_at_k(3, 1, 3) == 1);
  CHECK(pass_at_k(3, 1, 1) == Approx(1.0 / 3));
  CHECK(pass_at_k(10, 3, 5) == Approx(1.0 - 21.0 / 252));  // C(7,5)=21, C(10,5)=252
  // Large n stays finite and exact enough where binomials would overflow.
  CHECK(pass_at_k(1000, 1, 1) == Approx(0.001));
}

TEST_CASE("metrics: run and category aggregates", "[unit]") {
  RunInfo run{1, key("gpt", 2), "2024-01-01T00:00:00Z"};
  std::vector<SampleRecord> samples{
      sample("a", "2", 0, Outcome::Verified),  sample("a", "2", 1, Outcome::Refuted),
      sample("b", "2", 0, Outcome::Refuted),   sample("b", "2", 1, Outcome::Refuted),
      sample("c", "10", 0, Outcome::Verified), sample("c", "10", 1, Outcome::Verified),
  };
  samples[3].integrity_rejected = true;
  auto m = compute_metrics(run, samples);

  CHECK(m.overall.tasks == 3);
  CHECK(m.overall.samples == 6);
  CHECK(m.overall.verified_samples == 3);
  CHECK(m.overall.verified_rate == Approx(0.5));
  CHECK(m.overall.solved_tasks == 2);
  REQUIRE(m.overall.pass_at_k.size() == 2);
  CHECK(m.overall.pass_at_k[0] == Approx((0.5 + 0 + 1) / 3));
  CHECK(m.overall.pass_at_k[1] == Approx((1 + 0 + 1) / 3.0));
  CHECK(m.overall.integrity_rejections == 1);
  CHECK(m.overall.verifier_calls_per_task == Approx(4));  // 2 calls × 2 samples
  CHECK(m.overall.verify_seconds_per_task == Approx(3));
  CHECK(m.overall.prompt_tokens == 600);
  CHECK(m.overall.completion_tokens == 240);
  CHECK_FALSE(m.agreement.has_value());

  // Numeric order: "2" before "10".
  REQUIRE(m.categories.size() == 2);
  CHECK(m.categories.begin()->first == "2");
  const Stats& two = m.categories.at("2");
  CHECK(two.tasks == 2);
  CHECK(two.verified_rate == Approx(0.25));
  CHECK(two.pass_at_k[0] == Approx(0.25));
  CHECK(m.categories.at("10").pass_at_k == std::vector<double>{1, 1});
}

// A task with fewer samples bounds k: pass@2 cannot be estimated from one sample.
TEST_CASE("metrics: pass@k stops at the fewest samples of any task", "[unit]") {
  RunInfo run{1, key("gpt", 3), ""};
  auto m = compute_metrics(
      run, {sample("a", "2", 0, Outcome::Verified), sample("a", "2", 1, Outcome::Verified),
            sample("b", "2", 0, Outcome::Refuted)});
  CHECK(m.overall.pass_at_k == std::vector<double>{0.5});
  CHECK(compute_metrics(run, {}).overall.pass_at_k.empty());
}

// Recorded success is anything but "failed"; ours is Verified; every mismatch is listed.
TEST_CASE("metrics: agreement with recorded verdicts", "[unit]") {
  RunInfo run{1, RunKey{"dafnybench", "replay", "gpt-4o", 1, 0, 0, "{}"}, ""};
  std::vector<SampleRecord> samples{
      sample("t1", "x", 0, Outcome::Verified, "0"),       // agree: both verified
      sample("t2", "x", 0, Outcome::Refuted, "failed"),   // agree: both failed
      sample("t3", "x", 0, Outcome::Refuted, "3"),        // recorded verified, we refute
      sample("t4", "x", 0, Outcome::Verified, "failed"),  // recorded failed, we verify
      sample("t5", "x", 0, Outcome::Unknown, "2"),        // a timeout is not a success
      sample("t6", "x", 0, Outcome::Verified),            // nothing recorded: not compared
  };
  samples[2].detail = "t3.dfy(4,2): a postcondition could not be proved";
  auto m = compute_metrics(run, samples);
  REQUIRE(m.agreement.has_value());
  const Agreement& a = *m.agreement;
  CHECK(a.compared == 5);
  CHECK(a.ours_verified == 2);
  CHECK(a.recorded_verified == 3);
  CHECK(a.agree == 2);
  CHECK(a.rate == Approx(0.4));
  REQUIRE(a.disagreements.size() == 3);
  CHECK(a.disagreements[0].task_id == "t3");
  CHECK(a.disagreements[0].recorded == "3");
  CHECK(a.disagreements[0].outcome == Outcome::Refuted);
  CHECK(a.disagreements[0].reason == "t3.dfy(4,2): a postcondition could not be proved");
  CHECK(a.disagreements[1].task_id == "t4");
  CHECK(a.disagreements[2].cause == Cause::Timeout);
}

// Contract: every sample ends in exactly one of verified, rejected and not verified. A sample
// whose output the audit refused but whose task attempt 0 solved is verified only: counting it
// as rejected too made `bench run` print "not verified -1".
TEST_CASE("metrics: a refused output solved by attempt 0 counts once, as verified", "[unit]") {
  RunInfo run{1, RunKey{"dafnybench", "replay", "gpt-4o", 1, 0, 0, "{}"}, ""};
  SampleRecord zero = sample("a", "x", 0, Outcome::Verified, "0");
  zero.integrity_rejected = true;
  zero.detail = "attempt 0: the hint-free program verifies as it is; the output: integrity: x";
  SampleRecord refused = sample("b", "x", 0, Outcome::Refuted, "1");
  refused.cause = Cause::Integrity;
  refused.integrity_rejected = true;
  SampleRecord failed = sample("c", "x", 0, Outcome::Unknown, "1");
  SampleRecord plain = sample("d", "x", 0, Outcome::Verified, "0");
  CHECK(sample_end(zero) == SampleEnd::Verified);
  CHECK(verified_by_attempt_zero(zero));
  CHECK(sample_end(refused) == SampleEnd::Rejected);
  CHECK(sample_end(failed) == SampleEnd::NotVerified);
  CHECK(sample_end(plain) == SampleEnd::Verified);
  CHECK_FALSE(verified_by_attempt_zero(plain));
  auto m = compute_metrics(run, {zero, refused, failed, plain});
  CHECK(m.overall.verified_samples == 2);
  CHECK(m.overall.integrity_rejections == 1);
}

// Each disagreement gets one class: the audit's refusals first (whatever Dafny said), then
// timeouts (and resource limits), Dafny's refutations, everything else, and our successes the
// dataset recorded as failures. Dafny alone is measured beside the final verdict.
TEST_CASE("metrics: replay agreement of the final verdict and of Dafny alone, by class", "[unit]") {
  RunInfo run{1, RunKey{"dafnybench", "replay", "gpt-4o", 1, 0, 0, "{}"}, ""};
  auto refused = [](const std::string& task, std::string recorded, std::optional<Outcome> alone) {
    SampleRecord s = sample(task, "x", 0, Outcome::Refuted, std::move(recorded));
    s.cause = Cause::Integrity;
    s.integrity_rejected = true;
    s.verifier_outcome = alone;
    return s;
  };
  std::vector<SampleRecord> samples{
      sample("a_ok", "x", 0, Outcome::Verified, "0"),            // agree
      refused("b_integrity_dafny_ok", "2", Outcome::Verified),   // integrity; Dafny alone agrees
      refused("c_integrity_dafny_no", "1", Outcome::Refuted),    // integrity; Dafny alone too
      refused("d_integrity_agree", "failed", Outcome::Refuted),  // agree both ways
      refused("e_integrity_not_run", "0", std::nullopt),         // a version-1 sample
      sample("f_timeout", "x", 0, Outcome::Unknown, "0"),        // Cause::Timeout from the fixture
      sample("g_refuted", "x", 0, Outcome::Refuted, "3"),
      sample("h_parse", "x", 0, Outcome::Error, "0"),
      sample("i_ours_only", "x", 0, Outcome::Verified, "failed"),
      sample("j_resource", "x", 0, Outcome::Unknown, "1"),
  };
  samples[6].detail = "g.dfy(4,2): error: a postcondition could not be proved";
  samples[7].cause = Cause::BadInput;
  samples[9].cause = Cause::ResourceLimit;
  auto m = compute_metrics(run, samples);
  REQUIRE(m.agreement.has_value());
  const Agreement& a = *m.agreement;
  CHECK(a.tasks == 10);
  CHECK(a.compared == 10);
  CHECK(a.recorded_verified == 8);
  CHECK(a.ours_verified == 2);      // a, i
  CHECK(a.verifier_verified == 3);  // a, b, i
  CHECK(a.agree == 2);              // a, d
  CHECK(a.rate == Approx(0.2));
  CHECK(a.verifier_agree == 3);  // a, b, d
  CHECK(a.verifier_rate == Approx(0.3));
  CHECK(a.verifier_not_run == 1);
  CHECK(a.count(ReasonClass::Integrity) == 3);
  CHECK(a.count(ReasonClass::Timeout) == 2);
  CHECK(a.count(ReasonClass::Refuted) == 1);
  CHECK(a.count(ReasonClass::Other) == 1);
  CHECK(a.count(ReasonClass::Verified) == 1);
  REQUIRE(a.disagreements.size() == 8);
  CHECK(a.disagreements[0].task_id == "b_integrity_dafny_ok");
  CHECK(a.disagreements[0].verifier_outcome == Outcome::Verified);
  CHECK(a.disagreements[1].verifier_outcome == Outcome::Refuted);
  CHECK_FALSE(a.disagreements[2].verifier_outcome.has_value());
  CHECK(a.disagreements[4].reason_class == ReasonClass::Refuted);
  CHECK(a.disagreements[4].reason == "g.dfy(4,2): error: a postcondition could not be proved");
  CHECK(a.disagreements[5].reason_class == ReasonClass::Other);
  CHECK(a.disagreements[6].reason_class == ReasonClass::Verified);
  CHECK(a.disagreements[7].reason_class == ReasonClass::Timeout);
}

// Contract: CLEVER's end-to-end figure: a problem counts in a sample only when all four of its
// stages verified in that sample; it sits beside the per-stage categories.
TEST_CASE("metrics: CLEVER end to end beside the stages", "[unit]") {
  RunInfo run{1, key("gpt", 2), "2024-01-01T00:00:00Z"};
  std::vector<SampleRecord> samples;
  for (const char* stage : {"spec", "isomorphism", "implementation", "correctness"}) {
    samples.push_back(
        sample(std::string("clever/problem_0#") + stage, stage, 0, Outcome::Verified));
    samples.push_back(
        sample(std::string("clever/problem_0#") + stage, stage, 1,
               std::string(stage) == "correctness" ? Outcome::Refuted : Outcome::Verified));
    samples.push_back(sample(std::string("clever/problem_1#") + stage, stage, 0,
                             std::string(stage) == "spec" ? Outcome::Verified : Outcome::Error));
    samples.push_back(sample(std::string("clever/problem_1#") + stage, stage, 1, Outcome::Error));
  }
  auto m = compute_metrics(run, samples);
  REQUIRE(m.categories.count("end-to-end") == 1);
  const Stats& e2e = m.categories["end-to-end"];
  CHECK(e2e.tasks == 2);
  CHECK(e2e.samples == 4);
  CHECK(e2e.verified_samples == 1);
  CHECK(e2e.solved_tasks == 1);
  CHECK(m.categories["spec"].verified_samples == 3);
}
