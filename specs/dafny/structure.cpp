#include "specs/dafny/structure.h"

#include <algorithm>
#include <set>

namespace verigen::dafny {
namespace {

const std::set<std::string_view> kDeclKeywords = {
    "method", "function", "predicate", "lemma", "constructor", "copredicate", "colemma"};
const std::set<std::string_view> kModifiers = {"ghost",    "static",     "twostate", "opaque",
                                               "abstract", "least",      "greatest", "inductive",
                                               "private",  "replaceable"};
const std::set<std::string_view> kContainers = {"module",     "class",   "trait",   "datatype",
                                                "codatatype", "newtype", "iterator"};
// Other top-level words that start a declaration: an expression never runs into them.
const std::set<std::string_view> kOtherDeclarations = {"type", "const", "import", "include"};
// Words that start an item at container level but may appear inside expressions elsewhere
// (`var` is also a statement and a let-expression; `export` sets; `iterator`s).
const std::set<std::string_view> kItemOnlyKeywords = {"var", "export"};
const std::set<std::string_view> kContractKeywords = {"requires", "ensures", "modifies", "reads",
                                                      "decreases"};
const std::set<std::string_view> kLoopKeywords = {"invariant", "decreases", "modifies"};
const std::set<std::string_view> kForallKeywords = {"ensures"};
// Expressions that take a label: `old@L(e)`.
const std::set<std::string_view> kLabelledWords = {"old", "fresh", "unchanged", "allocated"};
// Identifiers after which a `{` starts an expression (a set display), not a body.
const std::set<std::string_view> kOperatorWords = {
    "in",        "then",      "else",   "returns", "reads", "requires", "ensures", "modifies",
    "decreases", "invariant", "return", "yield",   "if",    "while",    "match",   "case",
    "var",       "new",       "set",    "map",     "iset",  "imap",     "seq",     "multiset"};

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {
    s_.lexed = lex(text);
    if (s_.lexed.error) {
      s_.error = s_.lexed.error->message;
      s_.error_offset = s_.lexed.error->offset;
    }
  }

  Structure run() {
    check_brackets();
    std::vector<std::string> scopes;
    parse_members(0, s_.lexed.tokens.size(), kNoItem, "", scopes, 0);
    return std::move(s_);
  }

  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

  /// Deeper nesting of modules and classes than any real program has: refused rather than
  /// recursed into, so no input can exhaust the stack.
  static constexpr int kMaxNesting = 64;

  /// True when the token at `i` can only start a new item at container level.
  bool starts_item(std::size_t i) const {
    const auto& t = s_.lexed.tokens;
    if (t[i].kind != TokenKind::Identifier) return false;
    auto w = t[i].text;
    return kDeclKeywords.count(w) || kModifiers.count(w) || kContainers.count(w) ||
           kOtherDeclarations.count(w) || kItemOnlyKeywords.count(w);
  }

  /// From `i`, the end of an item without braces of its own (const, var, import, ...): the next
  /// token at bracket depth 0 that starts an item, or `last`.
  std::size_t item_end(std::size_t i, std::size_t last) const {
    const auto& t = s_.lexed.tokens;
    for (; i < last; ++i) {
      auto w = t[i].text;
      if (starts_item(i)) return i;
      if (w == "{" || w == "{:" || w == "(" || w == "[" || w == "#[") i = match(i, "", "") - 1;
    }
    return last;
  }

  /// The name after a container or type keyword at `i` (attributes skipped; a module's dotted
  /// name joined), and the index after it.
  std::pair<std::string, std::size_t> item_name(std::size_t i, std::size_t last) const {
    const auto& t = s_.lexed.tokens;
    while (i < last && t[i].text == "{:") i = match(i, "{:", "}");
    std::string name;
    while (i < last && t[i].kind == TokenKind::Identifier && !starts_item(i)) {
      name += std::string(t[i].text);
      if (i + 2 < last && t[i + 1].text == "." && t[i + 2].kind == TokenKind::Identifier) {
        name += ".";
        i += 2;
        continue;
      }
      ++i;
      break;
    }
    return {name, i};
  }

