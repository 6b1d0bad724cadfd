#include "gen/llm_generator.h"

#include <algorithm>

#include "gen/code_blocks.h"
#include "gen/prompt_template.h"
#include "specs/splice.h"

namespace verigen {
namespace {

std::string examples_text(const Task& task) {
  if (task.examples.empty()) return "(none given)";
  std::string out;
  for (const auto& e : task.examples) out += "- " + e.input + " == " + e.expected + "\n";
  return out;
}

/// The verifier's diagnostics with the candidate lines they point at, for a repair prompt.
std::string diagnostics_text(const std::string& candidate, const Verdict& verdict) {
  std::vector<std::string> lines;
  std::size_t pos = 0;
  while (pos <= candidate.size()) {
    auto end = candidate.find('\n', pos);
    if (end == std::string::npos) end = candidate.size();
    lines.push_back(candidate.substr(pos, end - pos));
    pos = end + 1;
  }
  std::string out;
  for (const auto& d : verdict.diagnostics) {
    out += "line " + std::to_string(d.where.line) + ": " + severity_name(d.severity) + ": " +
           d.message + "\n";
    if (d.where.line > 0 && d.where.line <= static_cast<int>(lines.size()))
      out += "    " + lines[d.where.line - 1] + "\n";
    for (const auto& r : d.related)
      if (r.line > 0 && r.line <= static_cast<int>(lines.size()))
        out += "  related, line " + std::to_string(r.line) + ": " + r.message + "\n    " +
               lines[r.line - 1] + "\n";
  }
  if (out.empty()) out = std::string(to_string(verdict.outcome)) + ": " + verdict.detail + "\n";
  return out;
}

bool has_declaration_keyword(const std::string& code) {
  for (const char* k : {"method ", "function ", "predicate ", "lemma "})
    if (code.find(k) != std::string::npos) return true;
  return false;
}

}  // namespace

RawCandidate LlmGenerator::extract(const Task& task, const std::string& completion,
                                   const std::string& origin) {
  RawCandidate raw;
  raw.origin = origin;
  raw.raw = completion;
  const std::string language(to_string(task.language));
  // The fence names models use for each language.
  auto matches = [&](const std::string& fence) {
    if (fence.empty() || fence == language) return true;
    switch (task.language) {
      case Language::Dafny:
        return fence == "dfy";
      case Language::Lean:
        return fence == "lean4";
      case Language::FStar:
        return fence == "fst" || fence == "f*" || fence == "fsharp";
      default:
        return false;
    }
  };
  const CodeBlock* best = nullptr;
  auto blocks = extract_code_blocks(completion);
  for (const auto& b : blocks) {
    if (!matches(b.language)) continue;
    if (!best || b.code.size() > best->code.size()) best = &b;
  }
  if (!best) {
    raw.rejected =
        blocks.empty() ? "no code in the answer" : "no " + language + " code block in the answer";
    return raw;
  }
  if (!best->closed) {
    raw.rejected = "truncated answer (the code block is never closed)";
    return raw;
  }
  if (task.language == Language::Dafny && !has_declaration_keyword(best->code) &&
      task.holes.size() == 1) {
    raw.text = splice_holes(task, {"\n" + best->code});
  } else if (task.language != Language::Dafny && task.holes.size() == 1 &&
             best->code.size() < task.spec_text.size() / 2) {
    // A short answer to a one-hole Lean/F* task is the hole's content, not the whole file.
    raw.text = splice_holes(task, {best->code});
  } else {
    raw.text = best->code;
  }
  return raw;
}

Result<std::vector<RawCandidate>> LlmGenerator::ask(const Task& task,
                                                    const std::string& user_prompt, int k,
                                                    Deadline deadline, const std::string& origin) {
  auto system = prompt_template(task.language, "system");
  if (!system.ok()) return fail(system.error());
  CompletionRequest request = settings_.request(*system, user_prompt, k);
  auto answer = provider_.complete(request, deadline);
  if (!answer.ok()) return fail(answer.error());
  {
    std::lock_guard<std::mutex> lock(mutex_);
    usage_.prompt_tokens += answer->prompt_tokens;
    usage_.completion_tokens += answer->completion_tokens;
    usage_.requests += answer->requests;
  }
  std::vector<RawCandidate> out;
  for (std::size_t i = 0; i < answer->texts.size(); ++i)
    out.push_back(extract(task, answer->texts[i], name() + "#" + origin + std::to_string(i)));
  return out;
}

Result<std::vector<RawCandidate>> LlmGenerator::generate(const Task& task, int k,
                                                         Deadline deadline) {
  TaskKind kind = task.kind == TaskKind::Verify ? TaskKind::Implement : task.kind;
  // F* has no separate specify/annotate templates: its holes are proof or code holes.
  if (task.language == Language::FStar && kind != TaskKind::Implement) kind = TaskKind::Prove;
  auto text = prompt_template(task.language, std::string(to_string(kind)));
  if (!text.ok()) return fail(text.error());
  auto prompt = render_template(*text, {{"spec", task.spec_text},
                                        {"doc", task.doc.empty() ? "(none)" : task.doc},
                                        {"examples", examples_text(task)}});
  if (!prompt.ok()) return fail(prompt.error());
  return ask(task, *prompt, k, deadline, "");
}

Result<std::vector<RawCandidate>> LlmGenerator::repair(const Task& task, const std::string& failed,
                                                       const Verdict& verdict, int k,
                                                       Deadline deadline) {
  auto text = prompt_template(task.language, "repair");
  if (!text.ok()) return fail(text.error());
  auto prompt = render_template(*text, {{"spec", task.spec_text},
                                        {"candidate", failed},
                                        {"diagnostics", diagnostics_text(failed, verdict)}});
  if (!prompt.ok()) return fail(prompt.error());
  return ask(task, *prompt, k, deadline, "repair");
}

GenerationUsage LlmGenerator::usage() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return usage_;
}

}  // namespace verigen
