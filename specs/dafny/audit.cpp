#include "specs/dafny/audit.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "specs/dafny/code_normal_form.h"
#include "specs/source_span.h"

namespace verigen::dafny {
namespace {

const std::set<std::string> kKeptContracts = {"requires", "ensures", "reads", "modifies"};

/// The escape hatch an attribute is ("{:axiom}", "{:verify false}" ...), or "" for a harmless
/// one. `attribute_text` is token_text() of the attribute: "{: verify false }".
std::string hatch_attribute(const std::string& attribute_text) {
  auto word_after = [&](std::string_view prefix) {
    if (attribute_text.rfind(prefix, 0) != 0) return false;
    char next = attribute_text.size() > prefix.size() ? attribute_text[prefix.size()] : ' ';
    return next == ' ' || next == '}';
  };
  for (const char* name : {"axiom", "extern", "options"})
    if (word_after(std::string("{: ") + name)) return std::string("{:") + name + "}";
  if (word_after("{: verify false")) return "{:verify false}";
  return {};
}

/// The token positions among `positions` that remain in the code normal form.
std::vector<std::size_t> normal_positions(const Structure& s, const std::vector<std::size_t>& positions) {
  std::vector<std::string_view> texts;
  for (std::size_t i : positions) texts.push_back(s.lexed.tokens[i].text);
  std::vector<std::size_t> out;
  for (std::size_t k : code_normal_form(texts)) out.push_back(positions[k]);
  return out;
}

/// The texts of the tokens at `positions`, joined with single spaces.
std::string joined(const Structure& s, const std::vector<std::size_t>& positions) {
  std::string out;
  for (std::size_t i : positions) {
    if (!out.empty()) out += ' ';
    out += s.lexed.tokens[i].text;
  }
  return out;
}

/// The tokens of `range` in the code normal form, joined with single spaces: contracts are
/// compared this way, so `ensures s == (x + y)` and `ensures s == x + y` are the same clause.
std::string normal_text(const Structure& s, TokenRange range) {
  std::vector<std::size_t> positions;
  for (std::size_t i = range.first; i < range.last && i < s.lexed.tokens.size(); ++i) positions.push_back(i);
  return joined(s, normal_positions(s, positions));
}

std::vector<std::size_t> code_tokens(const Structure& s, TokenRange range, const std::vector<std::string>& lemmas);

class Auditor {
 public:
  Auditor(std::string_view original, std::string_view candidate, AuditMode mode, std::string path)
      : original_text_(original), candidate_text_(candidate), mode_(mode), path_(std::move(path)),
        original_(parse_structure(original)), candidate_(parse_structure(candidate)) {}

  std::vector<Diagnostic> run() {
    if (original_.error) {
      auto pos = position_of(original_text_, original_.error_offset);
      add(0, "integrity.unparsable-original",
          "the original could not be read: " + *original_.error + " at its line " +
              std::to_string(pos.line) + ", column " + std::to_string(pos.column));
      return findings_;
    }
    if (candidate_.error) {
      add(candidate_.error_offset, "integrity.unparsable", "candidate cannot be audited: " + *candidate_.error);
      return findings_;
    }
    for (const auto& d : original_.declarations)
      if (d.kind == DeclKind::Lemma) lemmas_.push_back(d.name);
    for (const auto& d : candidate_.declarations)
      if (d.kind == DeclKind::Lemma) lemmas_.push_back(d.name);

    check_includes();
    std::map<std::string, const Declaration*> by_name;
    for (const auto& d : candidate_.declarations) by_name.emplace(d.qualified_name, &d);
    std::set<std::string> originals;
    for (const auto& o : original_.declarations) {
      originals.insert(o.qualified_name);
      auto it = by_name.find(o.qualified_name);
      if (it == by_name.end()) {
        add(0, "integrity.declaration-removed", "declaration '" + o.qualified_name + "' of the original was removed");
        continue;
      }
      compare(o, *it->second);
    }
    for (const auto& c : candidate_.declarations)
      if (!originals.count(c.qualified_name)) check_new(c);
    check_file_level_hatches();
    return findings_;
  }

 private:
  std::size_t offset_of(const Structure& s, std::size_t token) const {
    return token < s.lexed.tokens.size() ? s.lexed.tokens[token].begin : candidate_text_.size();
  }