  /// Parses the items of [first, last), a file or a container's members without its braces.
  void parse_members(std::size_t first, std::size_t last, std::size_t parent,
                     const std::string& container, std::vector<std::string>& scopes, int depth) {
    const auto& t = s_.lexed.tokens;
    if (depth > kMaxNesting) {
      if (first < t.size())
        set_error(t[first].begin, "declarations nested deeper than " + std::to_string(kMaxNesting));
      return;
    }
    std::size_t i = first;
    while (i < last) {
      const std::size_t start = i;
      bool is_static = false;
      // Modifiers and attributes, both the `{:name}` and the `@Name(args)` forms.
      while (i < last) {
        auto w = t[i].text;
        if (w == "{:") {
          i = std::min(match(i, "{:", "}"), last);
          continue;
        }
        if (w == "@" && i + 1 < last && t[i + 1].kind == TokenKind::Identifier) {
          i += 2;
          if (i < last && t[i].text == "(") i = std::min(match(i, "(", ")"), last);
          continue;
        }
        if (t[i].kind == TokenKind::Identifier && kModifiers.count(w)) {
          is_static |= w == "static";
          ++i;
          continue;
        }
        break;
      }
      Item item;
      item.parent = parent;
      if (i >= last) {  // modifiers with nothing to modify
        item.tokens = {start, last};
        s_.items.push_back(std::move(item));
        break;
      }
      auto w = t[i].text;
      item.keyword = t[i].kind == TokenKind::Identifier ? std::string(w) : "";
      std::string qualifier;
      for (const auto& scope : scopes)
        if (!scope.empty()) qualifier += scope + ".";
      if (t[i].kind == TokenKind::Identifier && kDeclKeywords.count(w)) {
        std::size_t index = s_.declarations.size();
        std::size_t end = std::min(parse_declaration(i, start, scopes), last);
        s_.declarations[index].container = container;
        s_.declarations[index].is_static = is_static;
        item.name = s_.declarations[index].name;
        item.qualified_name = s_.declarations[index].qualified_name;
        item.declaration = index;
        item.tokens = {start, end};
        s_.items.push_back(std::move(item));
        i = end;
        continue;
      }
      if (w == "include" && i + 1 < last && t[i + 1].kind == TokenKind::String) {
        s_.includes.push_back({i, i + 2});
        item.tokens = {start, i + 2};
        s_.items.push_back(std::move(item));
        i += 2;
        continue;
      }
      if (t[i].kind == TokenKind::Identifier && (kContainers.count(w) || w == "type")) {
        auto [name, after] = item_name(i + 1, last);
        item.name = name;
        item.qualified_name = qualifier + name;
        // The header runs to the members' `{` (or, for types without members, to the next
        // item); `=`, `|`, constructors, `refines`, `extends` and witnesses are all header.
        std::size_t j = after;
        std::optional<std::size_t> brace;
        for (; j < last; ++j) {
          auto x = t[j].text;
          if (starts_item(j)) break;
          if (x == "{" && (w == "module" || w == "class" || w == "trait" || opens_block(j))) {
            brace = j;
            break;
          }
          if (x == "{" || x == "{:" || x == "(" || x == "[" || x == "#[") j = match(j, "", "") - 1;
        }
        std::size_t index = s_.items.size();
        if (!brace) {
          item.tokens = {start, j};
          s_.items.push_back(std::move(item));
          i = j;
          continue;
        }
        std::size_t close = std::min(match(*brace, "{", "}"), last);
        item.tokens = {start, close};
        item.members = TokenRange{*brace, close};
        s_.items.push_back(std::move(item));
        if (w == "iterator") {  // statements, not members: compared whole
          i = close;
          continue;
        }
        scopes.push_back(name);
        parse_members(*brace + 1, close > *brace + 1 ? close - 1 : close, index, std::string(w),
                      scopes, depth + 1);
        scopes.pop_back();
        i = close;
        continue;
      }
      if (t[i].kind == TokenKind::Identifier &&
          (kOtherDeclarations.count(w) || kItemOnlyKeywords.count(w))) {
        // const, var (a field), import, export: up to the next item.
        std::size_t end = item_end(i + 1, last);
        if (w == "const" || w == "var") {
          auto [name, after] = item_name(i + 1, end);
          item.name = name;
          item.qualified_name = qualifier + name;
        }
        item.tokens = {start, end};
        s_.items.push_back(std::move(item));
        i = end;
        continue;
      }
      // Anything else is out of place at container level; kept as its own item so it is still
      // compared.
      item.keyword.clear();
      std::size_t end = i + 1;
      if (t[i].text == "{" || t[i].text == "(" || t[i].text == "[" || t[i].text == "#[")
        end = std::min(match(i, "", ""), last);
      item.tokens = {start, std::max(end, start + 1)};
      s_.items.push_back(std::move(item));
      i = std::max(end, start + 1);
    }
  }

