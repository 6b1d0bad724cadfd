#include "benchmarks/harness/near_miss_completion.h"

#include <algorithm>
#include <cctype>

#include "gen/builtin/dafny_houdini.h"
#include "gen/builtin/dafny_loops.h"
#include "gen/builtin/invariant_templates.h"

namespace verigen::bench {
namespace {

std::string trimmed(const std::string& s) {
  auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return {};
  auto e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

bool starts_with_word(const std::string& line, const std::string& word) {
  return line.rfind(word, 0) == 0 &&
         (line.size() == word.size() ||
          !(std::isalnum(static_cast<unsigned char>(line[word.size()])) ||
            line[word.size()] == '_'));
}

/// A line that ends the invariant clause before it: another loop clause or a brace.
bool clause_boundary(const std::string& line) {
  for (const char* word : {"invariant", "decreases", "modifies", "//"})
    if (starts_with_word(line, word)) return true;
  return line.empty() || line[0] == '{' || line[0] == '}';
}

}  // namespace

StrippedInvariants strip_invariants(const std::string& program) {
  StrippedInvariants out;
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= program.size()) {
    auto end = program.find('\n', start);
    if (end == std::string::npos) end = program.size();
    lines.push_back(program.substr(start, end - start));
    start = end + 1;
  }
  std::size_t i = 0;
  bool first = true;
  auto emit = [&](const std::string& line) {
    if (!first) out.program += '\n';
    out.program += line;
    first = false;
  };
  while (i < lines.size()) {
    std::string line = trimmed(lines[i]);
    if (!starts_with_word(line, "invariant")) {
      emit(lines[i]);
      ++i;
      continue;
    }
    std::string clause = line.substr(std::string("invariant").size());
    ++i;
    while (i < lines.size() && !clause_boundary(trimmed(lines[i])) &&
           clause.find('{') == std::string::npos) {
      clause += " " + trimmed(lines[i]);
      ++i;
    }
    // A body brace on the clause's own line stays in the program.
    std::string tail;
    if (auto brace = clause.find('{'); brace != std::string::npos && clause.find("{:") != brace) {
      tail = clause.substr(brace);
      clause = clause.substr(0, brace);
    }
    clause = trimmed(clause);
    if (!clause.empty() && clause.back() == ';') clause.pop_back();
    std::size_t at = out.program.size() + (first ? 0 : 1);
    out.invariants.emplace_back(trimmed(clause), at);
    if (!tail.empty()) emit(tail);
  }
  return out;
}

Completion complete_near_miss(Backend& backend, const Task& task, const std::string& program,
                              double seconds) {
  Completion result;
  auto stripped = strip_invariants(program);
  auto sites = dafny_loop_sites(stripped.program);
  if (sites.empty()) return result;
  // Templates first: Dafny checks an invariant's well-formedness with only the invariants above
  // it, so a seed that indexes an array (`c[j]` for j < i) needs the bounds before it, or
  // Houdini drops it for "index out of range".
  std::vector<std::vector<std::string>> candidates(sites.size());
  for (std::size_t s = 0; s < sites.size(); ++s) candidates[s] = enumerate_invariants(sites[s]);
  // A seed belongs to the loop whose header it followed: the first site whose body opens after
  // the place it was taken from.
  for (const auto& [seed, at] : stripped.invariants) {
    std::size_t best = sites.size();
    for (std::size_t s = 0; s < sites.size(); ++s)
      if (sites[s].body_open >= at &&
          (best == sites.size() || sites[s].body_open < sites[best].body_open))
        best = s;
    if (best < sites.size() &&
        std::find(candidates[best].begin(), candidates[best].end(), seed) == candidates[best].end())
      candidates[best].push_back(seed);
  }
  const auto policy = candidate_for(task, program).assumption_policy;
  auto houdini = dafny_houdini(backend, stripped.program, task.spec_path, sites, candidates,
                               Deadline::after_seconds(seconds), 25, policy);
  result.program = houdini.program;
  result.verified = houdini.verdict.verified();
  result.verifier_calls = houdini.iterations;
  return result;
}

}  // namespace verigen::bench
