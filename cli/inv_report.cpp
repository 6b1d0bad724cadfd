#include "cli/inv_report.h"

#include <cstdio>
#include <sstream>

#include "cli/commands.h"
#include "cli/verify_report.h"
#include "core/json_document.h"

namespace verigen::cli {
namespace {

std::string state_text(const z3inv::State& state) {
  std::string text;
  for (const auto& [name, value] : state) {
    if (!text.empty()) text += ", ";
    text += name + " = " + value;
  }
  return text;
}

nlohmann::json check_json(const z3inv::CheckResult& check) {
  nlohmann::json json = {{"name", check.name},
                         {"outcome", std::string(to_string(check.outcome))},
                         {"cause", std::string(to_string(check.cause))}};
  if (!check.detail.empty()) json["detail"] = check.detail;
  json["decided_by"] = check.decided_by;
  if (!check.counterexample.empty()) json["counterexample"] = check.counterexample;
  return json;
}

}  // namespace

std::string render_inv_text(const InvFileResult& r) {
  if (!r.input_error.empty()) return r.input_error + "\n";
  std::ostringstream out;
  const auto& o = *r.outcome;
  out << r.file << ": " << to_string(o.status) << " [";
  if (!o.origin.empty()) out << o.origin << ", ";
  out << o.checks_run << " checks, " << format_seconds(o.elapsed) << "]\n";
  switch (o.status) {
    case InvOutcome::Status::Solved:
      out << sygus::invariant_definition(*r.problem, *o.invariant) << "\n";
      break;
    case InvOutcome::Status::Infeasible:
      out << r.file << ": note: no invariant exists: post is violated after "
          << (o.trace.empty() ? 0 : o.trace.size() - 1) << " transitions\n";
      for (std::size_t i = 0; i < o.trace.size(); ++i)
        out << "  step " << i << ": " << state_text(o.trace[i]) << "\n";
      break;
    default:
      for (const auto& check : o.checks)
        if (check.outcome != Outcome::Verified)
          out << r.file << ": note: best candidate failed " << check.name
              << (check.detail.empty() ? "" : ": " + check.detail) << "\n";
      break;
  }
  for (const auto& note : o.notes) out << r.file << ": note: " << note << "\n";
  return out.str();
}

nlohmann::json render_inv_json(const InvFileResult& r) {
  nlohmann::json json = {{"file", r.file}};
  if (!r.input_error.empty()) {
    set_verdict_fields(json, Outcome::Error, Cause::BadInput, r.input_error);
    json.update({{"invariant", nullptr}, {"checks", 0}, {"elapsed_ms", 0}});
    return json;
  }
  const auto& o = *r.outcome;
  // The invariant vocabulary in the shared one: solved = verified, infeasible = refuted (the
  // post can be violated: the trace shows how), out of time = unknown.
  switch (o.status) {
    case InvOutcome::Status::Solved:
      set_verdict_fields(json, Outcome::Verified, Cause::None, "");
      break;
    case InvOutcome::Status::Infeasible:
      set_verdict_fields(json, Outcome::Refuted, Cause::None,
                         "infeasible: post violated after " +
                             std::to_string(o.trace.empty() ? 0 : o.trace.size() - 1) +
                             " transitions");
      break;
    case InvOutcome::Status::Unknown:
      set_verdict_fields(json, Outcome::Unknown, Cause::Timeout,
                         o.notes.empty() ? "" : o.notes.front());
      break;
    case InvOutcome::Status::Error:
      set_verdict_fields(json, Outcome::Error, Cause::Internal,
                         o.notes.empty() ? "" : o.notes.front());
      break;
  }
  json["invariant"] = o.invariant
                          ? nlohmann::json(sygus::invariant_definition(*r.problem, *o.invariant))
                          : nlohmann::json(nullptr);
  json["origin"] = o.origin;
  json["checks"] = o.checks_run;
  json["candidates"] = o.candidates.size();
  json["elapsed_ms"] = o.elapsed.count();
  json["logic"] = r.problem->logic;
  nlohmann::json checks = nlohmann::json::array();
  for (const auto& check : o.checks) checks.push_back(check_json(check));
  json["verification"] = checks;
  if (!o.trace.empty()) json["trace"] = o.trace;
  if (!o.notes.empty()) json["notes"] = o.notes;
  // Who raced and how each ended: the benchmark's per-member time share and wins come from here.
  nlohmann::json members = nlohmann::json::array();
  for (const auto& m : o.members)
    members.push_back({{"name", m.name},
                       {"result", m.result},
                       {"detail", m.detail},
                       {"start_ms", m.start.count()},
                       {"elapsed_ms", m.elapsed.count()},
                       {"idle_ms", m.idle.count()}});
  json["members"] = members;
  return json;
}

int inv_exit_code(const std::vector<InvFileResult>& results) {
  bool bad = false, error = false, unsolved = false;
  for (const auto& r : results) {
    if (!r.input_error.empty())
      bad = true;
    else if (r.outcome->status == InvOutcome::Status::Error)
      error = true;
    else if (r.outcome->status != InvOutcome::Status::Solved)
      unsolved = true;
  }
  if (bad) return kExitBadInput;
  if (error) return kExitToolMissing;
  return unsolved ? kExitNotVerified : kExitOk;
}

}  // namespace verigen::cli
