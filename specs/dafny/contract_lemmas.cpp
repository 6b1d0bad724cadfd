#include "specs/dafny/contract_lemmas.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "specs/dafny/frame_obligations.h"
#include "specs/dafny/structure.h"
#include "specs/source_span.h"

namespace verigen::dafny {
namespace {

using Tokens = std::vector<std::string>;

bool is_word(const std::string& t) {
  static const std::set<std::string> kKeywords = {"then",   "else", "if",    "in",   "forall",
                                                  "exists", "var",  "match", "case", "returns"};
  return !t.empty() &&
         (std::isalnum(static_cast<unsigned char>(t.back())) || t.back() == '_' ||
          t.back() == '\'' || t.back() == '?') &&
         !kKeywords.count(t);
}

/// The tokens on one line, spaced as people write them (`a[i].f(x, y)`), so that messages
/// quote clauses legibly; the result lexes to the same tokens.
std::string join(const Tokens& tokens, std::size_t first = 0,
                 std::size_t last = std::string::npos) {
  std::string out;
  const std::string* previous = nullptr;
  bool after_unary = false;  // `-x`, `!p`: a prefix operator sticks to its operand
  for (std::size_t i = first; i < std::min(last, tokens.size()); ++i) {
    const std::string& t = tokens[i];
    bool tight = previous == nullptr || after_unary || t == "." || t == "," || t == ")" ||
                 t == "]" || *previous == "." || *previous == "(" || *previous == "[" ||
                 ((t == "(" || t == "[") && is_word(*previous));
    out += (tight ? "" : " ") + t;
    after_unary =
        (t == "-" || t == "!") &&
        (previous == nullptr || !(is_word(*previous) || *previous == ")" || *previous == "]"));
    previous = &t;
  }
  return out;
}

Tokens tokens_of(const Structure& s, TokenRange r) {
  Tokens out;
  for (std::size_t i = r.first; i < r.last && i < s.lexed.tokens.size(); ++i)
    out.emplace_back(s.lexed.tokens[i].text);
  return out;
}

/// Index just past the bracket closing the one at `open` in `t`.
std::size_t close_of(const Tokens& t, std::size_t open) {
  static const std::set<std::string> kOpen = {"(", "[", "{", "{:", "<"};
  static const std::set<std::string> kClose = {")", "]", "}", ">"};
  const bool angle = t[open] == "<";
  int depth = 0;
  for (std::size_t i = open; i < t.size(); ++i) {
    // Angle brackets count only inside a type-parameter list, where no comparison can stand.
    if (kOpen.count(t[i]) && (angle || t[i] != "<")) ++depth;
    if (kClose.count(t[i]) && (angle || t[i] != ">") && --depth == 0) return i + 1;
  }
  return t.size();
}

/// `t` split at its top-level commas.
std::vector<Tokens> split_commas(const Tokens& t) {
  std::vector<Tokens> out(1);
  int depth = 0;
  for (const auto& tok : t) {
    if (tok == "(" || tok == "[" || tok == "{" || tok == "{:") ++depth;
    if (tok == ")" || tok == "]" || tok == "}") --depth;
    if (tok == "," && depth == 0) {
      out.emplace_back();
      continue;
    }
    out.back().push_back(tok);
  }
  if (out.back().empty()) out.pop_back();
  return out;
}

/// A type's tokens as written (`array<int>`, `map<int, seq<T>>`): angle brackets are brackets.
std::string type_text(const Tokens& t) {
  std::string out;
  for (std::size_t i = 0; i < t.size(); ++i) {
    bool tight = i == 0 || t[i] == "<" || t[i] == ">" || t[i] == "," || t[i] == ")" ||
                 t[i - 1] == "<" || t[i - 1] == "(";
    out += (tight ? "" : " ") + t[i];
  }
  return out;
}

struct Param {
  std::string name;
  std::string text;  ///< "name: type", modifiers and default value dropped
};

/// What a lemma needs of a declaration's signature.
struct Signature {
  bool ok = false;
  std::string type_params;  ///< "<T>" or ""
  std::vector<Param> ins;
  std::vector<Param> outs;    ///< method outputs, or a function's named result
  std::string result_type;    ///< a function's unnamed result type ("" otherwise)
  std::string function_name;  ///< set when the result is unnamed: calls of it are replaced
};

std::vector<Param> params_of(const Tokens& list) {
  std::vector<Param> out;
  static const std::set<std::string> kModifiers = {"ghost", "nameonly", "new", "older"};
  for (auto p : split_commas(list)) {
    std::size_t i = 0;
    while (i < p.size() && kModifiers.count(p[i])) ++i;
    auto assign = std::find(p.begin(), p.end(), ":=");
    p.erase(assign, p.end());
    if (i + 2 > p.size() || p[i + 1] != ":") continue;
    out.push_back(
        {p[i], p[i] + ": " + type_text(Tokens(p.begin() + static_cast<long>(i) + 2, p.end()))});
  }
  return out;
}

Signature signature_of(const Structure& s, const Declaration& d) {
  Signature sig;
  Tokens t = tokens_of(s, d.signature);
  std::size_t i = 1;
  if (i < t.size() && t[i] == "method") ++i;  // Dafny 3's `function method`
  while (i < t.size() && t[i] == "{:") i = close_of(t, i);
  if (i >= t.size()) return sig;
  const std::string name = t[i++];
  if (i < t.size() && t[i] == "<") {
    std::size_t e = close_of(t, i);
    sig.type_params =
        type_text(Tokens(t.begin() + static_cast<long>(i), t.begin() + static_cast<long>(e)));
    i = e;
  }
  if (i >= t.size() || t[i] != "(") return sig;
  std::size_t e = close_of(t, i);
  sig.ins = params_of(Tokens(t.begin() + i + 1, t.begin() + e - 1));
  i = e;
  if (i < t.size() && t[i] == "returns" && i + 1 < t.size() && t[i + 1] == "(") {
    e = close_of(t, i + 1);
    sig.outs = params_of(Tokens(t.begin() + i + 2, t.begin() + e - 1));
  } else if (i < t.size() && t[i] == ":") {
    if (i + 1 < t.size() && t[i + 1] == "(") {
      e = close_of(t, i + 1);
      sig.outs = params_of(Tokens(t.begin() + i + 2, t.begin() + e - 1));
    } else {
      sig.result_type = type_text(Tokens(t.begin() + static_cast<long>(i) + 1, t.end()));
      sig.function_name = name;
    }
  } else if (d.kind == DeclKind::Predicate) {
    sig.result_type = "bool";
    sig.function_name = name;
  }
  sig.ok = true;
  return sig;
}

/// A clause's expression as tokens: without the keyword, labels, attributes and a trailing `;`.
Tokens expression_of(const Structure& s, const Clause& c) {
  Tokens t = tokens_of(s, {c.tokens.first + 1, c.tokens.last});
  std::size_t first = 0;
  for (bool more = true; more;) {
    more = false;
    if (first < t.size() && t[first] == "{:") {
      first = close_of(t, first);
      more = true;
    }
    if (first + 1 < t.size() && t[first + 1] == ":" &&
        s.lexed.tokens[c.tokens.first + 1 + first].kind == TokenKind::Identifier) {
      first += 2;
      more = true;
    }
  }
  if (!t.empty() && t.back() == ";") t.pop_back();
  return Tokens(t.begin() + static_cast<long>(std::min(first, t.size())), t.end());
}

/// `e` with every call of `sig.function_name` on exactly its own parameters replaced by
/// `result`: a function's postcondition speaks of its value that way.
Tokens abstract_result(Tokens e, const Signature& sig, const std::string& result) {
  if (sig.function_name.empty()) return e;
  Tokens call = {sig.function_name, "("};
  for (std::size_t i = 0; i < sig.ins.size(); ++i) {
    if (i) call.push_back(",");
    call.push_back(sig.ins[i].name);
  }
  call.push_back(")");
  for (std::size_t i = 0; i + call.size() <= e.size(); ++i)
    if (std::equal(call.begin(), call.end(), e.begin() + static_cast<long>(i))) {
      e.erase(e.begin() + static_cast<long>(i), e.begin() + static_cast<long>(i + call.size()));
      e.insert(e.begin() + static_cast<long>(i), result);
    }
  return e;
}

/// One clause with where it came from, for messages.
struct Stated {
  std::string text;   ///< the expression on one line
  std::string where;  ///< "reference ensures `r >= 0` (line 3)"
};

struct Contract {
  std::vector<Stated> requires_;
  std::vector<Stated> ensures;
  std::multiset<std::string> frames;                     ///< "modifies a", "reads this" ...
  std::vector<std::string> modifies_items, reads_items;  ///< "a", "this" ...
  bool heap_in_ensures = false;                          ///< old / fresh / unchanged / allocated
  bool modifies = false;
};

Contract contract_of(const Structure& s, std::string_view text, const Declaration& d,
                     const Signature& sig, const std::string& side) {
  Contract c;
  for (const auto& clause : d.contracts) {
    Tokens e = expression_of(s, clause);
    if (clause.keyword == "reads" || clause.keyword == "modifies") {
      c.modifies |= clause.keyword == "modifies";
      for (const auto& item : split_commas(e)) {
        c.frames.insert(clause.keyword + " " + join(item));
        (clause.keyword == "modifies" ? c.modifies_items : c.reads_items).push_back(join(item));
      }
      continue;
    }
    if (clause.keyword != "requires" && clause.keyword != "ensures") continue;
    if (clause.keyword == "ensures") {
      e = abstract_result(std::move(e), sig, "verigen_result");
      for (const auto& tok : e)
        c.heap_in_ensures |=
            tok == "old" || tok == "fresh" || tok == "unchanged" || tok == "allocated";
    }
    std::string line = join(e);
    if (line.empty()) line = "true";
    std::string shown = line.size() > 80 ? line.substr(0, 77) + "..." : line;
    auto pos = position_of(text, s.lexed.tokens[clause.tokens.first].begin);
    Stated st{line, side + " " + clause.keyword + " `" + shown + "` (line " +
                        std::to_string(pos.line) + ")"};
    (clause.keyword == "requires" ? c.requires_ : c.ensures).push_back(std::move(st));
  }
  return c;
}

/// Whether `e` reads the heap, so that `old(e)` means something in a two-state lemma.
bool reads_heap(const std::string& e) {
  return e.find('[') != std::string::npos || e.find('.') != std::string::npos ||
         e.find(" (") != std::string::npos;
}

/// Frame items of `a` that `b` lacks, as one line each.
std::vector<std::string> beyond(const std::multiset<std::string>& a,
                                const std::multiset<std::string>& b, const std::string& side) {
  std::vector<std::string> out;
  std::multiset<std::string> rest = b;
  for (const auto& item : a) {
    auto it = rest.find(item);
    if (it != rest.end())
      rest.erase(it);
    else
      out.push_back(side + " has `" + item + "`");
  }
  return out;
}

struct LemmaPlan {
  Obligation obligation;
  std::vector<std::pair<std::string, std::string>> lines;  ///< (clause text, where); requires
  std::size_t hypotheses = 0;  ///< the first `hypotheses` lines are `requires`
};

bool is_member(const Declaration& d) {
  return d.container == "class" || d.container == "trait" || d.container == "datatype" ||
         d.container == "codatatype" || d.container == "newtype";
}

}  // namespace

StrengthProbe strength_probe(std::string_view reference, std::string_view candidate,
                             bool prove_identical) {
  StrengthProbe probe;
  probe.text = std::string(candidate);
  Structure r = parse_structure(reference);
  Structure c = parse_structure(candidate);
  if (r.error) probe.error = "reference: " + *r.error;
  if (c.error) probe.error = "candidate: " + *c.error;
  if (!probe.error.empty()) return probe;

  struct Insertion {
    std::size_t offset;
    std::string text;
    std::vector<Obligation> obligations;
  };
  std::vector<Insertion> insertions;
  int lemma_count = 0;

  for (const auto& rd : r.declarations) {
    ProbedDeclaration pd;
    pd.name = rd.qualified_name;
    const std::size_t index = probe.declarations.size();
    const Declaration* cd = nullptr;
    for (const auto& d : c.declarations)
      if (d.qualified_name == rd.qualified_name && d.kind == rd.kind) cd = &d;
    bool two_state_decl = false;
    for (std::size_t i = rd.modifiers.first; i < rd.modifiers.last; ++i)
      two_state_decl |= r.lexed.tokens[i].text == "twostate";
    if (rd.kind == DeclKind::Constructor)
      pd.not_comparable = "a constructor (its contracts are not compared)";
    else if (two_state_decl)
      pd.not_comparable = "a two-state declaration (its contracts are not compared)";
    else if (!cd)
      pd.not_comparable = "not in the candidate";
    else if (token_text(r, rd.signature) != token_text(c, cd->signature))
      pd.not_comparable = "its signature differs from the reference's";
    Signature sig = pd.not_comparable.empty() ? signature_of(c, *cd) : Signature{};
    if (pd.not_comparable.empty() && !sig.ok) pd.not_comparable = "its signature could not be read";
    if (!pd.not_comparable.empty()) {
      probe.declarations.push_back(std::move(pd));
      continue;
    }
    Contract ref = contract_of(r, reference, rd, sig, "reference");
    Contract cand = contract_of(c, candidate, *cd, sig, "candidate");
    // A method's `modifies` and a function's `reads` are compared by Dafny (frame_obligations.h);
    // any other frame (a method's `reads`) only as written.
    const std::string checked_frame = rd.kind == DeclKind::Method  ? "modifies"
                                      : rd.kind == DeclKind::Lemma ? ""
                                                                   : "reads";
    auto unchecked = [&](const std::multiset<std::string>& frames) {
      std::multiset<std::string> out;
      for (const auto& f : frames)
        if (checked_frame.empty() || f.rfind(checked_frame + " ", 0) != 0) out.insert(f);
      return out;
    };
    pd.frame_forward_failures =
        beyond(unchecked(cand.frames), unchecked(ref.frames), "the candidate");
    pd.frame_backward_failures =
        beyond(unchecked(ref.frames), unchecked(cand.frames), "the reference");
    probe.declarations.push_back(std::move(pd));

    const bool two_state =
        rd.kind == DeclKind::Method &&
        (ref.modifies || cand.modifies || ref.heap_in_ensures || cand.heap_in_ensures);
    std::string ins, all;
    for (const auto& p : sig.ins) ins += (ins.empty() ? "" : ", ") + p.text;
    all = ins;
    for (const auto& p : sig.outs)
      all += (all.empty() ? "" : ", ") + std::string(two_state ? "new " : "") + p.text;
    if (!sig.result_type.empty())
      all += (all.empty() ? "" : ", ") + std::string("verigen_result: ") + sig.result_type;

    auto old_of = [&](const Stated& s) {
      return two_state && reads_heap(s.text) ? Stated{"old(" + s.text + ")", s.where} : s;
    };
    // Obligations go right after the candidate's declaration, in the order planned.
    auto place = [&](const std::string& text, Obligation o) {
      if (insertions.empty() || insertions.back().offset != cd->end)
        insertions.push_back({cd->end, "", {}});
      auto& at = insertions.back();
      // Lines of the obligation count from its header (line 1) until the text is assembled.
      at.text += text;
      at.obligations.push_back(std::move(o));
    };
    // Hypotheses, then goals; a goal that is already a hypothesis is skipped.
    auto plan = [&](Direction dir, const std::string& aspect, std::vector<Stated> hyps,
                    const std::vector<Stated>& goals, bool ensures_lemma) {
      LemmaPlan p;
      p.obligation.declaration = index;
      p.obligation.direction = dir;
      p.obligation.aspect = aspect;
      std::set<std::string> seen;
      for (auto& h : hyps)
        if (seen.insert(h.text).second) p.lines.push_back({h.text, h.where});
      p.hypotheses = p.lines.size();
      std::set<std::string> stated;
      for (const auto& h : p.lines) stated.insert(h.first);
      std::size_t goal_count = 0;
      for (const auto& g : goals) {
        if (!prove_identical && stated.count(g.text)) continue;
        p.lines.push_back({g.text, g.where});
        ++goal_count;
      }
      if (goal_count == 0) return;
      const std::string name = kStrengthPrefix + std::to_string(lemma_count++);
      p.obligation.lemma = name;
      std::string text = "\n";
      if (is_member(*cd) && cd->is_static) text += "static ";
      if (ensures_lemma && two_state) text += "twostate ";
      text += "lemma " + name + sig.type_params + "(" + (ensures_lemma ? all : ins) + ")\n";
      int line = 1;  // the header's line within `text` (after the leading newline)
      for (std::size_t i = 0; i < p.lines.size(); ++i) {
        ++line;
        text +=
            std::string(i < p.hypotheses ? "  requires " : "  ensures ") + p.lines[i].first + "\n";
        (i < p.hypotheses ? p.obligation.hypotheses : p.obligation.goals)[line] = p.lines[i].second;
      }
      text += "{}\n";
      p.obligation.last_line = line + 1;
      place(text, std::move(p.obligation));
    };
    std::vector<Stated> ref_pre_old, cand_pre_old;
    for (const auto& s : ref.requires_) ref_pre_old.push_back(old_of(s));
    for (const auto& s : cand.requires_) cand_pre_old.push_back(old_of(s));
    auto concat = [](std::vector<Stated> a, const std::vector<Stated>& b) {
      a.insert(a.end(), b.begin(), b.end());
      return a;
    };
    plan(Direction::Forward, "requires", ref.requires_, cand.requires_, false);
    plan(Direction::Forward, "ensures", concat(concat(ref_pre_old, cand_pre_old), cand.ensures),
         ref.ensures, true);
    plan(Direction::Backward, "requires", cand.requires_, ref.requires_, false);
    plan(Direction::Backward, "ensures", concat(concat(ref_pre_old, cand_pre_old), ref.ensures),
         cand.ensures, true);

    // Frames: the inner one must lie within the outer one, under both preconditions.
    const auto& ref_items = checked_frame == "modifies" ? ref.modifies_items : ref.reads_items;
    const auto& cand_items = checked_frame == "modifies" ? cand.modifies_items : cand.reads_items;
    const bool same_frame = std::multiset<std::string>(ref_items.begin(), ref_items.end()) ==
                            std::multiset<std::string>(cand_items.begin(), cand_items.end());
    auto shown = [&](const std::vector<std::string>& items) {
      std::string out;
      for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
      return out.empty() ? "no `" + checked_frame + "`" : "`" + checked_frame + " " + out + "`";
    };
    auto plan_frame = [&](Direction dir, const std::vector<std::string>& inner,
                          const std::vector<std::string>& outer, const std::string& where) {
      FrameObligationSpec f;
      f.name = kStrengthPrefix + std::to_string(lemma_count++);
      f.prefix = is_member(*cd) && cd->is_static ? "static " : "";
      f.type_params = sig.type_params;
      f.parameters = ins;
      for (const auto& p : sig.ins) f.arguments.push_back(p.name);
      std::set<std::string> seen;
      for (const auto& h : concat(ref.requires_, cand.requires_))
        if (seen.insert(h.text).second) f.requires_.push_back(h.text);
      f.function = checked_frame == "reads";
      f.inner = inner;
      f.outer = outer;
      auto written = frame_obligation_text(f);
      Obligation o;
      o.declaration = index;
      o.direction = dir;
      o.aspect = checked_frame;
      o.lemma = f.name;
      o.goals[written.goal_line] = where;
      o.last_line = written.last_line;
      place(written.text, std::move(o));
    };
    if (!checked_frame.empty() && (!same_frame || (prove_identical && !ref_items.empty()))) {
      plan_frame(Direction::Forward, cand_items, ref_items,
                 "candidate " + shown(cand_items) + " within the reference's " + shown(ref_items));
      plan_frame(Direction::Backward, ref_items, cand_items,
                 "reference " + shown(ref_items) + " within the candidate's " + shown(cand_items));
    }
  }

  // Insert from the back so earlier offsets stay valid, then place each lemma's lines.
  std::sort(insertions.begin(), insertions.end(),
            [](const auto& a, const auto& b) { return a.offset > b.offset; });
  std::string text(candidate);
  for (const auto& ins : insertions) text.insert(ins.offset, ins.text);
  probe.text = text;
  for (auto& ins : insertions)
    for (std::size_t i = 0; i < ins.obligations.size(); ++i) {
      Obligation o = ins.obligations[i];
      // A lemma's header, or a frame obligation's caller (its stub is named `..._frame`).
      auto at = text.find(" " + o.lemma + "(");
      if (at == std::string::npos) at = text.find(" " + o.lemma + "<");
      const int header = position_of(text, at).line;
      auto shift = [&](std::map<int, std::string>& lines) {
        std::map<int, std::string> out;
        for (auto& [line, where] : lines) out[header + line - 1] = where;
        lines = std::move(out);
      };
      shift(o.goals);
      shift(o.hypotheses);
      o.first_line = header;
      o.last_line = header + o.last_line - 1;
      probe.obligations.push_back(std::move(o));
    }
  std::sort(probe.obligations.begin(), probe.obligations.end(),
            [](const auto& a, const auto& b) { return a.first_line < b.first_line; });
  return probe;
}

}  // namespace verigen::dafny
