#include "specs/dafny/audit.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "specs/dafny/assumption_scan.h"
#include "specs/dafny/code_erasure.h"
#include "specs/dafny/code_normal_form.h"
#include "specs/source_span.h"

namespace verigen::dafny {
namespace {

const std::set<std::string> kKeptContracts = {"requires", "ensures", "reads", "modifies"};

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
  std::vector<std::string_view> texts;
  for (std::size_t i = range.first; i < range.last && i < s.lexed.tokens.size(); ++i) {
    positions.push_back(i);
    texts.push_back(s.lexed.tokens[i].text);
  }
  std::vector<std::size_t> out;
  for (std::size_t k : code_normal_form(texts)) out.push_back(positions[k]);
  return joined(s, out);
}

/// Index just past the bracket that closes the one at `open`.
std::size_t close_of(const Structure& s, std::size_t open, std::size_t last) {
  const auto& t = s.lexed.tokens;
  int depth = 0;
  for (std::size_t i = open; i < last; ++i) {
    auto w = t[i].text;
    if (w == "{" || w == "{:" || w == "(" || w == "[" || w == "#[") ++depth;
    if ((w == "}" || w == ")" || w == "]") && --depth == 0) return i + 1;
  }
  return last;
}

/// The tokens of [first, last) as compared between programs: layout-free, without the
/// attributes that only steer the prover (a candidate may add `{:induction}`, `{:fuel}`,
/// `{:vcs_split_on_every_assert}` ...) and without those that are assumptions (judged by the
/// escape-hatch check); every other attribute must be kept as it was.
std::string declaration_text(const Structure& s, std::size_t first, std::size_t last) {
  const auto& t = s.lexed.tokens;
  std::string out;
  for (std::size_t i = first; i < last && i < t.size(); ++i) {
    std::string_view name;
    std::size_t end = i;
    std::string arguments;
    if (t[i].text == "{:" && i + 1 < last) {
      name = t[i + 1].text;
      end = close_of(s, i, last);
      arguments = token_text(s, {i + 2, end > i + 2 ? end - 1 : end});
    } else if (t[i].text == "@" && i + 1 < last && t[i + 1].kind == TokenKind::Identifier &&
               (i == 0 || (t[i - 1].text != "old" && t[i - 1].text != "fresh" &&
                           t[i - 1].text != "unchanged"))) {
      name = t[i + 1].text;
      end = i + 2 < last && t[i + 2].text == "(" ? close_of(s, i + 2, last) : i + 2;
      arguments = token_text(s, {i + 2, end});
    }
    // Attributes that take something on trust are the escape-hatch check's to judge (it
    // compares them with the original's); those that only steer the prover may change.
    if (!name.empty() && (is_proof_steering_attribute(name) ||
                          !attribute_assumption_kind(name, arguments).empty())) {
      i = end - 1;
      continue;
    }
    if (!out.empty()) out += ' ';
    out += t[i].text;
  }
  return out;
}

/// Where an item is looked up: its container and name, or its text when it has no name.
std::string item_key(const Structure& s, const Item& item) {
  std::string parent = item.parent == kNoItem ? "" : s.items[item.parent].qualified_name;
  if (!item.name.empty()) return parent + "\n" + item.name;
  return parent + "\n#" + item.keyword + " " +
         declaration_text(s, item.tokens.first, item.tokens.last);
}

std::string describe(const Item& item) {
  if (item.keyword.empty()) return "text";
  return item.keyword + (item.name.empty() ? "" : " '" + item.qualified_name + "'");
}

class Auditor {
 public:
  Auditor(std::string_view original, std::string_view candidate, AuditMode mode, std::string path,
          const std::vector<std::string>& allowed)
      : original_text_(original),
        candidate_text_(candidate),
        mode_(mode),
        path_(std::move(path)),
        allowed_(allowed),
        original_(parse_structure(original)),
        candidate_(parse_structure(candidate)) {}

