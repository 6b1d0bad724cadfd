#include "specs/dafny/spec_file.h"

#include <algorithm>
#include <regex>

#include "specs/dafny/nesting.h"
#include "specs/dafny/structure.h"
#include "specs/source_span.h"
#include "specs/splice.h"

namespace verigen::dafny {
namespace {

bool has_attribute(const Declaration& d, const char* name) {
  for (const auto& a : d.attributes)
    if (a.rfind(std::string("{: ") + name, 0) == 0) return true;
  return false;
}

bool has_contract(const Declaration& d, const char* keyword) {
  return std::any_of(d.contracts.begin(), d.contracts.end(), [&](const Clause& c) { return c.keyword == keyword; });
}

std::size_t end_offset(const Structure& s, std::size_t token_end) {
  return token_end > 0 && token_end - 1 < s.lexed.tokens.size() ? s.lexed.tokens[token_end - 1].end : 0;
}

}  // namespace

std::vector<Example> parse_examples(const std::string& doc) {
  static const std::regex kExample(R"((?:^|\n)\s*[-*]?\s*[Ee]xample:\s*(.+?)\s*==\s*([^\n]+?)\s*(?=\n|$))");
  std::vector<Example> out;
  for (std::sregex_iterator it(doc.begin(), doc.end(), kExample), end; it != end; ++it)
    out.push_back({(*it)[1].str(), (*it)[2].str()});
  return out;
}

Result<Task> parse_spec(const std::string& path, const std::string& text, std::optional<TaskKind> forced_kind) {
  if (auto at = too_deep(lex(text)))
    return fail(spec_error(path, text, *at, "nesting deeper than " + std::to_string(kMaxNesting)));
  Structure s = parse_structure(text);
  if (s.error) return fail(spec_error(path, text, s.error_offset, *s.error));
  Task task;
  task.id = path;
  task.language = Language::Dafny;
  task.source_path = path;
  task.source = text;

  const bool specify_marker = text.find("verigen: specify") != std::string::npos;
  TaskKind kind = forced_kind ? *forced_kind : specify_marker ? TaskKind::Specify : TaskKind::Verify;
  std::vector<std::string> docs;
  int functions = 0;

  for (const auto& d : s.declarations) {
    ++functions;
    for (auto& e : parse_examples(d.doc)) task.examples.push_back(std::move(e));
    if (!d.doc.empty()) docs.push_back(d.name + ": " + d.doc);
  }

  auto add_hole = [&](const Declaration& d, std::size_t begin, std::size_t end) {
    task.holes.push_back({d.name, begin, end, d.doc});
  };

  if (kind == TaskKind::Specify) {
    for (const auto& d : s.declarations)
      if (!d.doc.empty() && !has_contract(d, "ensures"))
        add_hole(d, end_offset(s, d.signature.last), end_offset(s, d.signature.last));
  } else {
    if (!forced_kind || *forced_kind == TaskKind::Implement) {
      for (const auto& d : s.declarations) {
        if (d.body || has_attribute(d, "axiom") || has_attribute(d, "extern")) continue;
        // A body-less lemma is a proof hole; a body-less method or function, an implementation.
        std::size_t at = d.end;
        add_hole(d, at, at);
      }
      if (!task.holes.empty()) kind = TaskKind::Implement;
    }
    if (task.holes.empty() && (!forced_kind || *forced_kind == TaskKind::Annotate)) {
      for (const auto& loop : s.loops) {
        bool has_invariant = std::any_of(loop.clauses.begin(), loop.clauses.end(),
                                         [](const Clause& c) { return c.keyword == "invariant"; });
        if (has_invariant) continue;
        std::size_t at = s.lexed.tokens[loop.body.first].begin;
        add_hole(s.declarations[loop.declaration], at, at);
      }
      for (const auto& d : s.declarations)
        if (d.kind == DeclKind::Lemma && d.body && d.body->last - d.body->first == 2) {
          std::size_t at = s.lexed.tokens[d.body->first].end;
          add_hole(d, at, at);
        }
      if (!task.holes.empty()) kind = TaskKind::Annotate;
    }
  }
  if (task.holes.empty())
    return fail(spec_error(path, text, 0,
                           "nothing to generate: no body-less method or function, no loop without an "
                           "invariant, no empty lemma" +
                               std::string(kind == TaskKind::Specify ? ", no documented declaration without ensures" : "")));
  std::sort(task.holes.begin(), task.holes.end(), [](const Hole& a, const Hole& b) { return a.begin < b.begin; });
  task.kind = kind;
  for (const auto& doc : docs) task.doc += (task.doc.empty() ? "" : "\n") + doc;
  task.category = std::to_string(functions) + " declarations";
  return task;
}

std::string splice(const Task& task, const std::vector<std::string>& fills) { return splice_holes(task, fills); }

}  // namespace verigen::dafny
