#pragma once
/// Published model outputs (DafnyBench's `<model>.json` and `<model>_results.csv`): the final
/// program each model wrote for each task, and the attempt on which DafnyBench recorded success,
/// replayed through verigen's own audit and verifier.

#include <map>
#include <memory>
#include <string>

#include "core/result.h"
#include "gen/candidate_generator.h"

namespace verigen::bench {

/// One model's output on one task.
struct PublishedOutput {
  std::string test_id;     ///< "000"
  std::string test_file;   ///< the hints_removed file name, "X_no_hints.dfy"
  std::string llm_output;  ///< the model's final answer, as published
  std::string recorded;    ///< success_on_attempt_# from the CSV ("0", "1".."N", "failed"), or ""
};

struct PublishedOutputs {
  std::string model;                               ///< the JSON file's stem ("gpt-4o")
  std::map<std::string, PublishedOutput> by_file;  ///< keyed by test_file
};

/// Reads `json_path` (`{test_ID: {test_ID, test_file, llm_output}}`) and, when it exists, the
/// `<stem>_results.csv` beside it. Any malformation (not JSON, not an object of objects, a
/// missing or non-string field, a CSV line without three fields) is a one-line Failure naming
/// the file and the entry.
Result<PublishedOutputs> load_published_outputs(const std::string& json_path);

/// The program a published output holds: its largest Dafny (or untagged) fenced block when it has
/// fences, else its whole text; `rejected` says why there is none (no Dafny block, a block that
/// is never closed: a truncated answer).
struct PublishedProgram {
  std::string text;
  std::string rejected;
};
PublishedProgram extract_published_program(const std::string& llm_output);

/// A generator that answers with one published output: its fenced Dafny block when it has
/// fences, else its whole text. It never repairs (the published output is the model's last word).
std::unique_ptr<CandidateGenerator> make_published_generator(const std::string& model,
                                                             const PublishedOutput& output);

}  // namespace verigen::bench