  std::vector<Diagnostic> run() {
    if (original_.error) {
      auto pos = position_of(original_text_, original_.error_offset);
      add(0, "integrity.unparsable-original",
          "the original could not be read: " + *original_.error + " at its line " +
              std::to_string(pos.line) + ", column " + std::to_string(pos.column));
      return findings_;
    }
    if (candidate_.error) {
      add(candidate_.error_offset, "integrity.unparsable",
          "candidate cannot be audited: " + *candidate_.error);
      return findings_;
    }
    check_assumptions();
    context_ = erasure_context(original_, candidate_);
    original_names_ = identifiers(original_);

    // Items that share a key (a name declared twice, which Dafny itself refuses) pair in the
    // order they appear, so that a program audited against itself is always clean.
    std::map<std::string, std::size_t> by_key;
    std::map<std::string, int> seen;
    for (std::size_t i = 0; i < candidate_.items.size(); ++i) {
      auto key = item_key(candidate_, candidate_.items[i]);
      by_key.emplace(key + "\n" + std::to_string(seen[key]++), i);
    }
    seen.clear();
    std::set<std::size_t> matched;
    for (const auto& o : original_.items) {
      auto key = item_key(original_, o);
      auto it = by_key.find(key + "\n" + std::to_string(seen[key]++));
      if (it == by_key.end()) {
        removed(o);
        continue;
      }
      matched.insert(it->second);
      compare(o, candidate_.items[it->second]);
    }
    for (std::size_t i = 0; i < candidate_.items.size(); ++i)
      if (!matched.count(i)) added(candidate_.items[i]);
    return deduplicated();
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

  /// One finding per place: an added `assume` is both an escape hatch and changed code, and
  /// the escape hatch (found first) says more.
  std::vector<Diagnostic> deduplicated() const {
    std::vector<Diagnostic> out;
    std::set<std::pair<int, int>> places;
    for (const auto& f : findings_)
      if (places.emplace(f.where.line, f.where.column).second) out.push_back(f);
    return out;
  }

  /// Escape hatches: every assumption of the candidate must be one the original already makes
  /// outside the holes, or of a kind the user allowed.
  void check_assumptions() {
    AssumptionPolicy policy;
    policy.allowed = allowed_;
    if (mode_ == AuditMode::Implement)
      for (const auto& d : original_.declarations)
        if (!d.body && !d.by_method_body) policy.holes.push_back(d.qualified_name);
    auto baseline = scan_dafny_assumptions(original_text_, path_);
    auto found = scan_dafny_assumptions(candidate_text_, path_);
    apply_assumption_policy(found, baseline, policy);
    for (const auto& a : found) {
      if (a.allowed()) continue;
      Diagnostic d;
      d.where = a.where;
      d.severity = Severity::Error;
      d.rule = "integrity.escape-hatch";
      d.message = "escape hatch added" +
                  (a.declaration.empty() ? std::string() : " in '" + a.declaration + "'") + ": " +
                  a.kind + " (" + a.message + ")";
      findings_.push_back(std::move(d));
    }
  }

  void removed(const Item& o) {
    add(0, "integrity.declaration-removed",
        describe(o) + " of the original was removed or changed: '" +
            shortened(declaration_text(original_, o.tokens.first, o.tokens.last)) + "'");
  }

  static std::string shortened(std::string text) {
    return text.size() > 80 ? text.substr(0, 80) + " ..." : text;
  }

  /// A declaration the original does not have. Helper lemmas, functions, predicates and
  /// methods are what a candidate may add, under names the original never uses (so no
  /// reference of the spec can come to mean them); anything else changes the program.
  void added(const Item& c) {
    std::size_t at = offset_of(candidate_, c.tokens.first);
    if (c.parent != kNoItem && !original_has(candidate_.items[c.parent]))
      return;  // its container is reported
    if (!c.declaration || candidate_.declarations[*c.declaration].kind == DeclKind::Constructor) {
      std::string rule =
          c.keyword == "include" ? "integrity.include-added" : "integrity.declaration-added";
      add(at, rule,
          "added " + describe(c) + ": '" +
              shortened(declaration_text(candidate_, c.tokens.first, c.tokens.last)) +
              "' (only new lemmas, functions, predicates and methods may be added)");
      return;
    }
    if (original_names_.count(c.name))
      add(at, "integrity.name-captured",
          "new declaration '" + c.qualified_name + "' reuses the name '" + c.name +
              "', which the original uses: a reference of the spec could come to mean it");
  }

  bool original_has(const Item& candidate_item) const {
    auto key = item_key(candidate_, candidate_item);
    return std::any_of(original_.items.begin(), original_.items.end(),
                       [&](const Item& o) { return item_key(original_, o) == key; });
  }

  void compare(const Item& o, const Item& c) {
    if (o.keyword != c.keyword) {
      add(offset_of(candidate_, c.tokens.first), "integrity.signature-changed",
          describe(o) + " became a " + (c.keyword.empty() ? "stray text" : c.keyword));
      return;
    }
    if (o.declaration && c.declaration) {
      compare_declaration(original_.declarations[*o.declaration],
                          candidate_.declarations[*c.declaration]);
      return;
    }
    // A container's header (name, refinement, parents, constructors, constraint) or a whole
    // const, field, type, import: kept exactly. Members are items of their own.
    std::size_t o_end = o.members ? o.members->first : o.tokens.last;
    std::size_t c_end = c.members ? c.members->first : c.tokens.last;
    auto before = declaration_text(original_, o.tokens.first, o_end);
    auto after = declaration_text(candidate_, c.tokens.first, c_end);
    if (before != after || o.members.has_value() != c.members.has_value())
      add(offset_of(candidate_, c.tokens.first), "integrity.declaration-changed",
          describe(o) + " changed: was '" + shortened(before) + "', now '" + shortened(after) +
              "'");
  }

  std::vector<std::pair<std::string, std::string>> kept_contracts(const Structure& s,
                                                                  const Declaration& d) const {
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
    if (text.size() > 2 && text.compare(text.size() - 2, 2, " ;") == 0)
      text.resize(text.size() - 2);
    if (text == c.keyword + " true") return std::nullopt;
    return text;
  }

  void compare_declaration(const Declaration& o, const Declaration& c) {
    const std::size_t at = c.signature.first;
    auto header = [](const Structure& s, const Declaration& d) {
      return declaration_text(s, d.modifiers.first, d.signature.last);
    };
    if (o.kind != c.kind || header(original_, o) != header(candidate_, c)) {
      add(offset_of(candidate_, at), "integrity.signature-changed",
          "signature of '" + o.qualified_name + "' changed: was '" + header(original_, o) + "'");
    }
    compare_contracts(o, c);
    compare_body(o, c, o.body, c.body, "body");
    compare_body(o, c, o.by_method_body, c.by_method_body, "by-method body");
  }

  void compare_contracts(const Declaration& o, const Declaration& c) {
    auto oc = kept_contracts(original_, o), cc = kept_contracts(candidate_, c);
    // In a specify task contracts are the answer: the original's must stay, more may come.
    bool contracts_ok = oc == cc;
    if (mode_ == AuditMode::Specify) {
      std::multiset<std::pair<std::string, std::string>> have(cc.begin(), cc.end());
      contracts_ok = std::all_of(oc.begin(), oc.end(), [&](const auto& x) {
        auto it = have.find(x);
        if (it == have.end()) return false;
        have.erase(it);
        return true;
      });
    }
    if (contracts_ok) return;
    std::size_t where = c.contracts.empty() ? c.signature.last : c.contracts.front().tokens.first;
    std::string detail;
    for (std::size_t k = 0; k < std::max(oc.size(), cc.size()); ++k) {
      if (k < oc.size() && k < cc.size() && oc[k] == cc[k]) continue;
      for (const auto& clause : c.contracts)
        if (k < cc.size() && contract_text(candidate_, clause) == cc[k].second) {
          where = clause.tokens.first;
          break;
        }
      detail = k < oc.size()
                   ? "'" + oc[k].second + "'" +
                         (k < cc.size() ? " became '" + cc[k].second + "'" : " was removed")
                   : "'" + cc[k].second + "' was added";
      break;
    }
    add(offset_of(candidate_, where), "integrity.contract-changed",
        "contract of '" + o.qualified_name + "' changed: " + detail);
  }

  void compare_body(const Declaration& o, const Declaration& c, const std::optional<TokenRange>& ob,
                    const std::optional<TokenRange>& cb, const char* what) {
    if (!ob) return;  // a hole: the candidate may fill it
    if (!cb) {
      add(offset_of(candidate_, c.signature.first), "integrity.code-changed",
          std::string(what) + " of '" + o.qualified_name + "' was removed");
      return;
    }
    // A lemma's body is its proof, which is what a candidate may write: any body is fine as
    // long as the lemma keeps one (checked above) and it rests on no new assumption.
    if (o.kind == DeclKind::Lemma) return;
    auto claims = claim_heads(original_, *ob);
    auto before = executable_tokens(original_, *ob, context_, claims);
    auto after = executable_tokens(candidate_, *cb, context_, claims);
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
        std::string("executable code or claims of '") + o.qualified_name + "' changed: '" +
            near(candidate_, after) + "' where the original has '" + near(original_, before) + "'");
  }

  std::string_view original_text_;
  std::string_view candidate_text_;
  AuditMode mode_;
  std::string path_;
  std::vector<std::string> allowed_;
  Structure original_;
  Structure candidate_;
  ErasureContext context_;
  std::set<std::string> original_names_;
  std::vector<Diagnostic> findings_;
};

}  // namespace

AuditMode audit_mode_for(TaskKind kind) {
  switch (kind) {
    case TaskKind::Annotate:
      return AuditMode::Annotate;
    case TaskKind::Specify:
      return AuditMode::Specify;
    default:
      return AuditMode::Implement;
  }
}

std::string erase_annotations(const Structure& s, TokenRange range,
                              const std::vector<std::string>& lemmas) {
  ErasureContext context;
  context.lemmas.insert(lemmas.begin(), lemmas.end());
  return joined(s, executable_tokens(s, range, context, {}));
}

std::vector<Diagnostic> audit_dafny(std::string_view original, std::string_view candidate,
                                    AuditMode mode, const std::string& display_path,
                                    const std::vector<std::string>& allowed) {
  return Auditor(original, candidate, mode, display_path, allowed).run();
}

}  // namespace verigen::dafny
