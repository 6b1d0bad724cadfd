#include "benchmarks/harness/pool_attempt.h"

#include <algorithm>
#include <numeric>

#include "backends/verifier_stack.h"
#include "benchmarks/harness/near_miss_completion.h"
#include "benchmarks/harness/pool_record.h"
#include "core/hash.h"
#include "core/process.h"
#include "core/run_log_record.h"
#include "core/text_lines.h"
#include "core/verdict_json.h"
#include "specs/dafny/structure.h"
#include "specs/integrity_audit.h"

namespace verigen::bench {
namespace {

std::string joined(const std::vector<std::string>& items, const char* separator) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : separator) + item;
  return out;
}

/// A diagnostic as one line, for the record.
std::string one_line(const Diagnostic& d) { return on_one_line(format_diagnostic(d)); }

std::string first_error(const Verdict& v) {
  if (v.cause == Cause::Timeout) return "timeout: " + v.detail;
  for (const auto& d : v.diagnostics)
    if (d.severity == Severity::Error) return one_line(d);
  return v.detail;
}

/// The program candidates are audited against: the task's hint-free program, or, when removing
/// the hints damaged it so that it cannot be read (a multi-line invariant cut in half leaves
/// brackets that do not pair up), the suite's reference program. The reference holds the same
/// specification and code, and the hints the audit sets aside anyway; without it every
/// candidate of such a task would be refused for a fault of the task.
const std::string& audit_original(const BenchTask& bench_task) {
  const std::string& hint_free = bench_task.task.spec_text;
  if (bench_task.reference.empty() || !dafny::parse_structure(hint_free).error) return hint_free;
  if (dafny::parse_structure(bench_task.reference).error) return hint_free;
  return bench_task.reference;
}

/// A pool candidate being judged: its program and what each step said of it.
struct Judged {
  std::string text;
  PoolEntry entry;
  std::vector<Diagnostic> active;  ///< findings under the run's rules
  std::optional<Verdict> verdict;
};

/// Whether a failure is a near miss worth completing: the verifier named an invariant, a
/// postcondition or an assertion (not a parse, resolution or type error, nor a time-out).
bool near_miss(const PoolEntry& e) {
  if (e.outcome != Outcome::Refuted) return false;
  for (const char* word : {"invariant", "postcondition", "assertion"})
    if (e.detail.find(word) != std::string::npos) return true;
  return false;
}

}  // namespace

