// Reports of pooled runs (pool_metrics.h): markdown, JSON and an SVG chart.

#include <cstdio>
#include <sstream>

#include "benchmarks/harness/report.h"

namespace verigen::bench {
namespace {

std::string fixed(double value, int digits) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.*f", digits, value);
  return buf;
}

std::string percent_of(double part, double whole) {
  return whole > 0 ? fixed(100.0 * part / whole, 1) + "%" : "-";
}

/// A table cell, cut at 160 characters: a disagreement's reason can be a whole message.
std::string cell(std::string text) {
  std::string out = markdown_cell(text);
  return out.size() > 160 ? out.substr(0, 160) + " ..." : out;
}

}  // namespace

std::string render_pool_markdown(const PoolMetrics& p, const std::string& label) {
  std::ostringstream out;
  out << "### Pool: " << cell(label) << "\n\n"
      << p.tasks << " tasks, " << p.outputs << " model outputs pooled into " << p.candidates
      << " distinct candidates (the hint-free programs included); rules `" << p.rules << "`"
      << (p.verify_all ? ", every eligible candidate verified"
                       : ", verified up to the first success")
      << ". Oracle (any candidate verifies): **" << p.oracle << "** ("
      << percent_of(p.oracle, p.tasks) << ").\n\n";
  out << "| strategy | solved | V@1 | V@3 | V@1 / oracle | verifier calls | calls per solved |\n"
      << "|---|---:|---:|---:|---:|---:|---:|\n";
  for (const auto& s : p.strategies)
    out << "| " << cell(s.name) << " | " << fixed(s.solved, s.name == "random order" ? 1 : 0)
        << " | " << percent_of(s.v_at_1, p.tasks) << " | " << percent_of(s.v_at_3, p.tasks) << " | "
        << percent_of(s.v_at_1, p.oracle) << " | " << fixed(s.calls, 0) << " | "
        << fixed(s.calls_per_solved(), 2) << " |\n";
  if (!p.verify_all)
    out << "\nOther orders need every candidate's verdict: run with `--verify-all`.\n";
  out << "\nFixed model order: the models (and the hint-free program) by how many tasks their "
         "own candidates solve, best first. Random order: the mean of 20 shuffles. Calls per "
         "solved: every call an order spends (on unsolved tasks too) over the tasks it solves.\n";
  if (p.completion_wins > 0)
    out << "\nTasks won only by symbolic completion: " << p.completion_wins << ".\n";

  out << "\n#### Agreement with DafnyBench's recorded verdicts\n\n"
      << "A model's task counts as solved when its own program, or the hint-free program "
         "(DafnyBench's attempt 0), verifies and passes the rule set's audit.\n\n"
      << "| rules | model | tasks | recorded | ours | agree | rate |\n"
      << "|---|---|---:|---:|---:|---:|---:|\n";
  for (const auto& a : p.agreement) {
    for (const auto& [model, m] : a.models)
      out << "| " << a.rules << " | " << cell(model) << " | " << m.tasks << " | " << m.recorded
          << " | " << m.ours << " | " << m.agree << " | " << percent_of(m.agree, m.tasks) << " |\n";
    out << "| " << a.rules << " | **all** | " << a.compared << " | | | " << a.agree << " | **"
        << percent_of(a.agree, a.compared) << "** |\n";
  }
  for (const auto& a : p.agreement) {
    if (!a.complete)
      out << "\nUnder `" << a.rules
          << "` the comparison is incomplete: candidates only it "
             "allows (or, without --verify-all, after the first success) were never verified.\n";
    if (a.disagreements.empty()) continue;
    out << "\n<details><summary>" << xml_escape(a.rules) << ": " << a.disagreements.size()
        << " disagreements (";
    bool first = true;
    for (const auto& [k, n] : a.by_class) {
      out << (first ? "" : ", ") << xml_escape(k) << " " << n;
      first = false;
    }
    out << ")</summary>\n\n| task | model | recorded | ours | class | detail |\n"
        << "|---|---|---|---|---|---|\n";
    for (const auto& d : a.disagreements)
      out << "| " << cell(d.task) << " | " << cell(d.model) << " | " << cell(d.recorded) << " | "
          << (d.ours ? "verified" : "failed") << " | " << cell(d.klass) << " | " << cell(d.detail)
          << " |\n";
    out << "\n</details>\n";
  }
  return out.str();
}

nlohmann::json render_pool_json(const PoolMetrics& p) {
  nlohmann::json strategies = nlohmann::json::array();
  auto rate = [&](double x) { return p.tasks > 0 ? x / p.tasks : 0.0; };
  for (const auto& s : p.strategies)
    strategies.push_back({{"name", s.name},
                          {"solved", s.solved},
                          {"v_at_1", rate(s.v_at_1)},
                          {"v_at_3", rate(s.v_at_3)},
                          {"v_at_1_of_oracle", p.oracle > 0 ? s.v_at_1 / p.oracle : 0.0},
                          {"verifier_calls", s.calls},
                          {"calls_per_solved", s.calls_per_solved()}});
  nlohmann::json agreement = nlohmann::json::array();
  for (const auto& a : p.agreement) {
    nlohmann::json models = nlohmann::json::object();
    for (const auto& [model, m] : a.models)
      models[model] = {
          {"tasks", m.tasks}, {"recorded", m.recorded}, {"ours", m.ours}, {"agree", m.agree}};
    nlohmann::json disagreements = nlohmann::json::array();
    for (const auto& d : a.disagreements)
      disagreements.push_back({{"task", d.task},
                               {"model", d.model},
                               {"recorded", d.recorded},
                               {"ours", d.ours},
                               {"class", d.klass},
                               {"detail", d.detail}});
    agreement.push_back({{"rules", a.rules},
                         {"oracle", a.oracle},
                         {"compared", a.compared},
                         {"agree", a.agree},
                         {"rate", a.compared > 0 ? double(a.agree) / a.compared : 0.0},
                         {"complete", a.complete},
                         {"models", models},
                         {"by_class", a.by_class},
                         {"disagreements", disagreements}});
  }
  nlohmann::json per_task = nlohmann::json::array();
  for (const auto& t : p.per_task)
    per_task.push_back({{"task", t.task},
                        {"candidates", t.candidates},
                        {"first_verified_rank", t.first_verified_rank},
                        {"verifier_calls", t.calls},
                        {"verified_origins", t.verified_origins}});
  return {{"per_task", per_task},
          {"tasks", p.tasks},
          {"outputs", p.outputs},
          {"candidates", p.candidates},
          {"rules", p.rules},
          {"verify_all", p.verify_all},
          {"oracle", p.oracle},
          {"strategies", strategies},
          {"completion_wins", p.completion_wins},
          {"agreement", agreement}};
}

