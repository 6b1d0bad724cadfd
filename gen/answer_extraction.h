#pragma once
/// From a model's answer to a candidate program, as a person would read the answer: reasoning
/// drafts dropped, the final complete code block of the task's language chosen, a body-only
/// answer spliced into the spec, and prose refused rather than sent to the verifier.

#include <string>
#include <vector>

#include "core/task.h"
#include "gen/candidate_generator.h"

namespace verigen {

/// `answer` without its reasoning: every `<think>…</think>` (also `<thinking>`, `<reasoning>`,
/// `<reflection>`) removed; text before a `</think>` whose opening tag the server stripped is
/// reasoning too. `all_reasoning` is set when an opening tag is never closed (the answer ended
/// while the model was still thinking), and then nothing of it is returned.
std::string strip_reasoning(const std::string& answer, bool* all_reasoning = nullptr);

/// The names the task's spec declares (methods, functions, lemmas ... in Dafny; defs and
/// theorems in Lean; lets and vals in F*), in order, without repeats.
std::vector<std::string> declared_names(const Task& task);

/// The candidate program in `completion`, or the reason there is none (`rejected`):
/// - reasoning wrappers are dropped first (strip_reasoning);
/// - of the closed fenced blocks in the task's language (or untagged), the last one that
///   contains every declared name wins, a tagged block before an untagged one; failing that,
///   the last closed block of the language (a body-only answer);
/// - a block that declares nothing is spliced into the task's single hole (Dafny), and a short
///   block into a one-hole Lean/F* task;
/// - prose (sentences, no code) is refused; so is an answer whose only block is never closed
///   (truncated), and one with no block of the language.
RawCandidate extract_candidate(const Task& task, const std::string& completion,
                               const std::string& origin);

}  // namespace verigen
