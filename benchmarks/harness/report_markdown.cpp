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

std::string cell(std::string_view text) { return markdown_cell(text); }

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
  for (const char* name :
       {"integrity rejections", "calls/task", "verify s/task", "tokens in/out", "requests"})
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
  cells.push_back(std::to_string(s.model_requests));
  return cells;
}

const char* class_title(ReasonClass reason) {
  switch (reason) {
    case ReasonClass::Integrity:
      return "integrity (our audit refused)";
    case ReasonClass::Timeout:
      return "timeout";
    case ReasonClass::Refuted:
      return "dafny refuted";
    case ReasonClass::Other:
      return "parse/other";
    case ReasonClass::Verified:
      return "verified by us, recorded failed";
  }
  return "parse/other";
}

constexpr ReasonClass kClasses[] = {ReasonClass::Integrity, ReasonClass::Timeout,
                                    ReasonClass::Refuted, ReasonClass::Other,
                                    ReasonClass::Verified};

// One collapsible block per run, the disagreements grouped by class: long lists stay out of
// the way of the tables. The blank lines around the lists let markdown render inside <details>.
void disagreement_block(std::ostringstream& out, const std::string& label, const RunMetrics& r) {
  const Agreement& a = *r.agreement;
  out << "\n<details><summary>" << xml_escape(label) << ": " << a.disagreements.size()
      << " disagreements (";
  const char* separator = "";
  for (ReasonClass c : kClasses) {
    if (int n = a.count(c); n > 0) {
      out << separator << class_title(c) << " " << n;
      if (c == ReasonClass::Integrity) {
        int alone = 0;
        for (const Disagreement& d : a.disagreements)
          alone += d.reason_class == c && d.verifier_outcome == Outcome::Verified;
        out << " (Dafny alone verified " << alone << ")";
      }
      separator = ", ";
    }
  }
  out << ")</summary>\n";
  for (ReasonClass c : kClasses) {
    if (a.count(c) == 0) continue;
    out << "\n**" << class_title(c) << "** (" << a.count(c) << ")\n\n";
    for (const Disagreement& d : a.disagreements) {
      if (d.reason_class != c) continue;
      out << "- " << cell(d.task_id);
      if (r.run.key.k > 1) out << " sample " << d.sample;
      out << ": recorded " << cell(d.recorded);
      if (c == ReasonClass::Integrity) {
        // The detail starts with "integrity: <finding>", so it follows a dash, not a colon.
        out << ", Dafny alone "
            << (d.verifier_outcome ? std::string(to_string(*d.verifier_outcome)) : "not run")
            << (d.reason.empty() ? "" : " — " + cell(d.reason)) << "\n";
        continue;
      }
      std::string ours(to_string(d.outcome));
      if (d.cause != Cause::None) ours += " (" + std::string(to_string(d.cause)) + ")";
      out << ", ours " << ours << (d.reason.empty() ? "" : ": " + cell(d.reason)) << "\n";
    }
  }
  out << "\n</details>\n";
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

  bool any_contract = false;
  for (const RunMetrics* r : runs) any_contract = any_contract || r->overall.contract_judged > 0;
  if (any_contract) {
    out << "\n### Contracts against the reference\n\n"
        << "A specify task with a reference is solved (`verified` above) only when the program "
           "verifies, the audit is clean and every declaration's contract is equivalent to or "
           "stronger than the reference's (Dafny proves it). `verified, any contract` counts "
           "the verified programs whatever their contracts say; `not weaker` is the headline; "
           "`superior` has some declaration stronger and none weaker.\n\n";
    header(out,
           {"model", "category", "samples", "verified, any contract", "not weaker", "superior",
            "superiority rate"},
           2);
    for (const RunMetrics* r : runs) {
      auto line = [&](const std::string& category, const Stats& s) {
        row(out, {cell(run_label(*r, all)), cell(category), std::to_string(s.samples),
                  std::to_string(s.verified_any_contract), std::to_string(s.verified_samples),
                  std::to_string(s.superior_samples), percent(s.superiority_rate)});
      };
      line("all", r->overall);
      for (const auto& [category, s] : r->categories) line(category, s);
    }
  }

  for (const RunMetrics* r : runs)
    if (r->pool) out << "\n" << render_pool_markdown(*r->pool, run_label(*r, all));

  bool any_replay = false;
  for (const RunMetrics* r : runs) any_replay = any_replay || r->agreement.has_value();
  if (!any_replay) {
    out << "\n";
    return;
  }
  out << "\n### Agreement with the recorded verdicts\n\n"
      << "Samples recorded as successes by the dataset (any value but `failed`), verified by us "
         "(the audit, then Dafny), and verified by Dafny alone (the audit's refusals verified "
         "anyway); agreement of each with the recorded verdicts. As in DafnyBench, a task whose "
         "hint-free program verifies as it is counts as solved (attempt 0).\n\n";
  header(out,
         {"model", "tasks", "recorded", "ours", "Dafny alone", "agree (ours)", "rate (ours)",
          "agree (Dafny alone)", "rate (Dafny alone)"},
         1);
  for (const RunMetrics* r : runs) {
    if (!r->agreement) continue;
    const Agreement& a = *r->agreement;
    std::string of = "/" + std::to_string(a.compared);
    row(out, {cell(run_label(*r, all)), std::to_string(a.tasks),
              std::to_string(a.recorded_verified), std::to_string(a.ours_verified),
              std::to_string(a.verifier_verified), std::to_string(a.agree) + of, percent(a.rate),
              std::to_string(a.verifier_agree) + of, percent(a.verifier_rate)});
  }
  for (const RunMetrics* r : runs)
    if (r->agreement && r->agreement->verifier_not_run > 0)
      out << "\n"
          << cell(run_label(*r, all)) << ": Dafny alone never ran on "
          << r->agreement->verifier_not_run
          << " compared samples (counted as not verified; results recorded before it was "
             "measured, or no candidate).\n";
  for (const RunMetrics* r : runs) {
    if (r->agreement && !r->agreement->disagreements.empty())
      disagreement_block(out, run_label(*r, all), *r);
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

std::string markdown_cell(std::string_view text) {
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
