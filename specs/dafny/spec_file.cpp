#include "specs/dafny/spec_file.h"

#include <algorithm>

#include "specs/dafny/example_call.h"
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
  return std::any_of(d.contracts.begin(), d.contracts.end(),
                     [&](const Clause& c) { return c.keyword == keyword; });
}

std::size_t end_offset(const Structure& s, std::size_t token_end) {
  return token_end > 0 && token_end - 1 < s.lexed.tokens.size() ? s.lexed.tokens[token_end - 1].end
                                                                : 0;
}

/// The comments that form the doc comment of the declaration starting at `offset` (the same
/// rule as the structure's doc: comments right before it, no blank line between), in order.
std::vector<Comment> doc_comments(const Structure& s, std::string_view text, std::size_t offset) {
  std::vector<Comment> out;
  std::size_t cursor = offset;
  for (auto it = s.lexed.comments.rbegin(); it != s.lexed.comments.rend(); ++it) {
    if (it->end > cursor) continue;
    auto gap = text.substr(it->end, cursor - it->end);
    if (gap.find_first_not_of(" \t\r\n") != std::string_view::npos) break;
    if (std::count(gap.begin(), gap.end(), '\n') > 1) break;
    out.insert(out.begin(), *it);
    cursor = it->begin;
  }
  return out;
}

/// The `example:` lines of one comment: the offset (into `text`) where each example's text
/// starts, and that text up to the end of its line or of the comment.
std::vector<std::pair<std::size_t, std::string_view>> example_lines(std::string_view text,
                                                                    const Comment& c) {
  std::vector<std::pair<std::size_t, std::string_view>> out;
  const std::size_t content_end = c.block && c.end >= c.begin + 4 ? c.end - 2 : c.end;
  std::size_t pos = c.begin;
  while (pos < content_end) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos || end > content_end) end = content_end;
    std::size_t at = pos;
    while (at < end && std::string_view(" \t/*!").find(text[at]) != std::string_view::npos) ++at;
    if (at < end && (text[at] == '-' || text[at] == '*')) ++at;
    while (at < end && (text[at] == ' ' || text[at] == '\t')) ++at;
    auto rest = text.substr(at, end - at);
    if (rest.starts_with("example:") || rest.starts_with("Example:"))
      out.emplace_back(at + 8, text.substr(at + 8, end - at - 8));
    pos = end + 1;
  }
  return out;
}

/// The examples in `d`'s doc comment, each parsed as data (example_call.h). A line that is not
/// a call of one of the spec's methods or functions with literal arguments is an error at its
/// place, before anything runs.
Result<std::vector<Example>> declaration_examples(const std::string& path, std::string_view text,
                                                  const Structure& s, const Declaration& d) {
  std::vector<Example> out;
  for (const auto& comment : doc_comments(s, text, d.begin)) {
    for (const auto& [offset, line] : example_lines(text, comment)) {
      auto parsed = parse_example(line);
      if (!parsed.call)
        return fail(
            spec_error(path, text, offset + parsed.error_offset, "example: " + parsed.error));
      const auto& name = parsed.call->function;
      bool callable =
          std::any_of(s.declarations.begin(), s.declarations.end(), [&](const Declaration& other) {
            return other.name == name && other.qualified_name == name &&
                   other.kind != DeclKind::Lemma;
          });
      if (!callable) {
        auto name_at = offset + line.find(name);
        return fail(spec_error(path, text, name_at,
                               "example: '" + name +
                                   "' is not a method, function or predicate declared at the "
                                   "top level of this spec; an example calls one of them"));
      }
      out.push_back({parsed.call->call_text, parsed.call->expected_text});
    }
  }
  return out;
}

}  // namespace

Result<Task> parse_spec(const std::string& path, const std::string& text,
                        std::optional<TaskKind> forced_kind) {
  if (auto at = too_deep(lex(text)))
    return fail(spec_error(path, text, *at, "nesting deeper than " + std::to_string(kMaxNesting)));
  Structure s = parse_structure(text);
  if (s.error) return fail(spec_error(path, text, s.error_offset, *s.error));
  Task task;
  task.id = path;
  task.language = Language::Dafny;
  task.spec_path = path;
  task.spec_text = text;

  const bool specify_marker = text.find("verigen: specify") != std::string::npos;
  TaskKind kind = forced_kind      ? *forced_kind
                  : specify_marker ? TaskKind::Specify
                                   : TaskKind::Verify;
  std::vector<std::string> docs;
  int functions = 0;

  for (const auto& d : s.declarations) {
    ++functions;
    auto examples = declaration_examples(path, text, s, d);
    if (!examples.ok()) return fail(examples.error());
    for (auto& e : *examples) task.examples.push_back(std::move(e));
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
    return fail(spec_error(
        path, text, 0,
        "nothing to generate: no body-less method or function, no loop without an "
        "invariant, no empty lemma" +
            std::string(kind == TaskKind::Specify ? ", no documented declaration without ensures"
                                                  : "")));
  std::sort(task.holes.begin(), task.holes.end(),
            [](const Hole& a, const Hole& b) { return a.begin < b.begin; });
  task.kind = kind;
  for (const auto& doc : docs) task.doc += (task.doc.empty() ? "" : "\n") + doc;
  task.category = std::to_string(functions) + " declarations";
  return task;
}

std::string splice(const Task& task, const std::vector<std::string>& fills) {
  return splice_holes(task, fills);
}

}  // namespace verigen::dafny
