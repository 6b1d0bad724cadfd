#include "specs/dafny/code_erasure.h"

#include <algorithm>
#include <map>

#include "specs/dafny/code_normal_form.h"

namespace verigen::dafny {
namespace {

bool opens(std::string_view w) {
  return w == "{" || w == "{:" || w == "(" || w == "[" || w == "#[";
}
bool closes(std::string_view w) { return w == "}" || w == ")" || w == "]"; }

/// Index just past the `;` that ends the statement starting at `i` (or `last`).
std::size_t statement_end(const Structure& s, std::size_t i, std::size_t last) {
  const auto& t = s.lexed.tokens;
  int depth = 0;
  for (; i < last; ++i) {
    auto w = t[i].text;
    if (opens(w)) ++depth;
    if (closes(w)) {
      if (depth == 0) return i;
      --depth;
    }
    if (depth == 0 && w == ";") return i + 1;
  }
  return last;
}

/// The end of an assert's head: its `by` (before a block) or its `;`.
std::size_t head_end(const Structure& s, const ProofStatement& p) {
  if (p.keyword != "assert") return p.tokens.last;
  const auto& t = s.lexed.tokens;
  int depth = 0;
  for (std::size_t i = p.tokens.first; i < p.tokens.last; ++i) {
    auto w = t[i].text;
    if (opens(w)) ++depth;
    if (closes(w)) --depth;
    if (depth == 0 && (w == ";" || (w == "by" && i + 1 < p.tokens.last && t[i + 1].text == "{")))
      return i;
  }
  return p.tokens.last;
}

std::string head_text(const Structure& s, const ProofStatement& p) {
  return token_text(s, {p.tokens.first, head_end(s, p)});
}

bool statement_start(const Structure& s, std::size_t i, TokenRange range) {
  if (i <= range.first) return false;
  auto prev = s.lexed.tokens[i - 1].text;
  return prev == ";" || prev == "{" || prev == "}" || prev == "=>";
}

/// Whether each declared name of `s` is, so far, declared only as a lemma (or ghost method).
void collect_kinds(const Structure& s, std::map<std::string, bool>& all_lemmas) {
  for (const auto& item : s.items) {
    if (item.name.empty()) continue;
    bool lemma = false;
    if (item.declaration) {
      const auto& d = s.declarations[*item.declaration];
      bool ghost = false;
      for (std::size_t i = d.modifiers.first; i < d.modifiers.last; ++i)
        ghost |= s.lexed.tokens[i].text == "ghost";
      lemma = d.kind == DeclKind::Lemma ||
              (d.kind == DeclKind::Method && ghost);  // ghost methods are proof too
    }
    auto [it, fresh] = all_lemmas.emplace(item.name, lemma);
    if (!fresh) it->second = it->second && lemma;
  }
}

/// The names a statement at `i` declares with `ghost var` (empty if it is not one).
std::vector<std::string> ghost_declared(const Structure& s, std::size_t i, std::size_t last) {
  const auto& t = s.lexed.tokens;
  std::vector<std::string> names;
  if (t[i].text != "ghost" || i + 1 >= last || t[i + 1].text != "var") return names;
  int depth = 0;
  bool expect_name = true;
  for (std::size_t j = i + 2; j < last; ++j) {
    auto w = t[j].text;
    if (depth == 0 && (w == ";" || w == ":=" || w == ":|")) break;
    if (opens(w)) ++depth;
    if (closes(w)) --depth;
    if (depth == 0 && w == ",") {
      expect_name = true;
      continue;
    }
    if (depth == 0 && expect_name && t[j].kind == TokenKind::Identifier) {
      names.emplace_back(w);
      expect_name = false;
    }
  }
  return names;
}

/// The names a statement at `i` assigns (`x := e;`, `x, y := e, f;`, `x :| P;`), or empty.
std::vector<std::string> assigned(const Structure& s, std::size_t i, std::size_t last) {
  const auto& t = s.lexed.tokens;
  std::vector<std::string> names;
  for (std::size_t j = i; j < last; ++j) {
    if (t[j].kind != TokenKind::Identifier) return {};
    names.emplace_back(t[j].text);
    if (j + 1 >= last) return {};
    auto next = t[j + 1].text;
    if (next == ":=" || next == ":|") return names;
    if (next != ",") return {};
    ++j;
  }
  return {};
}

}  // namespace

std::set<std::string> identifiers(const Structure& s) {
  std::set<std::string> out;
  for (const auto& token : s.lexed.tokens)
    if (token.kind == TokenKind::Identifier) out.emplace(token.text);
  return out;
}

ErasureContext erasure_context(const Structure& original, const Structure& candidate) {
  ErasureContext context;
  std::map<std::string, bool> all_lemmas;
  collect_kinds(original, all_lemmas);
  collect_kinds(candidate, all_lemmas);
  for (const auto& [name, lemma] : all_lemmas)
    if (lemma) context.lemmas.insert(name);

  const auto used = identifiers(original);
  std::set<std::string> ghosts, plain;
  const auto& t = candidate.lexed.tokens;
  for (std::size_t i = 0; i + 1 < t.size(); ++i) {
    if (t[i].text == "ghost" && t[i + 1].text == "var") {
      for (auto& name : ghost_declared(candidate, i, t.size())) ghosts.insert(name);
      ++i;
    } else if (t[i].text == "var" && (i == 0 || t[i - 1].text != "ghost")) {
      // A plain declaration of the same name anywhere makes the name ambiguous.
      if (t[i + 1].kind == TokenKind::Identifier) plain.emplace(t[i + 1].text);
    }
  }
  for (const auto& g : ghosts)
    if (!used.count(g) && !plain.count(g)) context.ghost_variables.insert(g);
  return context;
}

std::vector<std::string> claim_heads(const Structure& s, TokenRange range) {
  std::vector<std::string> out;
  for (const auto& p : s.proof_statements)
    if ((p.keyword == "assert" || p.keyword == "calc") && p.tokens.first >= range.first &&
        p.tokens.first < range.last)
      out.push_back(head_text(s, p));
  return out;
}

std::vector<std::size_t> executable_tokens(const Structure& s, TokenRange range,
                                           const ErasureContext& context,
                                           const std::vector<std::string>& claims) {
  const auto& t = s.lexed.tokens;
  range.last = std::min(range.last, t.size());
  std::vector<bool> kept(range.last > range.first ? range.last - range.first : 0, true);
  auto drop = [&](TokenRange r) {
    for (std::size_t i = std::max(r.first, range.first); i < std::min(r.last, range.last); ++i)
      kept[i - range.first] = false;
  };
  auto inside = [&](std::size_t i) { return i >= range.first && i < range.last; };

  for (const auto& loop : s.loops) {
    if (!inside(loop.keyword)) continue;
    for (const auto& clause : loop.clauses) {
      bool star = clause.keyword == "decreases" && clause.tokens.first + 1 < t.size() &&
                  t[clause.tokens.first + 1].text == "*";
      if (!star) drop(clause.tokens);  // `decreases *` is a claim about termination: kept
    }
  }
  std::multiset<std::string> open_claims(claims.begin(), claims.end());
  for (const auto& p : s.proof_statements) {
    if (!inside(p.tokens.first) || p.keyword == "assume") continue;
    if (p.keyword == "assert" || p.keyword == "calc") {
      auto it = open_claims.find(head_text(s, p));
      if (it != open_claims.end()) {
        // The user's claim stays where it is; a `by` block given to it is proof.
        open_claims.erase(it);
        drop({head_end(s, p), p.tokens.last});
        continue;
      }
    }
    drop(p.tokens);
  }
  for (std::size_t i = range.first; i < range.last; ++i) {
    if (!kept[i - range.first] || !statement_start(s, i, range)) continue;
    std::size_t end = statement_end(s, i, range.last);
    auto ghosts = ghost_declared(s, i, range.last);
    bool erase =
        !ghosts.empty() && std::all_of(ghosts.begin(), ghosts.end(), [&](const std::string& g) {
          return context.ghost_variables.count(g) > 0;
        });
    if (!erase) {
      auto names = assigned(s, i, range.last);
      erase = !names.empty() && std::all_of(names.begin(), names.end(), [&](const std::string& g) {
        return context.ghost_variables.count(g) > 0;
      });
    }
    if (!erase && t[i].kind == TokenKind::Identifier) {
      // `Name(...)` or `A.B.Name(...)` as a statement: a call; erased only if `Name` resolves
      // to nothing but lemmas.
      std::size_t j = i;
      while (j + 2 < range.last && t[j + 1].text == "." && t[j + 2].kind == TokenKind::Identifier)
        j += 2;
      erase = j + 1 < range.last && t[j + 1].text == "(" &&
              context.lemmas.count(std::string(t[j].text)) > 0 && end > 0 &&
              t[end - 1].text == ";" && statement_end(s, j + 1, range.last) == end;
    }
    if (erase) drop({i, end});
  }

  std::vector<std::size_t> positions;
  std::vector<std::string_view> texts;
  for (std::size_t i = range.first; i < range.last; ++i)
    if (kept[i - range.first]) {
      positions.push_back(i);
      texts.push_back(t[i].text);
    }
  std::vector<std::size_t> out;
  for (std::size_t k : code_normal_form(texts)) out.push_back(positions[k]);
  return out;
}

}  // namespace verigen::dafny
