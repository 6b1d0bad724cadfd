#include "gen/answer_extraction.h"

#include <algorithm>
#include <cctype>
#include <regex>
#include <set>

#include "gen/code_blocks.h"
#include "specs/splice.h"

namespace verigen {
namespace {

/// A line that reads as an English sentence: five or more words, nearly all plain words, and
/// none of the punctuation code is made of.
bool sentence_like(const std::string& line) {
  if (line.find_first_of(";{}=<>[]|") != std::string::npos || line.find(":=") != std::string::npos)
    return false;
  int words = 0, plain = 0;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && std::isspace(static_cast<unsigned char>(line[i]))) ++i;
    std::size_t start = i;
    while (i < line.size() && !std::isspace(static_cast<unsigned char>(line[i]))) ++i;
    if (i == start) break;
    ++words;
    std::string word = line.substr(start, i - start);
    while (!word.empty() && std::string(".,:;!?'\")").find(word.back()) != std::string::npos)
      word.pop_back();
    const bool letters =
        std::any_of(word.begin(), word.end(), [](unsigned char c) { return std::isalpha(c); });
    if (letters && std::all_of(word.begin(), word.end(), [](unsigned char c) {
          return std::isalpha(c) || c == '\'' || c == '-';
        }))
      ++plain;
  }
  return words >= 5 && plain * 10 >= words * 8;
}

/// Most of the block's lines are sentences: an explanation, not code.
bool is_prose(const std::string& code) {
  int lines = 0, sentences = 0;
  std::size_t pos = 0;
  while (pos < code.size()) {
    auto end = code.find('\n', pos);
    if (end == std::string::npos) end = code.size();
    std::string line = code.substr(pos, end - pos);
    pos = end + 1;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    ++lines;
    if (sentence_like(line)) ++sentences;
  }
  return lines > 0 && sentences * 2 > lines;
}

/// The fence names models use for each language ("" is an untagged block).
bool fence_matches(Language language, const std::string& fence) {
  if (fence.empty() || fence == to_string(language)) return true;
  switch (language) {
    case Language::Dafny:
      return fence == "dfy";
    case Language::Lean:
      return fence == "lean4";
    case Language::FStar:
      return fence == "fst" || fence == "f*" || fence == "fsharp";
    default:
      return false;
  }
}

}  // namespace

std::string strip_reasoning(const std::string& answer, bool* all_reasoning) {
  if (all_reasoning) *all_reasoning = false;
  std::string text = answer;
  for (const std::string tag : {"think", "thinking", "reasoning", "reflection"}) {
    const std::string open = "<" + tag + ">", close = "</" + tag + ">";
    // An answer that starts inside the reasoning (the server ate the opening tag).
    auto first_close = text.find(close);
    auto first_open = text.find(open);
    if (first_close != std::string::npos &&
        (first_open == std::string::npos || first_close < first_open))
      text.erase(0, first_close + close.size());
    for (auto at = text.find(open); at != std::string::npos; at = text.find(open, at)) {
      auto end = text.find(close, at + open.size());
      if (end == std::string::npos) {
        // Still thinking when the answer ended: there is no answer after it.
        if (all_reasoning) *all_reasoning = true;
        text.erase(at);
        break;
      }
      text.erase(at, end + close.size() - at);
    }
  }
  return text;
}

