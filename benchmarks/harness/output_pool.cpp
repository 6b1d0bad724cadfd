#include "benchmarks/harness/output_pool.h"

#include <algorithm>

#include "core/hash.h"
#include "gen/code_blocks.h"

namespace verigen::bench {

std::string pool_key(const std::string& program) { return sha256_hex(normalize_code(program)); }

std::map<std::string, TaskPool> build_pools(const std::vector<PublishedOutputs>& models) {
  std::map<std::string, TaskPool> pools;
  for (const auto& model : models) {
    for (const auto& [file, output] : model.by_file) {
      TaskPool& pool = pools[file];
      pool.task_id = file;
      pool.recorded[model.model] = output.recorded;
      auto program = extract_published_program(output.llm_output);
      // An answer without a program cannot equal another one: keyed by its model, it stays
      // visible as that model's (failed) answer.
      std::string key =
          program.rejected.empty() ? pool_key(program.text) : "rejected:" + model.model;
      auto same = std::find_if(pool.candidates.begin(), pool.candidates.end(),
                               [&](const PooledCandidate& c) { return c.key == key; });
      if (same != pool.candidates.end()) {
        if (std::find(same->origins.begin(), same->origins.end(), model.model) ==
            same->origins.end())
          same->origins.push_back(model.model);
        continue;
      }
      PooledCandidate c;
      c.text = std::move(program.text);
      c.rejected = std::move(program.rejected);
      c.key = std::move(key);
      c.origins.push_back(model.model);
      pool.candidates.push_back(std::move(c));
    }
  }
  return pools;
}

}  // namespace verigen::bench
