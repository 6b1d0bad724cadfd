// Cvc5Peer: one cvc5 run per script (check-sat, then get-value on the state constants), its
// answer read from the first line and, on sat, the value list after it.

#include "backends/cvc5/cvc5_smt.h"

#include <exception>

#include "backends/cvc5/cvc5_process.h"
#include "backends/scratch_copy.h"
#include "core/text_lines.h"
#include "specs/sygus/sexpr.h"

namespace verigen::cvc5 {
namespace {

SmtPeerAnswer answer(Outcome outcome, std::string detail) {
  SmtPeerAnswer a;
  a.outcome = outcome;
  a.detail = "cvc5: " + note_line(std::move(detail));
  return a;
}

std::string first_line(const std::string& text, std::size_t& rest) {
  std::size_t end = text.find('\n');
  rest = end == std::string::npos ? text.size() : end + 1;
  std::string line = text.substr(0, end == std::string::npos ? text.size() : end);
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
  return line;
}

}  // namespace

std::vector<std::string> cvc5_smt_command(const std::string& script_file) {
  // The language is named: the file's extension is not trusted to say it.
  return {"cvc5", "--lang=smt2", "--produce-models", script_file};
}

SmtPeerAnswer interpret_cvc5_smt(const ProcessResult& run, const std::vector<std::string>& names) {
  using Status = ProcessResult::Status;
  switch (run.status) {
    case Status::NotFound:
      return answer(Outcome::Error, "not found on PATH");
    case Status::StartFailed:
      return answer(Outcome::Error, "could not start: " + run.error);
    case Status::TimedOut:
      return answer(Outcome::Unknown, "no answer before the deadline");
    case Status::Signaled:
      return answer(Outcome::Error, run.describe());
    case Status::Exited:
      break;
  }
  if (run.exit_code != 0)
    return answer(Outcome::Error, "exit code " + std::to_string(run.exit_code));
  std::size_t rest = 0;
  const std::string verdict = first_line(run.out, rest);
  // After unsat, get-value is refused with an `(error ...)` line: expected, and not read.
  if (verdict == "unsat") return answer(Outcome::Verified, "unsat");
  if (verdict == "unknown") return answer(Outcome::Unknown, "unknown");
  if (verdict != "sat") return answer(Outcome::Error, "unexpected output: " + verdict);
  auto parsed = sygus::parse_sexprs(std::string_view(run.out).substr(rest), "cvc5 values");
  if (!parsed.ok() || parsed->size() != 1 || parsed->front().kind != sygus::SExpr::Kind::List)
    return answer(Outcome::Error, "sat, but the values do not read back");
  SmtPeerAnswer a = answer(Outcome::Refuted, "sat");
  for (const auto& pair : parsed->front().items) {
    if (pair.kind != sygus::SExpr::Kind::List || pair.items.size() != 2)
      return answer(Outcome::Error, "sat, but a value is not a (name value) pair");
    a.values[sygus::to_smtlib(pair.items[0])] = sygus::to_smtlib(pair.items[1]);
  }
  for (const auto& n : names) {
    if (!a.values.count(n)) return answer(Outcome::Error, "sat, but no value for " + n);
  }
  return a;
}

SmtPeerAnswer Cvc5Peer::check(const std::string& script, const std::vector<std::string>& names,
                              Deadline deadline) {
  try {
    std::string text = script + "(check-sat)\n";
    if (!names.empty()) {
      text += "(get-value (";
      for (std::size_t i = 0; i < names.size(); ++i) text += (i ? " " : "") + names[i];
      text += "))\n";
    }
    auto file = ScratchCopy::create("check.smt2", text, ".smt2");
    if (!file.ok()) return answer(Outcome::Error, "cannot write the script: " + file.error());
    return interpret_cvc5_smt(runner_.run(cvc5_process(cvc5_smt_command(file->path()), deadline)),
                              names);
  } catch (const std::exception& e) {
    return answer(Outcome::Error, std::string("internal error: ") + e.what());
  }
}

}  // namespace verigen::cvc5
