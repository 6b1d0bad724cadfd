#include "specs/lean/lean_spec.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <string_view>

#include "specs/lean/lean_syntax.h"
#include "specs/source_span.h"
#include "specs/word_scan.h"

namespace verigen::lean {

namespace {

/// A CLEVER marker line, `-- start_def NAME` or `-- end_def NAME` (any run of two or more dashes,
/// possibly several, before the keyword): sets `keyword` and `name`. A scan, not std::regex:
/// libstdc++'s regex recursed once per character, and a 900,000-character line of dashes
/// overflowed the stack.
bool match_marker(std::string_view line, std::string& keyword, std::string& name) {
  auto is_blank = [](char c) { return c == ' ' || c == '\t'; };
  std::size_t i = 0;
  while (i < line.size() && is_blank(line[i])) ++i;
  int dash_runs = 0;
  while (i < line.size() && line[i] == '-') {
    std::size_t run = line.find_first_not_of('-', i);
    if (run == std::string_view::npos) run = line.size();
    if (run - i < 2) return false;
    i = run;
    while (i < line.size() && is_blank(line[i])) ++i;
    ++dash_runs;
  }
  if (dash_runs == 0) return false;
  for (std::string_view word : {"start_def", "end_def"}) {
    if (line.substr(i, word.size()) != word) continue;
    std::size_t j = i + word.size();
    std::size_t name_begin = j;
    while (name_begin < line.size() && is_blank(line[name_begin])) ++name_begin;
    if (name_begin == j) return false;
    std::size_t name_end = name_begin;
    while (name_end < line.size() &&
           (std::isalnum(static_cast<unsigned char>(line[name_end])) || line[name_end] == '_'))
      ++name_end;
    if (name_end == name_begin) return false;
    std::size_t rest = name_end;
    while (rest < line.size() && is_blank(line[rest])) ++rest;
    if (rest != line.size()) return false;
    keyword = std::string(word);
    name = std::string(line.substr(name_begin, name_end - name_begin));
    return true;
  }
  return false;
}

}  // namespace

Result<std::vector<Section>> clever_sections(const std::string& path, const std::string& text) {
  std::vector<Section> sections;
  std::map<std::string, std::size_t> open;  // name → inner begin
  std::size_t pos = 0;
  while (pos < text.size()) {
    auto end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string keyword, name;
    if (match_marker(std::string_view(text).substr(pos, end - pos), keyword, name)) {
      if (keyword == "start_def") {
        if (open.count(name))
          return fail(spec_error(path, text, pos, "section '" + name + "' opened twice"));
        open[name] = std::min(end + 1, text.size());
      } else {
        auto it = open.find(name);
        if (it == open.end())
          return fail(spec_error(path, text, pos, "end_def " + name + " without start_def"));
        sections.push_back({name, it->second, pos});
        open.erase(it);
      }
    }
    pos = end + 1;
  }
  if (!open.empty())
    return fail(spec_error(path, text, open.begin()->second,
                           "section '" + open.begin()->first + "' is never closed"));
  std::sort(sections.begin(), sections.end(),
            [](const Section& a, const Section& b) { return a.begin < b.begin; });
  return sections;
}

Result<std::vector<Task>> clever_tasks(const std::string& path, const std::string& text) {
  auto sections = clever_sections(path, text);
  if (!sections.ok()) return fail(sections.error());
  std::string doc;
  for (const auto& s : *sections)
    if (s.name == "problem_details") doc = text.substr(s.begin, s.end - s.begin);
  struct Wanted {
    const char* section;
    const char* what;
    TaskKind kind;
  };
  const Wanted wanted[] = {{"generated_spec_body", "spec generation", TaskKind::Specify},
                           {"spec_isomorphism_proof", "spec isomorphism proof", TaskKind::Prove},
                           {"implementation", "implementation", TaskKind::Implement},
                           {"correctness_proof", "correctness proof", TaskKind::Prove}};
  std::vector<Task> tasks;
  for (const auto& w : wanted) {
    const Section* found = nullptr;
    for (const auto& s : *sections)
      if (s.name == w.section) found = &s;
    // Older problems have no generated_spec_body: the spec body follows generated_spec's `:=`.
    if (!found && std::string(w.section) == "generated_spec_body") continue;
    if (!found)
      return fail(spec_error(path, text, 0,
                             std::string("CLEVER problem without a '") + w.section + "' section"));
    Task t;
    t.id = path + "#" + w.section;
    t.language = Language::Lean;
    t.kind = w.kind;
    t.spec_path = path;
    t.spec_text = text;
    t.holes.push_back({w.section, found->begin, found->end, w.what});
    t.doc = doc;
    t.category = w.what;
    tasks.push_back(std::move(t));
  }
  return tasks;
}

Result<Task> parse_lean_spec(const std::string& path, const std::string& text) {
  auto scan = scan_words(text, kLeanComments);
  if (scan.error) return fail(spec_error(path, text, scan.error->first, scan.error->second));
  Task t;
  t.id = path;
  t.language = Language::Lean;
  t.kind = TaskKind::Prove;
  t.spec_path = path;
  t.spec_text = text;
  for (const auto& w : scan.words)
    if (w.text == "sorry") t.holes.push_back({"sorry", w.begin, w.begin + w.text.size(), ""});
  if (t.holes.empty())
    return fail(spec_error(path, text, 0, "nothing to generate: no `sorry` in this file"));
  return t;
}

}  // namespace verigen::lean
