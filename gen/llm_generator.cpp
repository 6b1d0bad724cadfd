#include "gen/llm_generator.h"

#include <algorithm>
#include <cctype>

#include "gen/answer_extraction.h"
#include "gen/prompt_builder.h"
#include "gen/repair_feedback.h"

namespace verigen {
namespace {

/// The prompt as the run log keeps it: every message, role first.
std::string prompt_text(const CompletionRequest& request) {
  std::string out;
  for (const auto& m : request.messages) out += "[" + m.role + "]\n" + m.content + "\n";
  return out;
}

/// The info string of a code fence in `language` ("dafny", "lean", "fstar", "sygus").
std::string fence_tag(Language language) {
  std::string tag(to_string(language));
  for (char& c : tag) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return tag;
}

/// The largest budget a truncated answer is retried with.
constexpr int kMaxRetryTokens = 1 << 17;

}  // namespace

std::vector<ChatMessage> repair_history(const std::vector<RepairTurn>& earlier,
                                        const std::string& language_tag, long budget) {
  std::vector<ChatMessage> turns;  // newest first while collecting
  long spent = 0;
  std::size_t kept = 0;
  for (auto it = earlier.rbegin(); it != earlier.rend() && budget > 0; ++it) {
    ChatMessage attempt{"assistant", "```" + language_tag + "\n" + it->attempt + "\n```"};
    ChatMessage feedback{"user", "That attempt failed.\n" + it->feedback};
    long cost = estimated_tokens(attempt.content) + estimated_tokens(feedback.content);
    if (spent + cost > budget) break;  // older turns make sense only after newer ones: stop
    spent += cost;
    ++kept;
    turns.push_back(std::move(feedback));
    turns.push_back(std::move(attempt));
  }
  std::reverse(turns.begin(), turns.end());
  if (kept > 0 && kept < earlier.size())
    turns.insert(turns.begin(), ChatMessage{"user", std::to_string(earlier.size() - kept) +
                                                        " earlier attempts are left out; the "
                                                        "latest ones follow."});
  return turns;
}

RawCandidate LlmGenerator::extract(const Task& task, const std::string& completion,
                                   const std::string& origin) {
  return extract_candidate(task, completion, origin);
}

bool LlmGenerator::may_ask() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!usage_.stopped.empty()) return false;
  if (budget_.max_requests > 0 && usage_.requests >= budget_.max_requests)
    usage_.stopped =
        "request budget spent (--max-requests " + std::to_string(budget_.max_requests) + ")";
  else if (budget_.max_tokens_total > 0 &&
           usage_.prompt_tokens + usage_.completion_tokens >= budget_.max_tokens_total)
    usage_.stopped =
        "token budget spent (--max-tokens-total " + std::to_string(budget_.max_tokens_total) + ")";
  return usage_.stopped.empty();
}

void LlmGenerator::count(const Completions& answer) {
  std::lock_guard<std::mutex> lock(mutex_);
  usage_.prompt_tokens += answer.prompt_tokens;
  usage_.completion_tokens += answer.completion_tokens;
  usage_.requests += answer.requests;
}

Result<std::vector<RawCandidate>> LlmGenerator::ask(const Task& task, const Prompt& prompt_in,
                                                    int k, Deadline deadline,
                                                    const std::string& origin, Provider& provider,
                                                    const LlmSettings& settings,
                                                    std::vector<ChatMessage> history) {
  if (!may_ask()) return std::vector<RawCandidate>{};
  CompletionRequest request =
      settings.request(prompt_in.system, prompt_in.user, k, std::move(history));
  auto answer = provider.complete(request, deadline);
  if (!answer.ok()) return fail(answer.error());
  count(*answer);
  const std::string prompt = prompt_text(request);
  const std::string who = provider.name() + ":" + settings.model + "#" + origin;
  std::vector<RawCandidate> out;
  std::vector<std::size_t> cut_off;  // answers the token limit cut before any usable code
  for (std::size_t i = 0; i < answer->texts.size(); ++i) {
    const std::string finish = i < answer->finish_reasons.size() ? answer->finish_reasons[i] : "";
    RawCandidate raw = extract(task, answer->texts[i], who + std::to_string(i));
    raw.prompt = prompt;
    if (!raw.rejected.empty() && finish == "length") {
      raw.rejected = "cut off at the token limit (finish_reason length, max_tokens " +
                     std::to_string(request.max_tokens) + "): " + raw.rejected;
      cut_off.push_back(i);
    } else if (answer->texts[i].empty()) {
      raw.rejected = "the model returned no content (finish_reason " +
                     (finish.empty() ? std::string("not given") : finish) + ")";
    }
    out.push_back(std::move(raw));
  }
  // A reasoning model may spend its whole budget thinking: ask once more, with twice the
  // budget, for as many answers as were cut off. Still cut off, they stay rejected (and are
  // repaired like any unusable answer).
  if (!cut_off.empty() && request.max_tokens < kMaxRetryTokens && may_ask()) {
    CompletionRequest larger = request;
    larger.n = static_cast<int>(cut_off.size());
    larger.max_tokens = std::min(kMaxRetryTokens, request.max_tokens * 2);
    if (larger.seed) *larger.seed += static_cast<long>(answer->texts.size());
    auto again = provider.complete(larger, deadline);
    if (again.ok()) {
      count(*again);
      for (std::size_t j = 0; j < again->texts.size() && j < cut_off.size(); ++j) {
        const std::string finish = j < again->finish_reasons.size() ? again->finish_reasons[j] : "";
        RawCandidate raw =
            extract(task, again->texts[j], who + std::to_string(cut_off[j]) + "+retry");
        raw.prompt = prompt_text(larger);
        if (!raw.rejected.empty() && finish == "length")
          raw.rejected = "cut off at the token limit again (finish_reason length, max_tokens " +
                         std::to_string(larger.max_tokens) + "): " + raw.rejected;
        out[cut_off[j]] = std::move(raw);
      }
    }
  }
  return out;
}

Result<std::vector<RawCandidate>> LlmGenerator::generate(const Task& task, int k,
                                                         Deadline deadline) {
  auto prompt = first_prompt(task, settings_.prompts_dir);
  if (!prompt.ok()) return fail(prompt.error());
  return ask(task, *prompt, k, deadline, "", provider_, settings_);
}

Result<std::vector<RawCandidate>> LlmGenerator::repair(const Task& task, const std::string& failed,
                                                       const Verdict& verdict, int k,
                                                       Deadline deadline) {
  auto prompt = repair_prompt(task, failed, verdict, settings_.prompts_dir);
  if (!prompt.ok()) return fail(prompt.error());
  // The attempts sent back before this one, then this one remembered for the next repair.
  std::vector<RepairTurn> earlier;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto& turns = repaired_[task.id];
    earlier = turns;
    turns.push_back({failed, repair_problem(task.language, verdict) + "\n" +
                                 repair_diagnostics(failed, verdict)});
  }
  const bool second_model = repair_.provider != nullptr;
  const LlmSettings& settings = second_model ? repair_.settings : settings_;
  auto history = repair_history(earlier, fence_tag(task.language), settings.history_tokens);
  return ask(task, *prompt, k, deadline, "repair", second_model ? *repair_.provider : provider_,
             settings, std::move(history));
}

GenerationUsage LlmGenerator::usage() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return usage_;
}

}  // namespace verigen
