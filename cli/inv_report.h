#pragma once
/// How `verigen inv` shows its results: compiler-style text lines and the JSON document of the
/// CLI contract (`{"problems":[{"file","solved","invariant","checks","elapsed_ms",…}]}`).

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "gen/invariants/inv_portfolio.h"

namespace verigen::cli {

/// One input file and what became of it.
struct InvFileResult {
  std::string file;
  std::string input_error;  ///< a one-line "file:line:col: error: …" when the input was bad
  std::optional<sygus::Problem> problem;
  std::optional<InvOutcome> outcome;
};

/// Text for one file: the verdict line, then the invariant (solved), the trace (infeasible) or
/// the reason (unknown).
std::string render_inv_text(const InvFileResult& result);
/// The JSON entry of one file.
nlohmann::json render_inv_json(const InvFileResult& result);
/// Exit code for a whole run: 2 when an input was bad, else 3 on an internal error, else 1 when
/// a problem was not solved, else 0.
int inv_exit_code(const std::vector<InvFileResult>& results);

}  // namespace verigen::cli
