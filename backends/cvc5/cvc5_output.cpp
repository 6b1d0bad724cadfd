// interpret_cvc5: cvc5's SyGuS output (the answer printed as `(define-fun NAME (...) Bool BODY)`
// inside a parenthesised list, or `infeasible`, `fail`, `unknown`, or an `(error "...")`).

#include <cctype>

#include "backends/cvc5/cvc5_sygus.h"
#include "core/text_lines.h"

namespace verigen::cvc5 {
namespace {

SygusAnswer answer(Outcome outcome, Cause cause, std::string detail) {
  SygusAnswer a;
  a.outcome = outcome;
  a.cause = cause;
  a.detail = "cvc5: " + note_line(std::move(detail));  // printed as one note line
  return a;
}

/// The balanced s-expression starting at `start` (which must be '('), or "" when it is cut off.
std::string balanced_from(const std::string& text, std::size_t start) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = start; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    if (c == '(') ++depth;
    if (c == ')' && --depth == 0) return text.substr(start, i - start + 1);
  }
  return {};
}

/// True when `word` appears in `text` as a whole line (cvc5 prints its verdict words alone).
bool has_line(const std::string& text, std::string_view word) {
  std::size_t pos = 0;
  while ((pos = text.find(word, pos)) != std::string::npos) {
    bool starts = pos == 0 || text[pos - 1] == '\n';
    std::size_t end = pos + word.size();
    bool ends = end == text.size() || text[end] == '\n' || text[end] == '\r';
    if (starts && ends) return true;
    pos = end;
  }
  return false;
}

std::string tail(const std::string& text, std::size_t n = 300) {
  return text.size() <= n ? text : "..." + text.substr(text.size() - n);
}

}  // namespace

std::vector<std::string> cvc5_command(const std::string& problem_file) {
  // sygus2 is the SyGuS-IF 2 syntax of the datasets; the file name's extension is not trusted to
  // say so.
  return {"cvc5", "--lang=sygus2", problem_file};
}

SygusAnswer interpret_cvc5(const ProcessResult& run, const sygus::Problem& problem) {
  using Status = ProcessResult::Status;
  switch (run.status) {
    case Status::NotFound:
      return answer(Outcome::Error, Cause::ToolNotFound,
                    "not found on PATH; install it (scripts/setup installs Debian's cvc5) or "
                    "leave it out with --members builtin,spacer");
    case Status::StartFailed:
      return answer(Outcome::Error, Cause::ToolCrashed, "could not start: " + run.error);
    case Status::TimedOut:
      return answer(Outcome::Unknown, Cause::Timeout, "no answer before the deadline");
    case Status::Signaled:
      // A solver that died on a signal may have printed half an answer: never trust it.
      return answer(Outcome::Error, Cause::ToolCrashed, run.describe());
    case Status::Exited:
      break;
  }
  const std::string& out = run.out;
  // cvc5 reports a problem it cannot read as `(error "...")` (on stderr since 1.0) and exit 1.
  for (const std::string* stream : {&run.err, &out}) {
    if (auto error = stream->find("(error"); error != std::string::npos)
      return answer(Outcome::Error, Cause::BadInput, tail(stream->substr(error)));
  }
  if (run.exit_code != 0) {
    return answer(Outcome::Error, Cause::ToolCrashed,
                  "exit code " + std::to_string(run.exit_code) + ": " + tail(run.err + out));
  }
  if (auto start = out.find("(define-fun"); start != std::string::npos) {
    std::string definition = balanced_from(out, start);
    if (definition.empty()) return answer(Outcome::Error, Cause::BadOutput, "answer is cut off");
    auto body = sygus::parse_invariant(definition, problem, "cvc5");
    if (!body.ok()) {
      return answer(Outcome::Error, Cause::BadOutput, "answer does not read back: " + body.error());
    }
    SygusAnswer a = answer(Outcome::Verified, Cause::None, "claims an invariant");
    a.invariant = std::move(*body);
    return a;
  }
  if (has_line(out, "infeasible")) {
    return answer(Outcome::Refuted, Cause::None, "infeasible: no invariant exists");
  }
  if (has_line(out, "fail") || has_line(out, "unknown")) {
    return answer(Outcome::Unknown, Cause::None, "gave up without an answer");
  }
  return answer(Outcome::Error, Cause::BadOutput, "unexpected output: " + tail(out));
}

}  // namespace verigen::cvc5