namespace {

/// The declaration forms of each language, the name in group 1. A keyword must be followed by
/// a name and what a declaration has next (a parameter list, a type, a body), so prose that
/// says "this method without ..." or "let me think" declares nothing.
const std::vector<std::regex>& declaration_patterns(Language language) {
  static const std::vector<std::regex> dafny = {
      std::regex(
          R"(\b(?:method|function|predicate|lemma|constructor|twostate\s+lemma)\s+(?:\{[^}]*\}\s*)*([A-Za-z_][A-Za-z0-9_'?]*)\s*[(<])"),
      std::regex(
          R"(\b(?:class|datatype|codatatype|trait|module|newtype|type|const)\s+(?:\{[^}]*\}\s*)*([A-Za-z_][A-Za-z0-9_'?.]*)\s*[{=<:])")};
  static const std::vector<std::regex> lean = {std::regex(
      R"(\b(?:def|theorem|lemma|abbrev|structure|inductive)\s+([A-Za-z_][A-Za-z0-9_.']*)\s*[(:{\[]|\b(?:def|theorem|lemma|abbrev)\s+([A-Za-z_][A-Za-z0-9_.']*)\s+[A-Za-z_(])")};
  static const std::vector<std::regex> fstar = {
      std::regex(R"(\bval\s+([A-Za-z_][A-Za-z0-9_']*)\s*:)"),
      std::regex(R"(\blet\s+(?:rec\s+)?([A-Za-z_][A-Za-z0-9_']*)[^\n=]*=)")};
  return language == Language::Lean ? lean : language == Language::FStar ? fstar : dafny;
}

/// The names `text` declares in `language`, in order of appearance, without repeats (at most
/// 32).
std::vector<std::string> names_declared_in(Language language, const std::string& text) {
  std::vector<std::pair<std::size_t, std::string>> found;
  for (const auto& pattern : declaration_patterns(language))
    for (auto it = std::sregex_iterator(text.begin(), text.end(), pattern);
         it != std::sregex_iterator(); ++it)
      for (std::size_t g = 1; g < it->size(); ++g)
        if ((*it)[g].matched) found.emplace_back(it->position(g), (*it)[g].str());
  std::sort(found.begin(), found.end());
  std::vector<std::string> names;
  std::set<std::string> seen;
  for (auto& [at, name] : found)
    if (name != "_" && names.size() < 32 && seen.insert(name).second) names.push_back(name);
  return names;
}

}  // namespace

std::vector<std::string> declared_names(const Task& task) {
  return names_declared_in(task.language, task.spec_text);
}

RawCandidate extract_candidate(const Task& task, const std::string& completion,
                               const std::string& origin) {
  RawCandidate raw;
  raw.origin = origin;
  raw.raw = completion;
  const std::string language(to_string(task.language));
  if (completion.find_first_not_of(" \t\r\n") == std::string::npos) {
    raw.rejected = "empty answer";
    return raw;
  }
  bool all_reasoning = false;
  const std::string answer = strip_reasoning(completion, &all_reasoning);
  auto blocks = extract_code_blocks(answer);
  std::vector<const CodeBlock*> closed;
  bool truncated = false;
  for (const auto& b : blocks) {
    if (!fence_matches(task.language, b.language)) continue;
    (b.closed ? closed.push_back(&b) : void(truncated = true));
  }
  if (closed.empty()) {
    if (all_reasoning)
      raw.rejected = "the answer ended inside its reasoning (<think> never closed): no code";
    else if (truncated)
      raw.rejected = "truncated answer (the code block is never closed)";
    else
      raw.rejected =
          blocks.empty() ? "no code in the answer" : "no " + language + " code block in the answer";
    return raw;
  }
  const auto names = declared_names(task);
  // A block "contains the task" when it declares every name the spec declares: a block that
  // only calls them (a usage example) does not count.
  auto complete = [&](const CodeBlock* b) {
    if (names.empty()) return false;
    auto found = names_declared_in(task.language, b->code);
    std::set<std::string> declared(found.begin(), found.end());
    return std::all_of(names.begin(), names.end(),
                       [&](const std::string& n) { return declared.count(n) > 0; });
  };
  const CodeBlock* best = nullptr;
  for (int pass = 0; pass < 4 && !best; ++pass) {
    // The last block that qualifies: a model's final answer comes after its drafts.
    for (auto it = closed.rbegin(); it != closed.rend() && !best; ++it) {
      const bool tagged = !(*it)->language.empty();
      if ((pass == 0 && complete(*it) && tagged) || (pass == 1 && complete(*it)) ||
          (pass == 2 && tagged) || pass == 3)
        best = *it;
    }
  }
  const bool declares = !names_declared_in(task.language, best->code).empty();
  if (!complete(best) && !declares && is_prose(best->code)) {
    raw.rejected = "the answer is prose, not " + language + " code";
    return raw;
  }
  if (task.language == Language::Dafny && !declares && task.holes.size() == 1) {
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

}  // namespace verigen