std::string render_pool_svg(const std::vector<const RunMetrics*>& pooled) {
  constexpr double kWidth = 720, kHeight = 420, kLeft = 70, kRight = 200, kTop = 40, kBottom = 50;
  double max_calls = 1, max_solved = 1;
  for (const RunMetrics* r : pooled)
    for (const auto& s : r->pool->strategies) {
      max_calls = std::max(max_calls, s.calls_per_solved());
      max_solved = std::max(max_solved, static_cast<double>(r->pool->oracle));
      max_solved = std::max(max_solved, s.solved);
    }
  max_calls *= 1.1;
  max_solved *= 1.1;
  auto x = [&](double v) { return kLeft + v / max_calls * (kWidth - kLeft - kRight); };
  auto y = [&](double v) {
    return kHeight - kBottom - v / max_solved * (kHeight - kTop - kBottom);
  };
  std::ostringstream out;
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" << kWidth
      << "\" height=\"" << kHeight << "\" viewBox=\"0 0 " << kWidth << " " << kHeight
      << "\" font-family=\"sans-serif\" font-size=\"12\">\n"
      << "  <title>verigen pooled runs: tasks solved vs verifier calls per solved task</title>\n"
      << "  <rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
      << "  <text x=\"" << kLeft << "\" y=\"24\" font-size=\"14\">Tasks solved vs verifier calls "
      << "per solved task</text>\n"
      << "  <line x1=\"" << kLeft << "\" y1=\"" << y(0) << "\" x2=\"" << x(max_calls) << "\" y2=\""
      << y(0) << "\" stroke=\"black\"/>\n"
      << "  <line x1=\"" << kLeft << "\" y1=\"" << y(0) << "\" x2=\"" << kLeft << "\" y2=\""
      << y(max_solved) << "\" stroke=\"black\"/>\n"
      << "  <text x=\"" << (kLeft + x(max_calls)) / 2 << "\" y=\"" << kHeight - 12
      << "\" text-anchor=\"middle\">verifier calls per solved task</text>\n"
      << "  <text x=\"16\" y=\"" << (kTop + kHeight - kBottom) / 2
      << "\" transform=\"rotate(-90 16 " << (kTop + kHeight - kBottom) / 2
      << ")\" text-anchor=\"middle\">tasks solved</text>\n";
  for (int t = 0; t <= 4; ++t) {
    double cv = max_calls / 1.1 * t / 4, sv = max_solved / 1.1 * t / 4;
    out << "  <text x=\"" << x(cv) << "\" y=\"" << y(0) + 16 << "\" text-anchor=\"middle\">"
        << fixed(cv, 1) << "</text>\n"
        << "  <text x=\"" << kLeft - 6 << "\" y=\"" << y(sv) + 4 << "\" text-anchor=\"end\">"
        << fixed(sv, 0) << "</text>\n";
  }
  const char* colours[] = {"#d62728", "#1f77b4", "#7f7f7f", "#2ca02c", "#9467bd",
                           "#8c564b", "#e377c2", "#bcbd22", "#17becf", "#ff7f0e"};
  int legend = 0;
  for (const RunMetrics* r : pooled) {
    out << "  <line x1=\"" << kLeft << "\" y1=\"" << y(r->pool->oracle) << "\" x2=\""
        << x(max_calls) << "\" y2=\"" << y(r->pool->oracle)
        << "\" stroke=\"#999\" stroke-dasharray=\"4 3\"/>\n"
        << "  <text x=\"" << x(max_calls) - 4 << "\" y=\"" << y(r->pool->oracle) - 4
        << "\" text-anchor=\"end\" fill=\"#666\">oracle " << r->pool->oracle << "</text>\n";
    for (std::size_t i = 0; i < r->pool->strategies.size(); ++i) {
      const auto& s = r->pool->strategies[i];
      const char* colour = colours[i % 10];
      out << "  <circle cx=\"" << x(s.calls_per_solved()) << "\" cy=\"" << y(s.solved)
          << "\" r=\"5\" fill=\"" << colour << "\"><title>" << xml_escape(s.name) << ": "
          << fixed(s.solved, 1) << " solved, " << fixed(s.calls_per_solved(), 2)
          << " calls per solved</title></circle>\n"
          << "  <circle cx=\"" << kWidth - kRight + 20 << "\" cy=\"" << kTop + 10 + 18 * legend
          << "\" r=\"5\" fill=\"" << colour << "\"/>\n"
          << "  <text x=\"" << kWidth - kRight + 30 << "\" y=\"" << kTop + 14 + 18 * legend << "\">"
          << xml_escape(s.name) << "</text>\n";
      ++legend;
    }
  }
  out << "</svg>\n";
  return out.str();
}

}  // namespace verigen::bench
