#include "specs/dafny/spec_strength.h"

#include <algorithm>
#include <map>

#include "core/assumption.h"
#include "core/text_lines.h"
#include "specs/dafny/contract_lemmas.h"

namespace verigen::dafny {
namespace {

/// What Dafny said about one obligation.
struct Status {
  enum { Holds, Fails, Unknown } kind = Holds;
  std::string detail;  ///< the clause and Dafny's message, for a failure or an unknown
};

bool is_undecided(const std::string& message) {
  return message.find("timed out") != std::string::npos ||
         message.find("out of resource") != std::string::npos ||
         message.find("inconclusive") != std::string::npos;
}

/// The obligation's status from the diagnostics on its lines: an error naming a goal (on its
/// line, or as the related postcondition) is a failure of that goal; an error on a hypothesis
/// (it cannot even be stated here, e.g. a callee's precondition) or a time-out is unknown.
Status status_of(const Obligation& o, const std::vector<Diagnostic>& diagnostics) {
  Status s;
  for (const auto& d : diagnostics) {
    if (d.severity != Severity::Error || d.where.line < o.first_line || d.where.line > o.last_line)
      continue;
    std::string where;
    bool goal = false;
    auto name_line = [&](int line) {
      if (auto g = o.goals.find(line); g != o.goals.end()) {
        where = g->second;
        goal = true;
      } else if (auto h = o.hypotheses.find(line); h != o.hypotheses.end() && where.empty()) {
        where = h->second;
      }
    };
    name_line(d.where.line);
    for (const auto& r : d.related) name_line(r.line);
    const std::string text = (where.empty() ? "" : where + ": ") + on_one_line(d.message);
    if (goal && !is_undecided(d.message)) {
      if (s.kind != Status::Fails) s = {Status::Fails, text};
    } else if (s.kind == Status::Holds) {
      s = {Status::Unknown, (goal ? "" : "cannot be stated: ") + text};
    }
  }
  return s;
}

/// Combines the statuses of one direction: a failure decides it, else an unknown.
Status combine(const std::vector<Status>& all) {
  Status out;
  for (const auto& s : all)
    if (s.kind == Status::Fails) return s;
  for (const auto& s : all)
    if (s.kind == Status::Unknown) return s;
  return out;
}

DeclarationStrength judge(const ProbedDeclaration& d, const Status& forward,
                          const Status& backward) {
  DeclarationStrength out;
  out.declaration = d.name;
  if (forward.kind == Status::Unknown) {
    out.strength = Strength::Unknown;
    out.detail = forward.detail;
  } else if (forward.kind == Status::Holds) {
    out.strength = backward.kind == Status::Holds ? Strength::Equivalent : Strength::Stronger;
    if (backward.kind == Status::Fails)
      out.detail = "the reference does not imply " + backward.detail;
    else if (backward.kind == Status::Unknown)
      out.detail = "not shown equivalent: " + backward.detail;
  } else {
    out.strength = backward.kind == Status::Holds ? Strength::Weaker : Strength::Incomparable;
    out.detail = "does not follow: " + forward.detail;
  }
  return out;
}

}  // namespace

std::string_view to_string(Strength strength) {
  switch (strength) {
    case Strength::Equivalent:
      return "equivalent";
    case Strength::Stronger:
      return "stronger";
    case Strength::Weaker:
      return "weaker";
    case Strength::Incomparable:
      return "incomparable";
    case Strength::Unknown:
      break;
  }
  return "unknown";
}

bool StrengthReport::not_weaker() const {
  return error.empty() && std::all_of(declarations.begin(), declarations.end(), [](auto& d) {
           return d.strength == Strength::Equivalent || d.strength == Strength::Stronger;
         });
}

bool StrengthReport::superior() const {
  return not_weaker() && std::any_of(declarations.begin(), declarations.end(),
                                     [](auto& d) { return d.strength == Strength::Stronger; });
}

std::string StrengthReport::summary() const {
  if (!error.empty()) return "not compared: " + error;
  std::map<Strength, int> counts;
  for (const auto& d : declarations) ++counts[d.strength];
  std::string out;
  for (const auto& [strength, n] : counts)
    out += (out.empty() ? "" : ", ") + std::to_string(n) + " " + std::string(to_string(strength));
  return out.empty() ? "no declarations" : out;
}

Strength StrengthReport::overall() const {
  if (!error.empty()) return Strength::Unknown;
  static const Strength kWorstFirst[] = {Strength::Incomparable, Strength::Weaker,
                                         Strength::Unknown, Strength::Stronger};
  for (Strength s : kWorstFirst)
    if (std::any_of(declarations.begin(), declarations.end(),
                    [&](auto& d) { return d.strength == s; }))
      return s;
  return Strength::Equivalent;
}

std::vector<Diagnostic> weaker_contract_findings(const StrengthReport& report,
                                                 const std::string& display_path) {
  std::vector<Diagnostic> out;
  auto add = [&](std::string message) {
    Diagnostic d;
    d.where.file = display_path;
    d.rule = "integrity.weaker-contract";
    d.message = std::move(message);
    out.push_back(std::move(d));
  };
  if (!report.error.empty()) {
    add("the contract could not be compared with the reference's: " + report.error);
    return out;
  }
  for (const auto& d : report.declarations)
    if (d.strength != Strength::Equivalent && d.strength != Strength::Stronger)
      add("the contract of '" + d.declaration +
          "' is not shown at least as strong as the "
          "reference's (" +
          std::string(to_string(d.strength)) + ")" + (d.detail.empty() ? "" : ": " + d.detail));
  return out;
}

std::string StrengthReport::first_problem() const {
  if (!error.empty()) return "not compared: " + error;
  for (const auto& d : declarations)
    if (d.strength != Strength::Equivalent && d.strength != Strength::Stronger)
      return d.declaration + ": " + std::string(to_string(d.strength)) +
             (d.detail.empty() ? "" : ": " + d.detail);
  return {};
}

StrengthReport compare_contracts(Backend& backend, std::string_view reference,
                                 const Candidate& candidate, Deadline deadline,
                                 const StrengthOptions& options) {
  StrengthReport report;
  StrengthProbe probe = strength_probe(reference, candidate.text, options.prove_identical);
  if (!probe.error.empty()) {
    report.error = probe.error;
    return report;
  }
  report.obligations = static_cast<int>(probe.obligations.size());
  std::vector<Status> statuses(probe.obligations.size());
  if (!probe.obligations.empty()) {
    Candidate check = candidate;
    check.text = probe.text;
    check.symbol = kStrengthPrefix;
    // The question is strength, not honesty: the candidate's own assumptions (checked by the
    // audit, on the candidate) must not stop the lemmas from being checked.
    check.assumption_policy.allowed = assumption_kinds();
    Verdict v = backend.verify(check, deadline);
    report.verifier_calls = 1;
    bool decided = v.verified() || (v.outcome == Outcome::Refuted && !v.integrity_rejected()) ||
                   (v.outcome == Outcome::Unknown && !v.diagnostics.empty());
    // Errors outside every lemma mean the probe did not resolve: nothing was decided.
    for (const auto& d : v.diagnostics)
      if (d.severity == Severity::Error &&
          std::none_of(probe.obligations.begin(), probe.obligations.end(), [&](auto& o) {
            return d.where.line >= o.first_line && d.where.line <= o.last_line;
          }))
        decided = false;
    if (v.outcome == Outcome::Error && v.cause == Cause::BadInput) {
      // A lemma that does not resolve cannot be stated in Dafny: that declaration is unknown,
      // and so is the rest (Dafny verifies nothing once resolution fails).
      decided = false;
    }
    for (std::size_t i = 0; i < probe.obligations.size(); ++i)
      statuses[i] = decided ? status_of(probe.obligations[i], v.diagnostics)
                            : Status{Status::Unknown,
                                     "the obligations were not checked: " + on_one_line(v.detail)};
  }
  for (std::size_t i = 0; i < probe.declarations.size(); ++i) {
    const auto& d = probe.declarations[i];
    if (!d.not_comparable.empty()) {
      report.declarations.push_back({d.name, Strength::Unknown, d.not_comparable});
      continue;
    }
    std::vector<Status> forward, backward;
    for (const auto& f : d.frame_forward_failures) forward.push_back({Status::Fails, f});
    for (const auto& f : d.frame_backward_failures) backward.push_back({Status::Fails, f});
    for (std::size_t k = 0; k < probe.obligations.size(); ++k) {
      const auto& o = probe.obligations[k];
      if (o.declaration != i) continue;
      Status s = statuses[k];
      if (!s.detail.empty()) s.detail = o.aspect + ": " + s.detail;
      (o.direction == Direction::Forward ? forward : backward).push_back(s);
    }
    report.declarations.push_back(judge(d, combine(forward), combine(backward)));
  }
  return report;
}

}  // namespace verigen::dafny
