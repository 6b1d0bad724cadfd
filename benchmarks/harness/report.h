#pragma once
/// Reports of benchmark runs, from their metrics: markdown for people, JSON for programs, and an
/// SVG 1.1 document with two charts for papers and pull requests.

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "benchmarks/harness/metrics.h"

namespace verigen::bench {

/// Markdown: per suite, one table row per run (tasks, samples, verified rate, solved tasks,
/// pass@1 … pass@K, integrity rejections, verifier calls, verify seconds and tokens), a
/// per-category table, and for replay runs an agreement table "model | tasks | recorded | ours |
/// Dafny alone | agree (ours) | rate (ours) | agree (Dafny alone) | rate (Dafny alone)" followed,
/// per run, by a collapsible <details> block listing every disagreement with its task and reason,
/// grouped by class (integrity, timeout, dafny refuted, parse/other, verified by us). Rates are
/// percentages with one decimal.
std::string render_markdown(const std::vector<RunMetrics>& runs);

/// `text` as one markdown table cell: pipes escaped and line breaks made spaces, so that it
/// neither ends the cell early nor breaks the row.
std::string markdown_cell(std::string_view text);

/// Every metric as one JSON document: {"runs": [{id, suite, provider, model, k, rounds, seed,
/// options, created, label, overall, categories: [...], agreement (or null)}]}; agreement holds
/// the counts and rates of Agreement, disagreements_by_class, and each disagreement's class and
/// verifier_outcome. Rates are
/// fractions in [0, 1]; pass_at_k is an array whose element i is pass@(i+1).
nlohmann::json render_json(const std::vector<RunMetrics>& runs);

/// One standalone SVG 1.1 document with both charts stacked: pass@k curves (one <polyline> per
/// run with samples, x = k, y = pass@k, with a legend), above the verified rate per category
/// as grouped bars (one bar per run and category).
std::string render_svg(const std::vector<RunMetrics>& runs);

/// The name a run goes by in reports: its model, prefixed by its suite when `runs` spans
/// several suites, suffixed by "#id" when another run would otherwise share the name.
std::string run_label(const RunMetrics& run, const std::vector<RunMetrics>& runs);
/// run_label() among the runs pointed to (e.g. one suite's).
std::string run_label(const RunMetrics& run, const std::vector<const RunMetrics*>& runs);

/// Markdown section of a pooled run (`label` names it): pool size, the oracle, one row per
/// strategy (solved, V@1, V@3, verifier calls per solved task), completion wins, and agreement
/// with the recorded verdicts under both rule sets, per model, with every disagreement classed
/// in a <details> block.
std::string render_pool_markdown(const PoolMetrics& pool, const std::string& label);

/// The same as JSON (rates as fractions of the pool's tasks), with one entry per task: its
/// candidates, the ranker's rank of the first verified one, verifier calls, verified origins.
nlohmann::json render_pool_json(const PoolMetrics& pool);

/// An SVG 1.1 chart of the pooled runs: one point per strategy, x = verifier calls per solved
/// task, y = tasks solved, labelled.
std::string render_pool_svg(const std::vector<const RunMetrics*>& pooled);

/// Text made safe for XML character data and attribute values: & < > " ' escaped, control
/// characters XML 1.0 forbids and bytes of invalid UTF-8 replaced by '?'.
std::string xml_escape(std::string_view text);

}  // namespace verigen::bench
