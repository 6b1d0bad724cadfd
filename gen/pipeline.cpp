#include "gen/pipeline.h"

#include <algorithm>
#include <atomic>
#include <map>
#include <mutex>
#include <set>

#include "core/hash.h"
#include "core/parallel.h"
#include "core/verdict_json.h"
#include "gen/code_blocks.h"
#include "specs/dafny/spec_strength.h"
#include "specs/dafny/vacuity.h"

namespace verigen {
namespace {

using Clock = std::chrono::steady_clock;

std::chrono::milliseconds since(Clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
}

/// How promising a failure is for repair: a refutation with few errors beats a timeout, which
/// beats a malformed program, which beats an answer the audit refused, which beats one that
/// never became a program. Each still gets its chance: DafnyBench sends audit failures back
/// too ("keep the preconditions and postconditions the same").
int repair_priority(const CandidateRecord& r) {
  if (r.unusable) return 2000;
  if (!r.verdict) return 3000;
  if (!r.findings.empty()) return 1000;
  switch (r.verdict->outcome) {
    case Outcome::Refuted:
      return static_cast<int>(r.verdict->diagnostics.size());
    case Outcome::Unknown:
      return 100;
    default:
      return 500;
  }
}

}  // namespace

Pipeline::Pipeline(CandidateGenerator& generator, Backend& backend, CandidateAudit audit,
                   Ranker ranker, RunLog& log, PipelineOptions options)
    : generator_(generator),
      backend_(backend),
      audit_(std::move(audit)),
      ranker_(std::move(ranker)),
      log_(log),
      options_(options) {}

void Pipeline::log_record(const Task& task, const CandidateRecord& r) {
  log_.append(RunLogRecord{.task = task.id,
                           .task_text = task.spec_text,
                           .kind = std::string(to_string(task.kind)),
                           .language = std::string(to_string(task.language)),
                           .candidate = r.id,
                           .round = r.round,
                           .origin = r.origin,
                           .text = r.text,
                           .rejected = r.rejected,
                           .findings = r.findings,
                           .score = r.score,
                           .rank = r.rank,
                           .verdict = r.verdict ? verdict_to_json(*r.verdict) : nlohmann::json(),
                           .prompt = r.prompt,
                           .answer = r.raw});
  if (progress_) progress_(r);
}

bool Pipeline::settle_round(const Task& task, std::vector<RawCandidate> raws, int round,
                            PipelineResult& result) {
  std::map<std::string, int> seen;  // normalised-text hash → candidate id, across rounds
  for (const auto& r : result.candidates)
    if (r.rejected.empty()) seen.emplace(sha256_hex(normalize_code(r.text)), r.id);

  std::vector<std::size_t> to_verify;  // indices into result.candidates
  std::map<int, std::string> writers;  // candidate id -> its origin and its duplicates'
  for (auto& raw : raws) {
    CandidateRecord record;
    record.id = static_cast<int>(result.candidates.size());
    record.round = round;
    record.origin = raw.origin;
    record.text = raw.text;
    record.rejected = raw.rejected;
    record.unusable = !raw.rejected.empty();
    record.raw = std::move(raw.raw);
    record.prompt = std::move(raw.prompt);
    if (record.rejected.empty() && record.text.empty()) record.rejected = "empty candidate";
    if (record.rejected.empty() && record.text.size() > options_.max_candidate_bytes)
      record.rejected = "candidate too large: " + std::to_string(record.text.size()) +
                        " bytes, more than the " + human_size(options_.max_candidate_bytes) +
                        " cap (--max-candidate-size); not verified";
    if (record.rejected.empty()) {
      auto [it, fresh] = seen.emplace(sha256_hex(normalize_code(record.text)), record.id);
      if (!fresh) {
        record.rejected = "duplicate of candidate " + std::to_string(it->second);
        auto writer = writers.find(it->second);  // only this round's: they are ranked together
        if (writer != writers.end()) writer->second += "+" + record.origin;
      }
    }
    if (record.rejected.empty() && audit_) {
      record.findings = audit_(task, record.text);
      if (!record.findings.empty()) {
        // Rejected by the audit: it is never shown to the verifier, and says why.
        record.verdict = Verdict::rejected(record.findings);
      }
    }
    if (record.rejected.empty() && record.findings.empty()) {
      writers.emplace(record.id, record.origin);
      to_verify.push_back(result.candidates.size());
    }
    result.candidates.push_back(std::move(record));
    if (!result.candidates.back().rejected.empty() || !result.candidates.back().findings.empty())
      log_record(task, result.candidates.back());
  }

  // Scored once the round is whole, so each candidate knows every sample that agreed with it.
  for (std::size_t index : to_verify) {
    auto& record = result.candidates[index];
    record.score =
        ranker_ ? ranker_(task, record.text, writers[record.id]) : -static_cast<double>(record.id);
  }
  std::stable_sort(to_verify.begin(), to_verify.end(), [&](std::size_t a, std::size_t b) {
    return result.candidates[a].score > result.candidates[b].score;
  });
  for (std::size_t rank = 0; rank < to_verify.size(); ++rank)
    result.candidates[to_verify[rank]].rank = static_cast<int>(rank);

  // Verify in rank order; once one verifies no further candidate starts. Candidates already
  // running finish, and the best-ranked verified one wins.
  std::atomic<bool> found{false};
  std::mutex mutex;
  auto started = Clock::now();
  parallel_for(to_verify.size(), options_.jobs, [&](std::size_t i) {
    if (found.load() || options_.deadline.expired()) return;
    CandidateRecord& record = result.candidates[to_verify[i]];
    Candidate candidate = candidate_for(task, record.text);
    candidate.assumption_policy.allowed = options_.allowed_assumptions;
    candidate.origin = record.origin;
    candidate.index = record.id;
    Deadline deadline = options_.deadline.capped(
        std::chrono::milliseconds(static_cast<long long>(options_.verify_timeout_seconds * 1000)));
    Verdict verdict = backend_.verify(candidate, deadline);
    int calls = 1;
    if (verdict.verified() && task.kind == TaskKind::Specify && task.language == Language::Dafny) {
      // A contract nothing can satisfy makes any body verify: a vacuous answer is refused.
      auto vacuous =
          dafny::find_vacuous_preconditions(backend_, task.spec_text, candidate, deadline);
      ++calls;
      if (!vacuous.empty()) {
        Verdict refused = Verdict::rejected(vacuous);
        refused.tool_version = verdict.tool_version;
        refused.elapsed = verdict.elapsed;
        verdict = refused;
      }
    }
    std::string contract, contract_summary;
    if (verdict.verified() && !options_.reference.empty() && task.kind == TaskKind::Specify &&
        task.language == Language::Dafny) {
      // Verifying is not enough for a specify task with a reference: `ensures true` verifies.
      auto strength = dafny::compare_contracts(backend_, options_.reference, candidate, deadline);
      calls += strength.verifier_calls;
      contract = std::string(dafny::to_string(strength.overall()));
      contract_summary = strength.summary();
      auto weaker = dafny::weaker_contract_findings(strength, candidate.display_path);
      if (!weaker.empty()) {
        Verdict refused = Verdict::rejected(std::move(weaker));
        refused.tool_version = verdict.tool_version;
        refused.elapsed = verdict.elapsed;
        verdict = refused;
      }
    }
    std::lock_guard<std::mutex> lock(mutex);
    record.contract = contract;
    record.contract_summary = contract_summary;
    result.verifier_calls += calls;
    record.verdict = verdict;
    if (verdict.verified()) found = true;
    log_record(task, record);
  });
  result.verification_time += since(started);

  for (std::size_t index : to_verify) {
    const auto& record = result.candidates[index];
    if (record.verdict && record.verdict->verified()) {
      result.winner = record;
      return true;
    }
  }
  return false;
}

PipelineResult Pipeline::run(const Task& task) {
  const int generator_calls_before = generator_.usage().verifier_calls;
  PipelineResult result = run_rounds(task);
  // The generator's own verifier calls (Houdini's pruning) are verifier calls of this run too:
  // one count, whoever made them.
  result.generator_verifier_calls = generator_.usage().verifier_calls - generator_calls_before;
  result.verifier_calls += result.generator_verifier_calls;
  return result;
}

PipelineResult Pipeline::run_rounds(const Task& task) {
  PipelineResult result;
  auto started = Clock::now();
  auto first = generator_.generate(task, options_.k, options_.deadline);
  result.generation_time += since(started);
  if (!first.ok()) {
    result.failure = first.error();
    return result;
  }
  if (settle_round(task, std::move(*first), 0, result)) return result;

  std::set<int> repaired;
  for (int round = 1; round <= options_.rounds && !options_.deadline.expired(); ++round) {
    // The most promising failures not repaired yet: the latest round first (a repair that
    // got closer is worth repairing again), then the fewest errors.
    std::vector<const CandidateRecord*> failures;
    for (const auto& r : result.candidates) {
      if (repaired.count(r.id)) continue;
      // Verifier failures, audit refusals and unusable answers; duplicates and oversized
      // programs are not worth a request.
      if ((r.verdict && !r.verdict->verified() && r.rejected.empty()) ||
          (r.unusable && !r.raw.empty()))
        failures.push_back(&r);
    }
    std::stable_sort(failures.begin(), failures.end(), [](auto* a, auto* b) {
      return std::make_pair(-a->round, repair_priority(*a)) <
             std::make_pair(-b->round, repair_priority(*b));
    });
    if (failures.empty()) break;
    std::vector<RawCandidate> repairs;
    auto gen_started = Clock::now();
    for (std::size_t i = 0;
         i < failures.size() && i < static_cast<std::size_t>(options_.repair_width); ++i) {
      repaired.insert(failures[i]->id);
      const CandidateRecord& failure = *failures[i];
      auto fixed = failure.unusable
                       ? generator_.repair(task, failure.raw, unusable_answer(failure.rejected),
                                           options_.repairs_per_failure, options_.deadline)
                       : generator_.repair(task, failure.text, *failure.verdict,
                                           options_.repairs_per_failure, options_.deadline);
      if (!fixed.ok()) {
        result.failure = fixed.error();
        break;
      }
      for (auto& raw : *fixed) {
        raw.origin += " (repair of " + std::to_string(failures[i]->id) + ")";
        repairs.push_back(std::move(raw));
      }
    }
    result.generation_time += since(gen_started);
    if (repairs.empty()) break;
    if (settle_round(task, std::move(repairs), round, result)) return result;
    if (!result.failure.empty()) break;
  }
  return result;
}

}  // namespace verigen