  void set_error(std::size_t offset, std::string message) {
    if (s_.error) return;
    s_.error = std::move(message);
    s_.error_offset = offset;
  }

  void check_brackets() {
    std::vector<std::size_t> stack;
    const auto& t = s_.lexed.tokens;
    for (std::size_t i = 0; i < t.size(); ++i) {
      auto w = t[i].text;
      if (w == "{" || w == "{:" || w == "(" || w == "[" || w == "#[") stack.push_back(i);
      if (w == "}" || w == ")" || w == "]") {
        if (stack.empty()) return set_error(t[i].begin, "unbalanced '" + std::string(w) + "'");
        auto open = t[stack.back()].text;
        bool fits = (w == "}" && (open == "{" || open == "{:")) || (w == ")" && open == "(") ||
                    (w == "]" && (open == "[" || open == "#["));
        if (!fits)
          return set_error(t[i].begin,
                           "'" + std::string(w) + "' does not close '" + std::string(open) + "'");
        stack.pop_back();
      }
    }
    if (!stack.empty())
      set_error(t[stack.back()].begin,
                "'" + std::string(t[stack.back()].text) + "' is never closed");
  }

  /// Index just past the bracket that closes the one at `open` (t.size() when none does).
  std::size_t match(std::size_t open, std::string_view, std::string_view) const {
    const auto& t = s_.lexed.tokens;
    int depth = 0;
    for (std::size_t i = open; i < t.size(); ++i) {
      auto w = t[i].text;
      if (w == "{" || w == "{:" || w == "(" || w == "[" || w == "#[") ++depth;
      if (w == "}" || w == ")" || w == "]") {
        if (--depth == 0) return i + 1;
      }
    }
    return t.size();
  }

  std::string name_after_attributes(std::size_t i) const {
    const auto& t = s_.lexed.tokens;
    while (i < t.size() && t[i].text == "{:") i = match(i, "{:", "}");
    return i < t.size() && t[i].kind == TokenKind::Identifier ? std::string(t[i].text) : "";
  }

  /// True when the `{` at `i` opens a block (a body) rather than a set display.
  bool opens_block(std::size_t i) const {
    const auto& t = s_.lexed.tokens;
    if (t[i].text != "{") return false;
    if (i == 0) return true;
    const Token& prev = t[i - 1];
    switch (prev.kind) {
      case TokenKind::Number:
      case TokenKind::String:
      case TokenKind::Char:
        return true;
      case TokenKind::Identifier:
        return !kOperatorWords.count(prev.text);
      case TokenKind::Punct:
        // `|s|` ends an expression too (cardinality), as does a generic type's `>`.
        if (prev.text == "*")  // `decreases *`, `reads *`, `modifies *` end a clause
          return i >= 2 && (t[i - 2].text == "decreases" || t[i - 2].text == "reads" ||
                            t[i - 2].text == "modifies");
        return prev.text == ")" || prev.text == "]" || prev.text == "}" || prev.text == ">" ||
               prev.text == "|";
    }
    return false;
  }

  /// From `i`, the end of an expression: the first token at bracket depth 0 that is a clause
  /// keyword, a block-opening `{`, a `;`, a declaration keyword (so a body-less declaration's
  /// last clause does not swallow the next declaration), or a closing bracket of an enclosing
  /// level.
  std::size_t expression_end(std::size_t i, const std::set<std::string_view>& stops) const {
    const auto& t = s_.lexed.tokens;
    int depth = 0;
    int lets = 0;  // `var x := e; body` let-expressions open: their `;` does not end anything
    for (; i < t.size(); ++i) {
      auto w = t[i].text;
      if (depth == 0) {
        if (w == "var") ++lets;
        if (w == ";" && lets > 0) {
          --lets;
          continue;
        }
        // `f.requires(x)` and `f.reads(x)` are members of a function value, not clauses.
        const bool member = i > 0 && t[i - 1].text == ".";
        if (t[i].kind == TokenKind::Identifier && !member &&
            (stops.count(w) || kDeclKeywords.count(w) || kModifiers.count(w) ||
             kContainers.count(w) || kOtherDeclarations.count(w)))
          return i;
        if (w == ";" || (w == "{" && opens_block(i))) return i;
        // `@Name` starts the next declaration's attribute; `old@L` is a label reference.
        if (w == "@" && i + 1 < t.size() && t[i + 1].kind == TokenKind::Identifier && i > 0 &&
            !kLabelledWords.count(t[i - 1].text))
          return i;
        if (w == "}" || w == ")" || w == "]") return i;
      }
      if (w == "{" || w == "{:" || w == "(" || w == "[" || w == "#[") ++depth;
      if (w == "}" || w == ")" || w == "]") --depth;
    }
    return t.size();
  }