  void add(std::size_t offset, std::string rule, std::string message) {
    Diagnostic d;
    auto pos = position_of(candidate_text_, offset);
    d.where.file = path_;
    d.where.line = pos.line;
    d.where.column = pos.column;
    d.severity = Severity::Error;
    d.rule = std::move(rule);
    d.message = std::move(message);
    findings_.push_back(std::move(d));
  }

  void check_includes() {
    std::multiset<std::string> allowed;
    for (auto r : original_.includes) allowed.insert(token_text(original_, r));
    for (auto r : candidate_.includes) {
      auto text = token_text(candidate_, r);
      auto it = allowed.find(text);
      if (it == allowed.end()) add(offset_of(candidate_, r.first), "integrity.include-added", "added " + text + " (may bring in unverified code)");
      else allowed.erase(it);
    }
  }

  std::vector<std::pair<std::string, std::string>> kept_contracts(const Structure& s, const Declaration& d) const {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& c : d.contracts)
      if (auto text = contract_text(s, c)) out.emplace_back(c.keyword, *text);
    return out;
  }

  /// A kept contract clause in normal form, without Dafny 3's optional trailing `;`; nothing for
  /// a clause that is not kept or says nothing (`requires true`, `ensures true`).
  static std::optional<std::string> contract_text(const Structure& s, const Clause& c) {
    if (!kKeptContracts.count(c.keyword)) return std::nullopt;
    auto text = normal_text(s, c.tokens);
    if (text.size() > 2 && text.compare(text.size() - 2, 2, " ;") == 0) text.resize(text.size() - 2);
    if (text == c.keyword + " true") return std::nullopt;
    return text;
  }

  std::vector<std::string> modifier_words(const Structure& s, const Declaration& d) const {
    std::vector<std::string> words;
    for (std::size_t i = d.modifiers.first; i < d.modifiers.last; ++i) {
      const auto& t = s.lexed.tokens[i];
      if (t.text == "{:") {  // attributes are checked as escape hatches, not as modifiers
        int depth = 0;
        for (; i < d.modifiers.last; ++i) {
          auto w = s.lexed.tokens[i].text;
          if (w == "{:" || w == "{") ++depth;
          if (w == "}" && --depth == 0) break;
        }
        continue;
      }
      words.emplace_back(t.text);
    }
    return words;
  }

  /// Counts of each escape hatch within one declaration.
  std::map<std::string, int> hatches(const Structure& s, const Declaration& d) const {
    std::map<std::string, int> counts;
    for (const auto& a : d.attributes)
      if (auto h = hatch_attribute(a); !h.empty()) ++counts[h];
    auto in = [&](std::size_t token) {
      auto inside = [&](const std::optional<TokenRange>& r) { return r && token >= r->first && token < r->last; };
      return inside(d.body) || inside(d.by_method_body);
    };
    for (const auto& p : s.proof_statements)
      if (p.keyword == "assume" && in(p.tokens.first)) ++counts["assume"];
    if (!d.body) ++counts["body-less declaration"];
    return counts;
  }

  std::size_t first_hatch_token(const Structure& s, const Declaration& d, const std::string& hatch) const {
    if (hatch == "assume")
      for (const auto& p : s.proof_statements)
        if (p.keyword == "assume" && d.body && p.tokens.first >= d.body->first && p.tokens.first < d.body->last)
          return p.tokens.first;
    return d.signature.first;
  }

  /// The signature's tokens without attributes (those are judged as escape hatches).
  static std::string signature_text(const Structure& s, const Declaration& d) {
    std::string out;
    int depth = 0;
    for (std::size_t i = d.signature.first; i < d.signature.last; ++i) {
      auto w = s.lexed.tokens[i].text;
      if (w == "{:") ++depth;
      if (depth > 0) {
        if (w == "{" ) ++depth;
        if (w == "}") --depth;
        continue;
      }
      if (!out.empty()) out += ' ';
      out += w;
    }
    return out;
  }