SampleRecord search_pool(const BenchTask& bench_task, const TaskPool& pool,
                         const rank::Scorer& scorer, Backend& backend, const PoolSearch& search,
                         RunLog* log) {
  const Task& task = bench_task.task;
  SampleRecord record;
  PoolRecord out;
  out.rules = std::string(to_string(search.rules));
  out.verify_all = search.verify_all;
  out.recorded = pool.recorded;

  // The hint-free program is a candidate like any other (adding no hint is an answer), first in
  // the pool; a model that returned it unchanged joins its origins.
  std::vector<Judged> judged;
  {
    Judged hint_free;
    hint_free.text = task.spec_text;
    hint_free.entry.origins = {kHintFreeOrigin};
    judged.push_back(std::move(hint_free));
  }
  const std::string hint_free_key = pool_key(task.spec_text);
  for (const auto& c : pool.candidates) {
    if (c.rejected.empty() && c.key == hint_free_key) {
      for (const auto& o : c.origins) judged.front().entry.origins.push_back(o);
      continue;
    }
    Judged j;
    j.text = c.text;
    j.entry.origins = c.origins;
    j.entry.rejected = c.rejected;
    judged.push_back(std::move(j));
  }

  // Audit: verigen's own judgement, and DafnyBench's from it, on every candidate.
  const std::string& original = audit_original(bench_task);
  for (auto& j : judged) {
    if (!j.entry.rejected.empty()) continue;
    j.entry.sha256 = sha256_hex(j.text);
    auto strict =
        audit_candidate(Language::Dafny, original, j.text, TaskKind::Annotate, task.spec_path);
    auto lenient = findings_under(RuleSet::DafnyBench, strict);
    if (!strict.empty()) j.entry.strict = one_line(strict.front());
    if (!lenient.empty()) j.entry.dafnybench = one_line(lenient.front());
    j.active = search.rules == RuleSet::Strict ? strict : lenient;
  }

  // Rank the eligible ones; ties keep the pool's order.
  auto prepared = scorer.prepare(task.spec_text);
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < judged.size(); ++i) {
    auto& j = judged[i];
    if (!j.entry.rejected.empty()) continue;
    j.entry.score = scorer.score(prepared, j.text, joined(j.entry.origins, "+"));
    if (j.active.empty()) order.push_back(i);
  }
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return judged[a].entry.score > judged[b].entry.score;
  });

  // Verify in ranked order.
  std::string first_failure;
  for (std::size_t r = 0; r < order.size(); ++r) {
    Judged& j = judged[order[r]];
    j.entry.rank = static_cast<int>(r) + 1;
    if (out.first_verified_rank > 0 && !search.verify_all) continue;
    Candidate candidate = candidate_for(task, j.text);
    candidate.origin = joined(j.entry.origins, "+");
    candidate.index = static_cast<int>(order[r]);
    Verdict v = backend.verify(candidate, Deadline::after_seconds(search.timeout_seconds));
    ++out.calls;
    record.verify_seconds += static_cast<double>(v.elapsed.count()) / 1000.0;
    j.entry.outcome = v.outcome;
    j.entry.seconds = static_cast<double>(v.elapsed.count()) / 1000.0;
    if (!v.verified()) j.entry.detail = first_error(v);
    if (v.verified() && out.first_verified_rank == 0) {
      out.first_verified_rank = j.entry.rank;
      out.calls_to_first = out.calls;
      record.candidate_sha256 = j.entry.sha256;
    }
    if (!v.verified() && first_failure.empty()) first_failure = j.entry.detail;
    j.verdict = std::move(v);
  }

  // Symbolic completion of near misses: the best-ranked failures first, then the hint-free
  // program; each result is a candidate of its own, audited against the task.
  if (search.complete > 0 && out.first_verified_rank == 0) {
    std::vector<std::pair<std::string, std::string>> seeds;  // (origin, program)
    for (std::size_t i : order) {
      if (static_cast<int>(seeds.size()) >= search.complete) break;
      if (near_miss(judged[i].entry))
        seeds.emplace_back("completion(" + joined(judged[i].entry.origins, "+") + ")",
                           judged[i].text);
    }
    // The hint-free program last, unless it was itself one of the near misses above.
    const std::string hint_free_origin = std::string("completion(") + kHintFreeOrigin + ")";
    if (std::none_of(seeds.begin(), seeds.end(),
                     [&](const auto& seed) { return seed.second == task.spec_text; }))
      seeds.emplace_back(hint_free_origin, task.spec_text);
    for (const auto& [origin, program] : seeds) {
      auto completion = complete_near_miss(backend, task, program, search.completion_seconds);
      out.completion_calls += completion.verifier_calls;
      const std::string& completed = completion.program;
      if (completed.empty() || completed == program) continue;
      Judged j;
      j.text = completed;
      j.entry.origins = {origin};
      j.entry.sha256 = sha256_hex(completed);
      auto strict = audit_candidate(Language::Dafny, task.spec_text, completed, TaskKind::Annotate,
                                    task.spec_path);
      auto lenient = findings_under(RuleSet::DafnyBench, strict);
      if (!strict.empty()) j.entry.strict = one_line(strict.front());
      if (!lenient.empty()) j.entry.dafnybench = one_line(lenient.front());
      j.active = search.rules == RuleSet::Strict ? strict : lenient;
      if (j.active.empty()) {
        // Houdini's last call verified this very text: the cache answers.
        Candidate candidate = candidate_for(task, completed);
        candidate.origin = origin;
        Verdict v = backend.verify(candidate, Deadline::after_seconds(search.timeout_seconds));
        ++out.completion_calls;
        j.entry.rank = static_cast<int>(order.size()) + 1;
        order.push_back(judged.size());
        j.entry.outcome = v.outcome;
        j.entry.seconds = static_cast<double>(v.elapsed.count()) / 1000.0;
        if (!v.verified()) j.entry.detail = first_error(v);
        if (v.verified() && out.first_verified_rank == 0) {
          out.first_verified_rank = j.entry.rank;
          out.calls_to_first = out.calls + out.completion_calls;
          record.candidate_sha256 = j.entry.sha256;
        }
        j.verdict = std::move(v);
      }
      judged.push_back(std::move(j));
      if (out.first_verified_rank > 0) break;
    }
  }

  if (log) {
    for (std::size_t i = 0; i < judged.size(); ++i) {
      const Judged& j = judged[i];
      RunLogRecord line;
      line.task = task.id;
      line.task_text = task.spec_text;
      line.kind = "annotate";
      line.language = "dafny";
      line.candidate = static_cast<int>(i);
      line.origin = joined(j.entry.origins, "+");
      line.text = j.text;
      line.rejected = j.entry.rejected;
      line.findings = j.active;
      line.score = j.entry.score;
      line.rank = j.entry.rank - 1;
      // An audit refusal is a verdict on the candidate (a negative for the ranker to learn),
      // as the pipeline logs it.
      if (j.verdict)
        line.verdict = verdict_to_json(*j.verdict);
      else if (!j.active.empty())
        line.verdict = verdict_to_json(Verdict::rejected(j.active));
      log->append(line);
    }
  }

  for (auto& j : judged) out.entries.push_back(std::move(j.entry));
  const int distinct = static_cast<int>(out.entries.size());
  record.verifier_calls = out.calls + out.completion_calls;
  if (out.first_verified_rank > 0) {
    record.outcome = Outcome::Verified;
    record.cause = Cause::None;
    record.verifier_outcome = Outcome::Verified;
    record.detail = "pool of " + std::to_string(distinct) + ": rank " +
                    std::to_string(out.first_verified_rank) + " verified (" +
                    std::to_string(out.calls_to_first) + " verifier calls)";
  } else if (order.empty()) {
    // Nothing was eligible: every candidate was refused by the audit or had no program.
    record.outcome = Outcome::Refuted;
    record.cause = Cause::None;
    record.integrity_rejected = true;
    record.detail = "pool of " + std::to_string(distinct) + ": no candidate passed the audit";
  } else {
    record.outcome = Outcome::Refuted;
    record.cause = Cause::None;
    record.verifier_outcome = Outcome::Refuted;
    record.detail = "pool of " + std::to_string(distinct) + ": none of " +
                    std::to_string(order.size()) + " verified; first: " + first_failure;
  }
  record.pool = out.to_json().dump();
  return record;
}