  std::vector<Clause> parse_clauses(std::size_t& i, const std::set<std::string_view>& keywords) {
    const auto& t = s_.lexed.tokens;
    std::vector<Clause> clauses;
    while (i < t.size() && t[i].kind == TokenKind::Identifier && keywords.count(t[i].text)) {
      Clause c;
      c.keyword = std::string(t[i].text);
      std::size_t end = expression_end(i + 1, keywords);
      if (end == i + 1 && end < t.size() && t[end].text != "{" && t[end].text != ";") end = i + 1;
      c.tokens = {i, std::max(end, i + 1)};
      i = std::max(end, i + 1);
      if (i < t.size() && t[i].text == ";") ++i;  // Dafny 3 allowed `ensures e;`
      c.tokens.last = i;
      clauses.push_back(std::move(c));
    }
    return clauses;
  }

  std::string doc_before(std::size_t offset) const {
    // Comments that end right before `offset`, with only white space between.
    std::string doc;
    std::size_t cursor = offset;
    for (auto it = s_.lexed.comments.rbegin(); it != s_.lexed.comments.rend(); ++it) {
      if (it->end > cursor) continue;
      auto gap = text_.substr(it->end, cursor - it->end);
      if (gap.find_first_not_of(" \t\r\n") != std::string_view::npos) break;
      if (std::count(gap.begin(), gap.end(), '\n') > 1) break;  // a blank line ends the doc
      std::string body(text_.substr(it->begin, it->end - it->begin));
      doc = strip_comment(body) + (doc.empty() ? "" : "\n" + doc);
      cursor = it->begin;
    }
    return doc;
  }

  static std::string strip_comment(const std::string& c) {
    std::string out;
    std::size_t pos = 0;
    std::string body = c;
    if (body.rfind("/*", 0) == 0) body = body.substr(2, body.size() >= 4 ? body.size() - 4 : 0);
    while (pos <= body.size()) {
      auto end = body.find('\n', pos);
      if (end == std::string::npos) end = body.size();
      std::string line = body.substr(pos, end - pos);
      auto first = line.find_first_not_of(" \t/*!");
      line = first == std::string::npos ? "" : line.substr(first);
      while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
      if (!out.empty() || !line.empty()) out += (out.empty() ? "" : "\n") + line;
      pos = end + 1;
    }
    while (!out.empty() && out.back() == '\n') out.pop_back();
    return out;
  }

  std::size_t parse_declaration(std::size_t keyword, std::size_t start,
                                const std::vector<std::string>& scopes) {
    const auto& t = s_.lexed.tokens;
    Declaration d;
    auto kw = t[keyword].text;
    d.kind = kw == "method"                             ? DeclKind::Method
             : kw == "function"                         ? DeclKind::Function
             : kw == "predicate" || kw == "copredicate" ? DeclKind::Predicate
             : kw == "lemma" || kw == "colemma"         ? DeclKind::Lemma
                                                        : DeclKind::Constructor;
    d.modifiers = {start, keyword};
    for (std::size_t m = start; m < keyword; ++m)
      if (t[m].text == "{:") {
        std::size_t e = match(m, "{:", "}");
        d.attributes.push_back(token_text(s_, {m, e}));
        m = e - 1;
      }
    std::size_t i = keyword + 1;
    if (i < t.size() && t[i].text == "method") ++i;  // Dafny 3's `function method`
    while (i < t.size() && t[i].text == "{:") {
      std::size_t e = match(i, "{:", "}");
      d.attributes.push_back(token_text(s_, {i, e}));
      i = e;
    }
    d.name = i < t.size() && t[i].kind == TokenKind::Identifier ? std::string(t[i].text)
                                                                : std::string(kw);
    for (const auto& scope : scopes)
      if (!scope.empty()) d.qualified_name += scope + ".";
    d.qualified_name += d.name;
    std::size_t sig_end = expression_end(i, kContractKeywords);
    d.signature = {keyword, sig_end};
    i = sig_end;
    d.contracts = parse_clauses(i, kContractKeywords);
    std::size_t last = i;
    if (i < t.size() && t[i].text == "{") {
      std::size_t close = match(i, "{", "}");
      d.body = TokenRange{i, close};
      scan_body(*d.body, s_.declarations.size());
      last = close;
      if (last + 1 < t.size() && t[last].text == "by" && t[last + 1].text == "method" &&
          last + 2 < t.size() && t[last + 2].text == "{") {
        std::size_t by_close = match(last + 2, "{", "}");
        d.by_method_body = TokenRange{last + 2, by_close};
        scan_body(*d.by_method_body, s_.declarations.size());
        last = by_close;
      }
    }
    d.begin = t[start].begin;
    d.end = last > 0 && last - 1 < t.size() ? t[last - 1].end : t[keyword].end;
    d.doc = doc_before(d.begin);
    s_.declarations.push_back(std::move(d));
    return std::max(last, keyword + 1);
  }

