#include "specs/dafny/vacuity.h"

#include <algorithm>
#include <map>
#include <set>

#include "specs/dafny/code_normal_form.h"
#include "specs/dafny/structure.h"
#include "specs/source_span.h"

namespace verigen::dafny {
namespace {

/// Index just past the token closing the one at `open`; `up` and `down` are the bracket kinds
/// counted (an attribute opens with `{:` and closes with `}`, so `{` counts up as well).
std::size_t close_of(const Structure& s, std::size_t open, std::size_t last, std::string_view up,
                     std::string_view down) {
  const auto& t = s.lexed.tokens;
  int depth = 0;
  for (std::size_t i = open; i < last; ++i) {
    if (t[i].text == up || (up == "{:" && t[i].text == "{")) ++depth;
    if (t[i].text == down && --depth == 0) return i + 1;
  }
  return last;
}

/// The text of a requires clause's expression: without the keyword, a label (`L:`), leading
/// attributes and Dafny 3's trailing `;`.
std::string requirement(std::string_view text, const Structure& s, const Clause& c) {
  const auto& t = s.lexed.tokens;
  std::size_t first = c.tokens.first + 1, last = c.tokens.last;
  for (bool more = true; more;) {  // attributes and a label, in either order
    more = false;
    if (first < last && t[first].text == "{:") {
      first = close_of(s, first, last, "{:", "}");
      more = true;
    }
    if (first + 1 < last && t[first].kind == TokenKind::Identifier && t[first + 1].text == ":") {
      first += 2;
      more = true;
    }
  }
  if (last > first && t[last - 1].text == ";") --last;
  if (first >= last) return "true";
  return std::string(text.substr(t[first].begin, t[last - 1].end - t[first].begin));
}

std::string clause_key(const Structure& s, const Clause& c) { return token_text(s, c.tokens); }

}  // namespace

VacuityProbe vacuity_probe(std::string_view original, std::string_view candidate) {
  VacuityProbe probe;
  Structure o = parse_structure(original);
  Structure c = parse_structure(candidate);
  if (o.error || c.error) {
    probe.text = std::string(candidate);
    return probe;
  }
  std::map<std::string, std::multiset<std::string>> original_requires;
  for (const auto& d : o.declarations) {
    auto& set = original_requires[d.qualified_name];
    for (const auto& clause : d.contracts)
      if (clause.keyword == "requires") set.insert(clause_key(o, clause));
  }
  struct Insertion {
    std::size_t offset;
    std::string text;
    VacuityLemma lemma;
  };
  std::vector<Insertion> insertions;
  const auto& t = c.lexed.tokens;
  for (const auto& d : c.declarations) {
    if (d.kind == DeclKind::Constructor) continue;
    bool two_state = false, is_static = d.is_static;
    for (std::size_t i = d.modifiers.first; i < d.modifiers.last; ++i)
      two_state |= t[i].text == "twostate";
    if (two_state) continue;
    auto known = original_requires[d.qualified_name];
    std::vector<std::string> all;
    std::size_t added_at = 0;
    bool added = false;
    for (const auto& clause : d.contracts) {
      if (clause.keyword != "requires") continue;
      all.push_back(requirement(candidate, c, clause));
      auto it = known.find(clause_key(c, clause));
      if (it != known.end()) {
        known.erase(it);
      } else if (!added) {
        added = true;
        added_at = t[clause.tokens.first].begin;
      }
    }
    if (!added) continue;
    // The parameters as written: type parameters and the first parenthesised list after the
    // name (function `: T` and method `returns (...)` come after it).
    std::size_t i = d.signature.first + 1;
    while (i < d.signature.last && t[i].text != "(" && t[i].text != "<") ++i;
    std::size_t params_begin = i;
    if (i < d.signature.last && t[i].text == "<") i = close_of(c, i, d.signature.last, "<", ">");
    if (i >= d.signature.last || t[i].text != "(") continue;
    std::size_t params_end = close_of(c, i, d.signature.last, "(", ")");
    std::string params(
        candidate.substr(t[params_begin].begin, t[params_end - 1].end - t[params_begin].begin));
    std::string negated;
    for (const auto& r : all)
      negated += (negated.empty() ? "" : " && ") + std::string("(") + r + ")";
    VacuityLemma lemma;
    lemma.name = std::string(kVacuityPrefix) + std::to_string(insertions.size());
    lemma.declaration = d.qualified_name;
    lemma.requires_offset = added_at;
    bool member = d.container == "class" || d.container == "trait" || d.container == "datatype" ||
                  d.container == "codatatype" || d.container == "newtype";
    std::string text = "\n" + std::string(member && is_static ? "static " : "") + "lemma " +
                       lemma.name + params + "\n  ensures !(" + negated + ")\n{}\n";
    insertions.push_back({d.end, std::move(text), lemma});
  }
  // Insert from the back so earlier offsets stay valid, then find each lemma's lines.
  std::string text(candidate);
  std::sort(insertions.begin(), insertions.end(),
            [](const auto& a, const auto& b) { return a.offset > b.offset; });
  for (const auto& ins : insertions) text.insert(ins.offset, ins.text);
  probe.text = text;
  for (auto& ins : insertions) {
    auto at = text.find("lemma " + ins.lemma.name + "<");
    if (at == std::string::npos) at = text.find("lemma " + ins.lemma.name + "(");
    auto end = text.find("{}", at);
    ins.lemma.first_line = static_cast<int>(position_of(text, at).line);
    ins.lemma.last_line = static_cast<int>(position_of(text, end).line);
    probe.lemmas.push_back(ins.lemma);
  }
  std::sort(probe.lemmas.begin(), probe.lemmas.end(),
            [](const auto& a, const auto& b) { return a.first_line < b.first_line; });
  return probe;
}

std::vector<Diagnostic> find_vacuous_preconditions(Backend& backend, std::string_view original,
                                                   const Candidate& candidate, Deadline deadline) {
  VacuityProbe probe = vacuity_probe(original, candidate.text);
  if (probe.lemmas.empty()) return {};
  Candidate check = candidate;
  check.text = probe.text;
  check.symbol = kVacuityPrefix;
  Verdict v = backend.verify(check, deadline);
  std::vector<Diagnostic> findings;
  auto finding = [&](const VacuityLemma& lemma, std::string rule, std::string message) {
    Diagnostic d;
    auto pos = position_of(candidate.text, lemma.requires_offset);
    d.where.file = candidate.display_path;
    d.where.line = pos.line;
    d.where.column = pos.column;
    d.rule = std::move(rule);
    d.message = std::move(message);
    findings.push_back(std::move(d));
  };
  if (v.outcome == Outcome::Error || v.cause == Cause::Integrity) {
    // The probe itself could not be checked: the candidate is not shown to be honest.
    for (const auto& lemma : probe.lemmas)
      finding(lemma, "integrity.vacuity-unchecked",
              "could not check that the preconditions added to '" + lemma.declaration +
                  "' can hold: " + v.detail);
    return findings;
  }
  if (v.outcome == Outcome::Unknown && v.diagnostics.empty())
    return findings;  // nothing was decided
  for (const auto& lemma : probe.lemmas) {
    bool failed = !v.verified() &&
                  std::any_of(v.diagnostics.begin(), v.diagnostics.end(), [&](const Diagnostic& d) {
                    return d.severity == Severity::Error && d.where.line >= lemma.first_line &&
                           d.where.line <= lemma.last_line;
                  });
    if (!failed)
      finding(
          lemma, "integrity.vacuous-precondition",
          "the preconditions of '" + lemma.declaration +
              "' can never hold together (Dafny proves their negation), so it verifies vacuously");
  }
  return findings;
}

}  // namespace verigen::dafny
