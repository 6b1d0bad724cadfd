#include <cstdio>
#include <map>
#include <set>
#include <sstream>

#include "benchmarks/harness/report.h"

namespace verigen::bench {
namespace {

std::string format(const char* pattern, double value) {
  char text[64];
  std::snprintf(text, sizeof text, pattern, value);
  return text;
}

std::string percent(double fraction) { return format("%.1f%%", 100 * fraction); }

// A cell must stay on one line and must not end the cell early.
std::string cell(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '|')
      out += "\\|";
    else if (c == '\n' || c == '\r')
      out += ' ';
    else
      out += c;
  }
  return out;
}

void row(std::ostringstream& out, const std::vector<std::string>& cells) {
  out << "|";
  for (const auto& c : cells) out << " " << c << " |";
  out << "\n";
}

// Header plus the alignment line: the first `text_columns` left-aligned, numbers right-aligned.
void header(std::ostringstream& out, const std::vector<std::string>& names,
            std::size_t text_columns) {
  row(out, names);
  out << "|";
  for (std::size_t i = 0; i < names.size(); ++i) out << (i < text_columns ? "---|" : "---:|");
  out << "\n";
}

std::vector<std::string> stat_columns(std::size_t max_k) {
  std::vector<std::string> names{"tasks", "samples", "verified", "solved"};
  for (std::size_t k = 1; k <= max_k; ++k) names.push_back("pass@" + std::to_string(k));
  for (const char* name : {"integrity rejections", "calls/task", "verify s/task", "tokens in/out"})
    names.push_back(name);
  return names;
}

std::vector<std::string> stat_cells(const Stats& s, std::size_t max_k) {
  std::vector<std::string> cells{std::to_string(s.tasks), std::to_string(s.samples),
                                 percent(s.verified_rate), std::to_string(s.solved_tasks)};
  // A run with fewer samples per task than another in the suite has no pass@k for larger k.
  for (std::size_t k = 1; k <= max_k; ++k)
    cells.push_back(k <= s.pass_at_k.size() ? percent(s.pass_at_k[k - 1]) : "–");
  cells.push_back(std::to_string(s.integrity_rejections));
  cells.push_back(format("%.2f", s.verifier_calls_per_task));
  cells.push_back(format("%.1f", s.verify_seconds_per_task));
  cells.push_back(std::to_string(s.prompt_tokens) + "/" + std::to_string(s.completion_tokens));
  return cells;
}

// Labels are made among the suite's own runs: its heading already names the suite.
void suite_section(std::ostringstream& out, const std::string& suite,
                   const std::vector<const RunMetrics*>& runs) {
  const auto& all = runs;
  out << "## " << cell(suite) << "\n\n";
  std::size_t max_k = 0;
  for (const RunMetrics* r : runs) max_k = std::max(max_k, r->overall.pass_at_k.size());

  std::vector<std::string> names{"model", "provider", "k", "rounds", "seed"};
  auto stats = stat_columns(max_k);
  names.insert(names.end(), stats.begin(), stats.end());
  header(out, names, 2);
  for (const RunMetrics* r : runs) {
    std::vector<std::string> cells{cell(run_label(*r, all)), cell(r->run.key.provider),
                                   std::to_string(r->run.key.k), std::to_string(r->run.key.rounds),
                                   std::to_string(r->run.key.seed)};
    auto values = stat_cells(r->overall, max_k);
    cells.insert(cells.end(), values.begin(), values.end());
    row(out, cells);
  }

  out << "\n### By category\n\n";
  names = {"model", "category"};
  names.insert(names.end(), stats.begin(), stats.end());
  header(out, names, 2);
  for (const RunMetrics* r : runs) {
    for (const auto& [category, s] : r->categories) {
      std::vector<std::string> cells{cell(run_label(*r, all)), cell(category)};
      auto values = stat_cells(s, max_k);
      cells.insert(cells.end(), values.begin(), values.end());
      row(out, cells);
    }
  }

  bool any_replay = false;
  for (const RunMetrics* r : runs) any_replay = any_replay || r->agreement.has_value();
  if (!any_replay) {
    out << "\n";
    return;
  }
  out << "\n### Agreement with the recorded verdicts\n\n"
      << "Samples verified by us (ours) and in the dataset (recorded, any value but `failed`).\n\n";
  header(out, {"model", "ours", "recorded", "agree", "rate"}, 1);
  for (const RunMetrics* r : runs) {
    if (!r->agreement) continue;
    const Agreement& a = *r->agreement;
    row(out, {cell(run_label(*r, all)), std::to_string(a.ours_verified),
              std::to_string(a.recorded_verified),
              std::to_string(a.agree) + "/" + std::to_string(a.compared), percent(a.rate)});
  }
  for (const RunMetrics* r : runs) {
    if (!r->agreement || r->agreement->disagreements.empty()) continue;
    out << "\nDisagreements, " << cell(run_label(*r, all)) << ":\n\n";
    for (const Disagreement& d : r->agreement->disagreements) {
      std::string ours(to_string(d.outcome));
      if (d.cause != Cause::None) ours += " (" + std::string(to_string(d.cause)) + ")";
      out << "- " << cell(d.task_id) << " sample " << d.sample << ": recorded " << cell(d.recorded)
          << ", ours " << ours << (d.reason.empty() ? "" : ": " + cell(d.reason)) << "\n";
    }
  }
  out << "\n";
}

}  // namespace

std::string run_label(const RunMetrics& run, const std::vector<RunMetrics>& runs) {
  std::vector<const RunMetrics*> peers;
  for (const auto& r : runs) peers.push_back(&r);
  return run_label(run, peers);
}

std::string run_label(const RunMetrics& run, const std::vector<const RunMetrics*>& runs) {
  std::set<std::string> suites;
  for (const RunMetrics* r : runs) suites.insert(r->run.key.suite);
  auto base = [&](const RunMetrics& r) {
    return suites.size() > 1 ? r.run.key.suite + ": " + r.run.key.model : r.run.key.model;
  };
  std::string label = base(run);
  for (const RunMetrics* r : runs)
    if (r->run.id != run.run.id && base(*r) == label)
      return label + " #" + std::to_string(run.run.id);
  return label;
}

std::string render_markdown(const std::vector<RunMetrics>& runs) {
  std::ostringstream out;
  out << "# verigen benchmark report\n\n";
  if (runs.empty()) {
    out << "No runs recorded.\n";
    return out.str();
  }
  // Suites in the order their first run was created.
  std::vector<std::string> order;
  std::map<std::string, std::vector<const RunMetrics*>> by_suite;
  for (const auto& r : runs) {
    if (!by_suite.count(r.run.key.suite)) order.push_back(r.run.key.suite);
    by_suite[r.run.key.suite].push_back(&r);
  }
  for (const auto& suite : order) suite_section(out, suite, by_suite[suite]);
  return out.str();
}

}  // namespace verigen::bench
