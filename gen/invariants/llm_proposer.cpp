#include "gen/invariants/llm_proposer.h"

#include <set>

#include "backends/z3/inv_checker.h"
#include "core/text_lines.h"
#include "gen/code_blocks.h"
#include "gen/invariants/sygus_houdini.h"
#include "gen/invariants/terms.h"
#include "gen/prompt_template.h"
#include "specs/sygus/problem_text.h"

namespace verigen::inv {
namespace {

using sygus::SExpr;

/// Fence names models use for SMT-LIB (an untagged fence counts too).
bool smt_fence(const std::string& language) {
  static const std::set<std::string> kNames{"",        "smt",    "smt2",        "smtlib", "smt-lib",
                                            "smtlib2", "sygus",  "sl",          "lisp",   "scheme",
                                            "clojure", "racket", "common-lisp", "text"};
  return kNames.count(language) > 0;
}

/// The balanced s-expression starting at `open` (a '('), skipping comments and |quoted|
/// symbols; nullopt when it never closes.
std::optional<std::string> balanced_from(const std::string& code, std::size_t open) {
  int depth = 0;
  for (std::size_t i = open; i < code.size(); ++i) {
    char c = code[i];
    if (c == ';') {
      i = code.find('\n', i);
      if (i == std::string::npos) return std::nullopt;
    } else if (c == '|') {
      i = code.find('|', i + 1);
      if (i == std::string::npos) return std::nullopt;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')' && --depth == 0) {
      return code.substr(open, i - open + 1);
    }
  }
  return std::nullopt;
}

/// A counterexample for a prompt: one line per state, `x = 5, y = 3`.
std::string states_text(const std::vector<z3inv::State>& states) {
  std::string out;
  for (std::size_t i = 0; i < states.size(); ++i) {
    out += states.size() > 1 ? (i == 0 ? "before: " : "after:  ") : "state: ";
    bool first = true;
    for (const auto& [name, value] : states[i]) {
      out += (first ? "" : ", ") + name + " = " + value;
      first = false;
    }
    out += "\n";
  }
  return out.empty() ? "(none given)\n" : out;
}

}  // namespace

LlmInvariantProposer::LlmInvariantProposer(Provider& provider, LlmSettings settings)
    : provider_(provider), settings_(std::move(settings)) {}

LlmInvariantProposer::LlmInvariantProposer(LlmProviderChain chain)
    : owned_(std::move(chain)), provider_(owned_->active()), settings_(owned_->settings) {}

std::string LlmInvariantProposer::name() const { return provider_.name() + ":" + settings_.model; }

Result<std::string> LlmInvariantProposer::user_prompt(const sygus::Problem& problem) {
  auto text = prompt_template(Language::SyGuS, "invariant");
  if (!text.ok()) return fail(text.error());
  return render_template(*text, {{"logic", problem.logic},
                                 {"problem", sygus::problem_text(problem)},
                                 {"inv_name", problem.inv_name},
                                 {"params", sygus::params_text(problem.variables)},
                                 {"pre", problem.pre},
                                 {"trans", problem.trans},
                                 {"post", problem.post}});
}

Result<SExpr> LlmInvariantProposer::extract(const sygus::Problem& problem,
                                            const std::string& completion,
                                            const std::string& origin) {
  const CodeBlock* chosen = nullptr;
  auto blocks = extract_code_blocks(completion);
  // A block holding a define-fun wins over an earlier one that, say, restates the problem's pre.
  for (const auto& b : blocks)
    if (smt_fence(b.language) && b.code.find("(define-fun") != std::string::npos) {
      chosen = &b;
      break;
    }
  for (const auto& b : blocks)
    if (!chosen && smt_fence(b.language) && !trim_space(b.code).empty()) chosen = &b;
  if (!chosen) return fail(origin + ": error: no SMT-LIB code in the answer");
  if (!chosen->closed)
    return fail(origin + ": error: truncated answer (the code block is never closed)");

  const std::string& code = chosen->code;
  std::string term;
  auto start = code.find("(define-fun");
  if (start == std::string::npos) start = code.find('(');
  if (start != std::string::npos) {
    auto balanced = balanced_from(code, start);
    if (!balanced) return fail(origin + ": error: unbalanced parentheses in the answer");
    term = *balanced;
  } else {
    // A bare atom (`true`, a Bool variable) is a term too; prose is not.
    term = trim_space(code);
    if (term.find_first_of(" \t\r\n") != std::string::npos)
      return fail(origin + ": error: no define-fun or term in the answer");
  }
  return sygus::parse_invariant(term, problem, origin);
}

Result<std::vector<InvariantCandidate>> LlmInvariantProposer::candidates(
    const sygus::Problem& problem, int k, Deadline deadline) {
  auto system = prompt_template(Language::SyGuS, "system");
  if (!system.ok()) return fail(system.error());
  auto user = user_prompt(problem);
  if (!user.ok()) return fail(user.error());
  CompletionRequest request = settings_.request(*system, *user, k);
  auto answer = provider_.complete(request, deadline);
  if (!answer.ok()) return fail(name() + ": " + answer.error());

  std::vector<InvariantCandidate> out;
  std::vector<RejectedCompletion> rejected;
  std::map<std::string, std::string> first_origin;  // text → origin of its first occurrence
  auto take = [&](const std::vector<std::string>& texts, const std::string& prefix) {
    for (std::size_t i = 0; i < texts.size(); ++i) {
      const auto& raw = texts[i];
      auto origin = name() + "#" + prefix + std::to_string(i);
      auto body = extract(problem, raw, origin);
      if (!body.ok()) {
        rejected.push_back({origin, body.error(), raw});
        continue;
      }
      auto text = sygus::to_smtlib(*body);
      auto [it, fresh] = first_origin.emplace(text, origin);
      if (!fresh) {
        rejected.push_back({origin, origin + ": duplicate of " + it->second, raw});
        continue;
      }
      InvariantCandidate c;
      c.body = std::move(*body);
      c.text = std::move(text);
      c.origin = origin;
      c.index = static_cast<int>(out.size());
      out.push_back(std::move(c));
    }
  };
  take(answer->texts, "");
  count(*answer);

  // Checked whole, one wrong conjunct sinks a candidate whose other conjuncts are right: the
  // conjuncts of every answer, pooled, go through the same Houdini as the builtin candidates,
  // and what survives is one more candidate. When it still fails, the failed check goes back
  // to the model once, and the new answers' conjuncts join the survivors.
  std::vector<Atom> atoms;
  for (const auto& c : out)
    for (auto& part : conjuncts(c.body)) add_atom(atoms, std::move(part), "llm");
  auto add_pruned = [&](const SygusHoudiniOutcome& pruned, const std::string& label) {
    if (!pruned.inductive || pruned.kept.empty()) return std::optional<SExpr>();
    std::vector<SExpr> parts;
    for (const auto& a : pruned.kept) parts.push_back(a.term);
    SExpr conj = conjunction(parts);
    auto text = sygus::to_smtlib(conj);
    if (first_origin.emplace(text, name() + "#" + label).second) {
      InvariantCandidate c;
      c.body = conj;
      c.text = std::move(text);
      c.origin = name() + "#" + label;
      c.index = static_cast<int>(out.size());
      out.push_back(std::move(c));
    }
    return std::optional<SExpr>(conj);
  };
  if (houdini_ && atoms.size() > 1 && !deadline.expired()) {
    z3inv::InvariantChecker checker(problem);
    auto pruned = sygus_houdini(checker, atoms, deadline);
    auto conj = add_pruned(pruned, "houdini");
    const bool any_verified = [&] {
      for (const auto& c : out)
        if (checker.check(c.body, deadline).outcome == Outcome::Verified) return true;
      return false;
    }();
    if (conj && !any_verified && feedback_rounds_ > 0 && !deadline.expired()) {
      auto verdict = checker.check(*conj, deadline);
      if (const auto* failed = verdict.failed(); failed && failed->outcome == Outcome::Refuted) {
        auto text = prompt_template(Language::SyGuS, "feedback");
        if (!text.ok()) return fail(text.error());
        auto feedback =
            render_template(*text, {{"check", failed->name},
                                    {"invariant", sygus::to_smtlib(*conj)},
                                    {"counterexample", states_text(failed->counterexample)},
                                    {"inv_name", problem.inv_name},
                                    {"params", sygus::params_text(problem.variables)}});
        if (!feedback.ok()) return fail(feedback.error());
        CompletionRequest again = settings_.request(*system, *user + "\n" + *feedback, k);
        if (again.seed) *again.seed += k;
        auto second = provider_.complete(again, deadline);
        if (second.ok()) {
          count(*second);
          const std::size_t before = out.size();
          take(second->texts, "feedback");
          std::vector<Atom> pool = pruned.kept;
          for (std::size_t i = before; i < out.size(); ++i)
            for (auto& part : conjuncts(out[i].body)) add_atom(pool, std::move(part), "llm");
          if (pool.size() > pruned.kept.size())
            add_pruned(sygus_houdini(checker, pool, deadline), "feedback-houdini");
        }
      }
    }
  }
  std::lock_guard<std::mutex> lock(mutex_);
  rejected_ = std::move(rejected);
  return out;
}

void LlmInvariantProposer::count(const Completions& answer) {
  std::lock_guard<std::mutex> lock(mutex_);
  usage_.prompt_tokens += answer.prompt_tokens;
  usage_.completion_tokens += answer.completion_tokens;
  usage_.requests += answer.requests;
}

std::vector<RejectedCompletion> LlmInvariantProposer::rejected() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return rejected_;
}

GenerationUsage LlmInvariantProposer::usage() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return usage_;
}

Result<std::unique_ptr<InvariantProposer>> make_llm_proposer(const GeneratorOptions& options) {
  auto chain = make_llm_provider_chain(options, "inv");
  if (!chain.ok()) return fail(chain.error());
  return std::unique_ptr<InvariantProposer>(
      std::make_unique<LlmInvariantProposer>(std::move(*chain)));
}

}  // namespace verigen::inv
