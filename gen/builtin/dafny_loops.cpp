#include "gen/builtin/dafny_loops.h"

#include <algorithm>

#include "core/text_lines.h"
#include "gen/builtin/derived_invariants.h"
#include "gen/builtin/initial_type.h"
#include "gen/builtin/invariant_templates.h"
#include "specs/dafny/structure.h"

namespace verigen {
namespace {

using dafny::Structure;
using dafny::TokenRange;

/// The source text of tokens [first, last) on one line: tokens joined by single spaces where
/// the source had white space or a comment between them. Comments are left out: a `//` comment
/// inside a multi-line clause would otherwise swallow the rest of the line the text is put on.
std::string slice(const Structure& s, const std::string& text, std::size_t first,
                  std::size_t last) {
  const auto& t = s.lexed.tokens;
  if (first >= last || last > t.size()) return {};
  std::string out;
  for (std::size_t i = first; i < last; ++i) {
    if (i > first && t[i].begin > t[i - 1].end) out += ' ';
    // A token's own text, with any line break inside it (a verbatim string) folded too.
    for (char c : text.substr(t[i].begin, t[i].end - t[i].begin))
      out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  }
  return out;
}

/// `name: type` pairs of a parameter list's tokens [first, last) (between the parentheses).
void parameters(const Structure& s, const std::string& text, std::size_t first, std::size_t last,
                std::vector<ScopedVariable>& out) {
  const auto& t = s.lexed.tokens;
  std::size_t start = first;
  int depth = 0;
  for (std::size_t i = first; i <= last; ++i) {
    bool boundary = i == last || (depth == 0 && t[i].text == ",");
    if (i < last) {
      auto w = t[i].text;
      if (w == "(" || w == "[" || w == "<") ++depth;
      if (w == ")" || w == "]" || w == ">") --depth;
    }
    if (!boundary) continue;
    std::size_t j = start;
    while (j < i && (t[j].text == "ghost" || t[j].text == "nameonly" || t[j].text == "older")) ++j;
    if (j + 2 <= i && t[j].kind == dafny::TokenKind::Identifier && t[j + 1].text == ":")
      out.push_back({std::string(t[j].text), slice(s, text, j + 2, i), ""});
    start = i + 1;
  }
}

std::size_t matching(const Structure& s, std::size_t open) {
  int depth = 0;
  for (std::size_t i = open; i < s.lexed.tokens.size(); ++i) {
    auto w = s.lexed.tokens[i].text;
    if (w == "(" || w == "[" || w == "{" || w == "{:") ++depth;
    if (w == ")" || w == "]" || w == "}") {
      if (--depth == 0) return i;
    }
  }
  return s.lexed.tokens.size();
}

/// Splits tokens [first, last) at top-level commas.
std::vector<TokenRange> split_commas(const Structure& s, std::size_t first, std::size_t last) {
  std::vector<TokenRange> parts;
  int depth = 0;
  std::size_t start = first;
  for (std::size_t i = first; i < last; ++i) {
    auto w = s.lexed.tokens[i].text;
    if (w == "(" || w == "[" || w == "{") ++depth;
    if (w == ")" || w == "]" || w == "}") --depth;
    if (depth == 0 && w == ",") {
      parts.push_back({start, i});
      start = i + 1;
    }
  }
  parts.push_back({start, last});
  return parts;
}

/// A predicate of the program whose body is one expression: its parameter names and body.
struct PredicateBody {
  std::vector<std::string> parameters;
  std::string body;
};

/// The program's predicates with a plain body (no `by method`), by simple name.
std::map<std::string, PredicateBody> predicate_bodies(const Structure& s, const std::string& text) {
  std::map<std::string, PredicateBody> out;
  const auto& t = s.lexed.tokens;
  for (const auto& decl : s.declarations) {
    if (decl.kind != dafny::DeclKind::Predicate || !decl.body || decl.by_method_body) continue;
    std::size_t open = decl.signature.first;
    while (open < decl.signature.last && t[open].text != "(") ++open;
    if (open >= decl.signature.last) continue;
    std::vector<ScopedVariable> params;
    parameters(s, text, open + 1, matching(s, open), params);
    PredicateBody p;
    for (const auto& v : params) p.parameters.push_back(v.name);
    p.body = slice(s, text, decl.body->first + 1, decl.body->last - 1);
    // A let-expression (`var (i, j) := p; e`) does not survive being cut into conjuncts.
    if (!p.body.empty() && p.body.find(';') == std::string::npos)
      out.emplace(decl.name, std::move(p));
  }
  return out;
}

/// Each conjunct of `expression` that is a call of one of `predicates`, with the call replaced
/// by the predicate's body over the call's arguments (`Sorted(a, 0, a.Length)` → the quantifier
/// it stands for), so that the families that cut quantifiers can cut it.
std::vector<std::string> inline_predicate_calls(
    const std::string& expression, const std::map<std::string, PredicateBody>& predicates) {
  std::vector<std::string> out;
  for (const auto& conjunct : top_level_conjuncts(expression)) {
    auto open = conjunct.find('(');
    if (open == std::string::npos || conjunct.back() != ')') continue;
    auto it = predicates.find(trim_space(conjunct.substr(0, open)));
    if (it == predicates.end()) continue;
    // The arguments, split at commas outside brackets; the call must end at its own `)`.
    std::vector<std::string> args;
    int depth = 0;
    std::size_t start = open + 1;
    bool whole = true;
    for (std::size_t i = open; i < conjunct.size(); ++i) {
      char c = conjunct[i];
      if (c == '(' || c == '[' || c == '{') ++depth;
      if (c == ')' || c == ']' || c == '}') --depth;
      if ((depth == 1 && c == ',') || (depth == 0 && c == ')')) {
        args.push_back(trim_space(conjunct.substr(start, i - start)));
        start = i + 1;
      }
      if (depth == 0 && i + 1 < conjunct.size()) whole = false;
    }
    const auto& p = it->second;
    if (!whole || args.size() != p.parameters.size()) continue;
    // Through placeholders, so an argument that names another parameter is not replaced again.
    std::string body = p.body;
    for (std::size_t i = 0; i < args.size(); ++i)
      body = substitute(body, p.parameters[i], "\x01" + std::to_string(i) + "\x02");
    for (std::size_t i = 0; i < args.size(); ++i) {
      const std::string mark = "\x01" + std::to_string(i) + "\x02";
      const bool simple = args[i].find_first_of(" +-*/%") == std::string::npos;
      for (std::size_t at; (at = body.find(mark)) != std::string::npos;)
        body.replace(at, mark.size(), simple ? args[i] : "(" + args[i] + ")");
    }
    out.push_back(body);
  }
  return out;
}

}  // namespace

std::vector<LoopSite> dafny_loop_sites(const std::string& text) {
  Structure s = dafny::parse_structure(text);
  std::vector<LoopSite> sites;
  if (s.error) return sites;
  const auto& t = s.lexed.tokens;
  const auto predicates = predicate_bodies(s, text);
  for (const auto& loop : s.loops) {
    const bool for_loop = t[loop.keyword].text == "for";
    if (std::any_of(loop.clauses.begin(), loop.clauses.end(),
                    [](const auto& c) { return c.keyword == "invariant"; }))
      continue;
    const auto& decl = s.declarations[loop.declaration];
    if (decl.kind != dafny::DeclKind::Method || !decl.body) continue;
    LoopSite site;
    site.guard = slice(s, text, loop.guard.first, loop.guard.last);
    if (site.guard.size() >= 2 && site.guard.front() == '(' &&
        matching(s, loop.guard.first) + 1 == loop.guard.last)
      site.guard = site.guard.substr(1, site.guard.size() - 2);
    // `for i := lo to hi` runs i up over [lo, hi) and `for i := hi downto lo` down over
    // [lo, hi): at the loop head i lies between them, as for `while i < hi` from lo (or
    // `while i > lo` from hi).
    ScopedVariable for_variable;
    if (for_loop) {
      std::size_t i = loop.guard.first;
      if (i >= loop.guard.last || t[i].kind != dafny::TokenKind::Identifier) continue;
      for_variable.name = std::string(t[i].text);
      std::size_t assign = i + 1;
      while (assign < loop.guard.last && t[assign].text != ":=") ++assign;
      std::size_t direction = assign + 1;
      int depth = 0;
      while (direction < loop.guard.last) {
        auto w = t[direction].text;
        if (w == "(" || w == "[") ++depth;
        if (w == ")" || w == "]") --depth;
        if (depth == 0 && (w == "to" || w == "downto")) break;
        ++direction;
      }
      if (assign >= loop.guard.last || direction >= loop.guard.last) continue;
      for_variable.type = i + 2 < assign && t[i + 1].text == ":" ? slice(s, text, i + 2, assign)
                                                                 : std::string("int");
      const std::string from = slice(s, text, assign + 1, direction);
      const std::string to = slice(s, text, direction + 1, loop.guard.last);
      if (from.empty() || to.empty()) continue;
      const bool up = t[direction].text == "to";
      for_variable.initial = from;
      site.guard = for_variable.name + (up ? " < " : " > ") + to;
    }

    // Where the lines go: before the body's `{`, on a line of their own.
    const std::size_t brace = t[loop.body.first].begin;
    std::size_t line_start = text.rfind('\n', brace == 0 ? 0 : brace - 1);
    line_start = line_start == std::string::npos ? 0 : line_start + 1;
    const std::size_t while_line = [&] {
      auto at = text.rfind('\n', t[loop.keyword].begin);
      return at == std::string::npos ? std::size_t{0} : at + 1;
    }();
    std::string while_indent =
        text.substr(while_line, text.find_first_not_of(" \t", while_line) - while_line);
    site.indent = while_indent + "  ";
    bool brace_alone = text.find_first_not_of(" \t", line_start) == brace;
    site.insert_at = brace_alone ? line_start : brace;
    site.break_line = !brace_alone;

    // Parameters and results from the signature; the first group is the inputs.
    std::vector<ScopedVariable> groups[2];
    int group = 0;
    bool generic = false;
    for (std::size_t i = decl.signature.first; i < decl.signature.last; ++i) {
      if (t[i].text == "<" && group == 0 && groups[0].empty()) generic = true;
      if (t[i].text != "(") continue;
      std::size_t close = matching(s, i);
      std::vector<ScopedVariable> found;
      parameters(s, text, i + 1, std::min(close, decl.signature.last), found);
      site.variables.insert(site.variables.end(), found.begin(), found.end());
      if (group < 2) groups[group++] = std::move(found);
      i = close;
    }
    site.body_open = t[loop.body.first].end;
    site.method = loop.declaration;
    bool ghost = false;
    for (std::size_t i = decl.modifiers.first; i < decl.modifiers.last; ++i)
      ghost = ghost || t[i].text == "ghost";
    site.call.callable = !generic && !ghost && decl.kind == dafny::DeclKind::Method &&
                         (decl.container.empty() || decl.container == "module" || decl.is_static);
    site.call.name = decl.qualified_name;
    site.call.inputs = groups[0];
    site.call.outputs = static_cast<int>(groups[1].size());
    // Locals declared before the loop, with their initialisers.
    for (std::size_t i = decl.body->first; i < loop.keyword; ++i) {
      if (t[i].text != "var") continue;
      std::size_t end = i + 1;
      while (end < loop.keyword && t[end].text != ";") ++end;
      std::size_t assign = i + 1;
      while (assign < end && t[assign].text != ":=") ++assign;
      auto names = split_commas(s, i + 1, assign);
      std::vector<TokenRange> values =
          assign < end ? split_commas(s, assign + 1, end) : std::vector<TokenRange>{};
      for (std::size_t k = 0; k < names.size(); ++k) {
        if (names[k].empty() || t[names[k].first].kind != dafny::TokenKind::Identifier) continue;
        ScopedVariable v;
        v.name = std::string(t[names[k].first].text);
        if (names[k].first + 2 <= names[k].last && t[names[k].first + 1].text == ":")
          v.type = slice(s, text, names[k].first + 2, names[k].last);
        if (values.size() == names.size())
          v.initial = slice(s, text, values[k].first, values[k].last);
        if (v.type.empty()) v.type = infer_initial_type(v.initial, site.variables);
        site.variables.push_back(std::move(v));
      }
      i = end;
    }
    if (for_loop) {
      site.variables.push_back(for_variable);
      site.modified.push_back(for_variable.name);  // the loop moves it, though no `:=` does
    }
    // Locals the body declares: assigning them writes no heap.
    std::vector<std::string> body_locals;
    for (std::size_t i = loop.body.first; i < loop.body.last; ++i) {
      if (t[i].text != "var") continue;
      for (std::size_t j = i + 1; j < loop.body.last; ++j) {
        auto w = t[j].text;
        if (w == ":=" || w == ";" || w == ":|" || w == "{" || w == "}") break;
        if (t[j].kind == dafny::TokenKind::Identifier && (j == i + 1 || t[j - 1].text == ","))
          body_locals.emplace_back(w);
      }
    }
    // What the loop assigns: the first identifier of each target of `:=` (`a[i] := e` modifies
    // `a`, not `i`).
    for (std::size_t i = loop.body.first; i < loop.body.last; ++i) {
      if (t[i].text != ":=") continue;
      std::size_t start = i;
      while (start > loop.body.first) {
        auto w = t[start - 1].text;
        if (w == ";" || w == "{" || w == "}") break;
        --start;
      }
      if (t[start].text == "var") continue;  // a new local, not a loop-carried variable
      for (const auto& target : split_commas(s, start, i)) {
        if (target.empty() || t[target.first].kind != dafny::TokenKind::Identifier) continue;
        std::string name(t[target.first].text);
        bool known = std::any_of(site.variables.begin(), site.variables.end(),
                                 [&](const auto& v) { return v.name == name; });
        // `a[i] :=` and `o.f :=` write the heap through a scoped name; a bare name not in scope
        // is a field of `this`.
        bool through = target.first + 1 < target.last &&
                       (t[target.first + 1].text == "[" || t[target.first + 1].text == ".");
        bool local = std::find(body_locals.begin(), body_locals.end(), name) != body_locals.end();
        std::string object = local ? "" : known ? (through ? name : "") : "this";
        if (!object.empty() && std::find(site.heap_written.begin(), site.heap_written.end(),
                                         object) == site.heap_written.end())
          site.heap_written.push_back(object);
        if (known &&
            std::find(site.modified.begin(), site.modified.end(), name) == site.modified.end())
          site.modified.push_back(name);
      }
    }
    for (const auto& clause : decl.contracts) {
      std::size_t last = clause.tokens.last;
      if (last > clause.tokens.first + 1 && t[last - 1].text == ";") --last;
      std::string expression = slice(s, text, clause.tokens.first + 1, last);
      if (clause.keyword == "requires") site.preconditions.push_back(expression);
      if (clause.keyword == "requires") site.call.requires_.push_back(expression);
      if (clause.keyword == "ensures") {
        site.postconditions.push_back(expression);
        for (auto& inlined : inline_predicate_calls(expression, predicates))
          site.postconditions.push_back(std::move(inlined));
      }
      if (clause.keyword == "modifies")
        for (const auto& frame : split_commas(s, clause.tokens.first + 1, last))
          site.frames.push_back(slice(s, text, frame.first, frame.last));
    }
    for (std::size_t i = loop.body.first; i < loop.body.last; ++i) {
      if (t[i].text == "return" || t[i].text == "break") site.exits_early = true;
      if (t[i].text != "if") continue;
      // `if COND { ... return|break ... }`: the condition runs to the branch's `{`.
      std::size_t open = i + 1;
      int depth = 0;
      while (open < loop.body.last) {
        auto w = t[open].text;
        if (depth == 0 && w == "{") break;
        if (w == "(" || w == "[") ++depth;
        if (w == ")" || w == "]") --depth;
        ++open;
      }
      if (open >= loop.body.last) continue;
      std::size_t close = matching(s, open);
      bool leaves = false;
      for (std::size_t j = open; j < close && j < loop.body.last; ++j)
        leaves = leaves || t[j].text == "return" || t[j].text == "break";
      std::string condition = slice(s, text, i + 1, open);
      if (leaves && !condition.empty()) site.exit_conditions.push_back(condition);
    }
    // Asserts after the loop state what the loop must establish, like postconditions.
    for (std::size_t i = loop.body.last; i < decl.body->last; ++i) {
      if (t[i].text != "assert") continue;
      std::size_t end = i + 1;
      int depth = 0;
      while (end < decl.body->last) {
        auto w = t[end].text;
        if (w == "(" || w == "[" || w == "{" || w == "{:") ++depth;
        if (w == ")" || w == "]" || w == "}") --depth;
        if (depth < 0 || (depth == 0 && (w == ";" || w == "by"))) break;
        ++end;
      }
      std::size_t first = i + 1;
      while (first < end && t[first].text == "{:") first = matching(s, first) + 1;  // attributes
      if (first < end) site.later_asserts.push_back(slice(s, text, first, end));
      i = end;
    }
    sites.push_back(std::move(site));
  }
  return sites;
}

}  // namespace verigen
