#pragma once
/// Stages that build on each other (CLEVER: spec → isomorphism, implementation → correctness):
/// each earlier stage's sample is run once, whether its own attempt or a later stage's asks
/// first, and its verified answer handed on.

#include <functional>
#include <future>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <utility>

#include "benchmarks/harness/result_store.h"

namespace verigen::bench {

/// One stage's sample: its record, and the verified answer (the hole's text) when it has one.
struct StageOutcome {
  SampleRecord record;
  std::optional<std::string> answer;
};

/// Thread-safe: the first caller for a (task, sample) runs `compute` in its own thread; later
/// callers wait for that result. `compute` must not ask for the same key.
class StageChain {
 public:
  StageOutcome get(const std::string& task_id, int sample,
                   const std::function<StageOutcome()>& compute);

 private:
  std::mutex mutex_;
  std::map<std::pair<std::string, int>, std::shared_future<StageOutcome>> outcomes_;
};

}  // namespace verigen::bench