  void compare(const Declaration& o, const Declaration& c) {
    const std::size_t at = c.signature.first;
    if (o.kind != c.kind || signature_text(original_, o) != signature_text(candidate_, c) ||
        modifier_words(original_, o) != modifier_words(candidate_, c)) {
      add(offset_of(candidate_, at), "integrity.signature-changed",
          "signature of '" + o.qualified_name + "' changed: was '" + signature_text(original_, o) + "'");
    }
    auto oc = kept_contracts(original_, o), cc = kept_contracts(candidate_, c);
    // In a specify task contracts are the answer: the original's must stay, more may come.
    bool contracts_ok = mode_ == AuditMode::Specify
                            ? std::all_of(oc.begin(), oc.end(), [&](const auto& x) {
                                return std::find(cc.begin(), cc.end(), x) != cc.end();
                              })
                            : oc == cc;
    if (!contracts_ok) {
      std::size_t where = c.contracts.empty() ? c.signature.last : c.contracts.front().tokens.first;
      std::string detail;
      for (std::size_t k = 0; k < std::max(oc.size(), cc.size()); ++k) {
        if (k < oc.size() && k < cc.size() && oc[k] == cc[k]) continue;
        for (const auto& clause : c.contracts)
          if (k < cc.size() && contract_text(candidate_, clause) == cc[k].second) {
            where = clause.tokens.first;
            break;
          }
        detail = k < oc.size() ? "'" + oc[k].second + "'" + (k < cc.size() ? " became '" + cc[k].second + "'" : " was removed")
                               : "'" + cc[k].second + "' was added";
        break;
      }
      add(offset_of(candidate_, where), "integrity.contract-changed",
          "contract of '" + o.qualified_name + "' changed: " + detail);
    }
    compare_body(o, c, o.body, c.body, "body");
    compare_body(o, c, o.by_method_body, c.by_method_body, "by-method body");

    auto oh = hatches(original_, o), ch = hatches(candidate_, c);
    for (const auto& [hatch, count] : ch) {
      if (count <= oh[hatch]) continue;
      add(offset_of(candidate_, first_hatch_token(candidate_, c, hatch)), "integrity.escape-hatch",
          "escape hatch added in '" + c.qualified_name + "': " + hatch);
    }
  }

  void compare_body(const Declaration& o, const Declaration& c, const std::optional<TokenRange>& ob,
                    const std::optional<TokenRange>& cb, const char* what) {
    if (!ob) return;  // a hole: the candidate may fill it
    if (!cb) {
      add(offset_of(candidate_, c.signature.first), "integrity.code-changed",
          std::string(what) + " of '" + o.qualified_name + "' was removed");
      return;
    }
    // A lemma's body is its proof, which is what an annotation may write: any body is fine as
    // long as the lemma keeps one (checked above), its contract and signature (checked by the
    // caller) and gains no escape hatch (counted per declaration).
    if (o.kind == DeclKind::Lemma) return;
    auto before = code_tokens(original_, *ob, lemmas_);
    auto after = code_tokens(candidate_, *cb, lemmas_);
    auto text = [](const Structure& s, std::size_t i) { return s.lexed.tokens[i].text; };
    std::size_t common = 0;
    while (common < before.size() && common < after.size() &&
           text(original_, before[common]) == text(candidate_, after[common]))
      ++common;
    if (common == before.size() && common == after.size()) return;
    // Point at the first candidate token where the executable code departs from the original.
    std::size_t where = common < after.size() ? after[common] : cb->first;
    auto near = [&](const Structure& s, const std::vector<std::size_t>& tokens) {
      std::string snippet;
      for (std::size_t k = common; k < tokens.size() && snippet.size() < 60; ++k)
        snippet += (snippet.empty() ? "" : " ") + std::string(text(s, tokens[k]));
      return snippet.size() > 60 ? snippet.substr(0, 60) + " ..." : snippet;
    };
    add(offset_of(candidate_, where), "integrity.code-changed",
        std::string("executable code of '") + o.qualified_name + "' changed: '" + near(candidate_, after) +
            "' where the original has '" + near(original_, before) + "'");
  }

  void check_new(const Declaration& c) {
    if (!c.body) {
      add(offset_of(candidate_, c.signature.first), "integrity.escape-hatch",
          "new body-less declaration '" + c.qualified_name + "' (an unproved assumption)");
    }
    for (const auto& a : c.attributes)
      if (auto h = hatch_attribute(a); !h.empty())
        add(offset_of(candidate_, c.signature.first), "integrity.escape-hatch",
            "escape hatch in new declaration '" + c.qualified_name + "': " + h);
    for (const auto& p : candidate_.proof_statements)
      if (p.keyword == "assume" && c.body && p.tokens.first >= c.body->first && p.tokens.first < c.body->last)
        add(offset_of(candidate_, p.tokens.first), "integrity.escape-hatch",
            "escape hatch in new declaration '" + c.qualified_name + "': assume");
  }