  void scan_body(TokenRange body, std::size_t declaration) {
    const auto& t = s_.lexed.tokens;
    for (std::size_t i = body.first + 1; i + 1 < body.last; ++i) {
      auto w = t[i].text;
      if (t[i].kind != TokenKind::Identifier) continue;
      if (w == "while" || w == "for") {
        Loop loop;
        loop.declaration = declaration;
        loop.keyword = i;
        std::size_t end = expression_end(i + 1, kLoopKeywords);
        loop.guard = {i + 1, end};
        std::size_t j = end;
        loop.clauses = parse_clauses(j, kLoopKeywords);
        if (j < t.size() && t[j].text == "{") {
          loop.body = {j, match(j, "{", "}")};
          s_.loops.push_back(std::move(loop));
        } else {
          s_.bodyless_loops.push_back(i);
        }
      } else if (w == "forall" &&
                 (t[i - 1].text == ";" || t[i - 1].text == "{" || t[i - 1].text == "}")) {
        // A forall statement (a quantifier expression has `::`): body-less, it is an axiom.
        std::size_t end = expression_end(i + 1, kForallKeywords);
        bool quantifier = false;
        int depth = 0;
        for (std::size_t k = i + 1; k < end; ++k) {
          auto x = t[k].text;
          if (x == "(" || x == "[" || x == "{" || x == "{:") ++depth;
          if (x == ")" || x == "]" || x == "}") --depth;
          quantifier |= depth == 0 && x == "::";
        }
        if (quantifier) continue;
        std::size_t j = end;
        bool proof = !parse_clauses(j, kForallKeywords).empty();
        if (j >= t.size() || t[j].text != "{") {
          s_.bodyless_loops.push_back(i);
        } else if (proof) {
          // `forall x | P ensures Q { ... }` proves Q for every x: proof, not an assignment.
          std::size_t close = match(j, "{", "}");
          s_.proof_statements.push_back({"forall", {i, close}});
          i = close - 1;
        }
      } else if (w == "assert" || w == "assume" || w == "reveal" || w == "expect") {
        if (w == "expect") continue;  // runtime check, executable code
        std::size_t j = i + 1;
        int depth = 0;
        for (; j < body.last; ++j) {
          auto x = t[j].text;
          if (depth == 0 && x == ";") {
            ++j;
            break;
          }
          if (depth == 0 && x == "by" && j + 1 < body.last && t[j + 1].text == "{") {
            j = match(j + 1, "{", "}");
            break;
          }
          if (x == "{" || x == "{:" || x == "(" || x == "[") ++depth;
          if (x == "}" || x == ")" || x == "]") {
            if (depth == 0) break;
            --depth;
          }
        }
        s_.proof_statements.push_back({std::string(w), {i, j}});
        i = j - 1;
      } else if (w == "calc") {
        std::size_t j = i + 1;
        while (j < body.last && t[j].text != "{") ++j;
        std::size_t end = j < body.last ? match(j, "{", "}") : j;
        s_.proof_statements.push_back({"calc", {i, end}});
        i = end - 1;
      }
    }
  }

  std::string_view text_;
  Structure s_;
};

}  // namespace

std::string token_text(const Structure& s, TokenRange range) {
  std::string out;
  for (std::size_t i = range.first; i < range.last && i < s.lexed.tokens.size(); ++i) {
    if (!out.empty()) out += ' ';
    out += s.lexed.tokens[i].text;
  }
  return out;
}

Structure parse_structure(std::string_view text) { return Parser(text).run(); }

}  // namespace verigen::dafny
