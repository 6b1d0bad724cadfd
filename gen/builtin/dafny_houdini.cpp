#include "gen/builtin/dafny_houdini.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <set>

namespace verigen {
namespace {

/// Where each enabled invariant landed: 1-based line → (loop, candidate index).
using LineMap = std::map<int, std::pair<std::size_t, std::size_t>>;

std::string build(const std::string& text, const std::vector<LoopSite>& loops,
                  const std::vector<std::vector<std::string>>& candidates,
                  const std::vector<std::vector<bool>>& enabled, LineMap* lines) {
  std::vector<std::size_t> order(loops.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(),
            [&](auto a, auto b) { return loops[a].insert_at < loops[b].insert_at; });
  std::string out;
  std::size_t copied = 0;
  int line = 1;
  auto copy_to = [&](std::size_t offset) {
    for (std::size_t i = copied; i < offset; ++i) line += text[i] == '\n';
    out.append(text, copied, offset - copied);
    copied = offset;
  };
  for (std::size_t loop : order) {
    copy_to(std::min(loops[loop].insert_at, text.size()));
    bool any = std::find(enabled[loop].begin(), enabled[loop].end(), true) != enabled[loop].end();
    if (loops[loop].break_line && any) {
      out += "\n";
      ++line;
    }
    for (std::size_t c = 0; c < candidates[loop].size(); ++c) {
      if (!enabled[loop][c]) continue;
      const std::string& keyword = loops[loop].keyword;
      out +=
          loops[loop].indent + keyword + (keyword.empty() ? "" : " ") + candidates[loop][c] + "\n";
      if (lines) (*lines)[line] = {loop, c};
      ++line;
    }
    // The body's `{` now starts a line: indent it as its loop.
    const auto& indent = loops[loop].indent;
    if (loops[loop].break_line && any)
      out += indent.substr(0, indent.size() >= 2 ? indent.size() - 2 : 0);
  }
  copy_to(text.size());
  return out;
}

}  // namespace

std::string insert_invariants(const std::string& text, const std::vector<LoopSite>& loops,
                              const std::vector<std::vector<std::string>>& invariants) {
  std::vector<std::vector<bool>> all;
  for (const auto& list : invariants) all.emplace_back(list.size(), true);
  return build(text, loops, invariants, all, nullptr);
}

DafnyHoudiniResult dafny_houdini(Backend& backend, const std::string& text,
                                 const std::string& display_path,
                                 const std::vector<LoopSite>& loops,
                                 const std::vector<std::vector<std::string>>& candidates,
                                 Deadline deadline, int max_iterations,
                                 const AssumptionPolicy& policy) {
  std::vector<std::vector<bool>> enabled;
  for (const auto& list : candidates) enabled.emplace_back(list.size(), true);
  DafnyHoudiniResult result;
  while (true) {
    LineMap lines;
    result.program = build(text, loops, candidates, enabled, &lines);
    Candidate candidate;
    candidate.display_path = display_path;
    candidate.text = result.program;
    candidate.assumption_policy = policy;
    result.verdict = backend.verify(candidate, deadline);
    ++result.iterations;
    if (result.verdict.verified() || result.iterations >= max_iterations || deadline.expired())
      break;

    // Blame: an error on an invariant's line, or a related location pointing at one (a failed
    // maintenance check names the invariant there).
    std::set<int> blamed;
    for (const auto& d : result.verdict.diagnostics) {
      if (d.severity != Severity::Error) continue;
      if (lines.count(d.where.line)) blamed.insert(d.where.line);
      for (const auto& r : d.related)
        if (lines.count(r.line)) blamed.insert(r.line);
    }
    if (blamed.empty()) break;  // a fixpoint: what still fails is not an invariant's fault
    for (int line : blamed) {
      auto [loop, c] = lines[line];
      enabled[loop][c] = false;
      ++result.dropped;
    }
  }
  result.kept.assign(loops.size(), {});
  for (std::size_t loop = 0; loop < loops.size(); ++loop)
    for (std::size_t c = 0; c < candidates[loop].size(); ++c)
      if (enabled[loop][c]) result.kept[loop].push_back(candidates[loop][c]);
  return result;
}

std::map<std::string, int> unkeyword_kept(const std::vector<LoopSite>& sites,
                                          DafnyHoudiniResult& result) {
  std::map<std::string, int> added;
  for (std::size_t l = 0; l < sites.size() && l < result.kept.size(); ++l) {
    if (sites[l].keyword != "invariant") continue;
    std::vector<std::string> kept;
    for (const auto& clause : result.kept[l]) {
      if (clause.rfind("invariant ", 0) == 0) {
        kept.push_back(clause.substr(10));
      } else {
        ++added[clause.substr(0, clause.find(' '))];
      }
    }
    result.kept[l] = std::move(kept);
  }
  return added;
}

}  // namespace verigen