  /// Hatch attributes outside any declaration (module or class level `{:options ...}`).
  void check_file_level_hatches() {
    auto outside = [](const Structure& s) {
      std::map<std::string, std::vector<std::size_t>> found;
      const auto& t = s.lexed.tokens;
      for (std::size_t i = 0; i < t.size(); ++i) {
        if (t[i].text != "{:") continue;
        bool in_decl = false;
        for (const auto& d : s.declarations)
          in_decl |= t[i].begin >= d.begin && t[i].begin < d.end;
        if (in_decl) continue;
        std::size_t e = i;
        while (e < t.size() && t[e].text != "}") ++e;
        if (auto h = hatch_attribute(token_text(s, {i, e + 1})); !h.empty()) found[h].push_back(i);
      }
      return found;
    };
    auto o = outside(original_), c = outside(candidate_);
    for (const auto& [hatch, places] : c)
      if (places.size() > o[hatch].size())
        add(offset_of(candidate_, places.back()), "integrity.escape-hatch", "escape hatch added: " + hatch);
  }

 public:
  static std::vector<bool> kept_tokens(const Structure& s, TokenRange range, const std::vector<std::string>& lemmas) {
    std::vector<bool> kept(range.last - range.first, true);
    auto drop = [&](TokenRange r) {
      for (std::size_t i = std::max(r.first, range.first); i < std::min(r.last, range.last); ++i) kept[i - range.first] = false;
    };
    for (const auto& loop : s.loops)
      for (const auto& clause : loop.clauses) drop(clause.tokens);
    for (const auto& p : s.proof_statements) drop(p.tokens);
    const auto& t = s.lexed.tokens;
    for (std::size_t i = range.first; i < range.last; ++i) {
      bool statement_start = i == range.first || t[i - 1].text == ";" || t[i - 1].text == "{" || t[i - 1].text == "}";
      if (!statement_start) continue;
      bool ghost_var = t[i].text == "ghost" && i + 1 < range.last && t[i + 1].text == "var";
      bool lemma_call = t[i].kind == TokenKind::Identifier && i + 1 < range.last && t[i + 1].text == "(" &&
                        std::find(lemmas.begin(), lemmas.end(), std::string(t[i].text)) != lemmas.end();
      if (!ghost_var && !lemma_call) continue;
      std::size_t j = i;
      int depth = 0;
      for (; j < range.last; ++j) {
        auto w = t[j].text;
        if (w == "(" || w == "[" || w == "{" || w == "{:") ++depth;
        if (w == ")" || w == "]" || w == "}") --depth;
        if (depth == 0 && w == ";") break;
      }
      drop({i, std::min(j + 1, range.last)});
    }
    return kept;
  }

 private:
  std::string_view original_text_;
  std::string_view candidate_text_;
  AuditMode mode_;
  std::string path_;
  Structure original_;
  Structure candidate_;
  std::vector<std::string> lemmas_;
  std::vector<Diagnostic> findings_;
};

}  // namespace

AuditMode audit_mode_for(TaskKind kind) {
  switch (kind) {
    case TaskKind::Annotate: return AuditMode::Annotate;
    case TaskKind::Specify: return AuditMode::Specify;
    default: return AuditMode::Implement;
  }
}

namespace {

/// Positions of the executable tokens of `range`: annotations erased, then the code normal form.
std::vector<std::size_t> code_tokens(const Structure& s, TokenRange range, const std::vector<std::string>& lemmas) {
  auto kept = Auditor::kept_tokens(s, range, lemmas);
  std::vector<std::size_t> positions;
  for (std::size_t i = range.first; i < range.last && i < s.lexed.tokens.size(); ++i)
    if (kept[i - range.first]) positions.push_back(i);
  return normal_positions(s, positions);
}

}  // namespace

std::string erase_annotations(const Structure& s, TokenRange range, const std::vector<std::string>& lemmas) {
  return joined(s, code_tokens(s, range, lemmas));
}

std::vector<Diagnostic> audit_dafny(std::string_view original, std::string_view candidate, AuditMode mode,
                                    const std::string& display_path) {
  return Auditor(original, candidate, mode, display_path).run();
}

}  // namespace verigen::dafny