SolverSetup make_pool_solver(const RunOptions& options,
                             std::shared_ptr<const std::map<std::string, TaskPool>> pools) {
  struct Environment {
    SubprocessRunner runner;
    std::unique_ptr<Verifier> verifier;
    std::unique_ptr<RunLog> log;
    rank::Scorer scorer;
    PoolSearch search;
  };
  auto env = std::make_shared<Environment>();
  env->search.rules = rule_set_from_string(options.rules).value_or(RuleSet::Strict);
  env->search.verify_all = options.verify_all;
  env->search.timeout_seconds = options.timeout;
  env->search.complete = options.complete;
  if (options.scorer.empty()) {
    env->scorer = rank::Scorer::default_dafny_model();
  } else {
    auto loaded = rank::Scorer::load(options.scorer);
    if (!loaded.ok()) return {nullptr, loaded.error(), 2};
    env->scorer = std::move(*loaded);
  }
  VerifierOptions verifier_options;
  verifier_options.backends.dafny.verification_time_limit = options.verification_time_limit;
  verifier_options.use_cache = !options.no_cache;
  auto verifier = make_verifier(Language::Dafny, env->runner, verifier_options);
  if (!verifier.ok()) return {nullptr, "bench: error: " + verifier.error(), 2};
  env->verifier = std::move(*verifier);
  if (const auto& missing = env->verifier->missing(); !missing.empty())
    return {nullptr, missing, 3};
  if (options.log.empty()) {
    env->log = std::make_unique<RunLog>();
  } else {
    auto opened = RunLog::open(options.log);
    if (!opened.ok()) return {nullptr, opened.error(), 2};
    env->log = std::move(*opened);
  }
  return {[env, pools](const BenchTask& task, int) {
            auto it = pools->find(task.task.id);
            static const TaskPool kEmpty;
            return search_pool(task, it == pools->end() ? kEmpty : it->second, env->scorer,
                               env->verifier->backend(), env->search, env->log.get());
          },
          "", 0};
}

}  // namespace verigen::bench
