#include "specs/dafny/code_normal_form.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace verigen::dafny {
namespace {

// Binding strengths of a parenthesis pair's neighbours and contents; larger binds tighter.
constexpr int kDelimiter = 0;    // a context boundary (`;`, `(`, `requires`, ...): anything fits
constexpr int kExtends = 1;      // contents that extend rightwards or are not one expression
constexpr int kTightest = 99;    // a unary operator or a postfix (call, member, index) outside
constexpr int kAtom = 1000;      // contents without any operator
constexpr int kUnknown = 10000;  // a neighbour not understood: keep the parentheses

/// Dafny's binary operators by precedence (0: not a binary operator). `..` (slices) binds looser
/// than everything but delimiters; `&&` and `||` share a level because Dafny refuses to mix them
/// without parentheses.
int binary_precedence(std::string_view w) {
  if (w == "..") return 1;
  if (w == "<==>") return 2;
  if (w == "==>" || w == "<==") return 3;
  if (w == "&&" || w == "||") return 4;
  static constexpr std::array<std::string_view, 8> kRelations{
      "==", "!=", "<", "<=", ">", ">=", "in", "!!"};
  if (std::find(kRelations.begin(), kRelations.end(), w) != kRelations.end()) return 5;
  if (w == "<<" || w == ">>") return 6;
  if (w == "+" || w == "-") return 7;
  if (w == "*" || w == "/" || w == "%") return 8;
  if (w == "&" || w == "^") return 9;
  if (w == "as" || w == "is") return 10;
  return 0;
}

bool is_word(std::string_view w) {
  return !w.empty() && (std::isalnum(static_cast<unsigned char>(w[0])) || w[0] == '_' ||
                        w[0] == '\'' || static_cast<unsigned char>(w[0]) >= 0x80);
}

/// Words after which `(` opens a group rather than a call's arguments.
bool keyword_before_group(std::string_view w) {
  static constexpr std::array<std::string_view, 17> kWords{
      "return",   "requires", "ensures", "invariant", "decreases", "assert",
      "expect",   "if",       "while",   "then",      "else",      "reads",
      "modifies", "yield",    "print",   "by",        "returns"};
  return std::find(kWords.begin(), kWords.end(), w) != kWords.end();
}

/// Words after which a group's expression has ended (the next clause or branch).
bool keyword_after_group(std::string_view w) {
  static constexpr std::array<std::string_view, 9> kWords{
      "then", "else", "invariant", "decreases", "ensures", "requires", "reads", "modifies", "by"};
  return std::find(kWords.begin(), kWords.end(), w) != kWords.end();
}

/// Tokens that make a group's contents more than one operator expression (`,` and `|` are
/// told apart in contents_strength).
bool extends(std::string_view w) {
  static constexpr std::array<std::string_view, 14> kWords{"::",   ":",      ":=",     ":|",  "=>",
                                                           ";",    "forall", "exists", "var", "if",
                                                           "then", "else",   "match",  "case"};
  return std::find(kWords.begin(), kWords.end(), w) != kWords.end();
}

/// True when the live token at `at` follows a `.`: a member name, even when it is spelt like a
/// keyword (`f.requires(x)`, `f.reads(x)` of a function value), so `(` after it is a call.
bool member_at(const std::vector<std::string_view>& t, const std::vector<std::size_t>& live,
               std::size_t at) {
  return at > 0 && t[live[at - 1]] == ".";
}

bool opens(std::string_view w) { return w == "(" || w == "[" || w == "{" || w == "{:"; }
bool closes(std::string_view w) { return w == ")" || w == "]" || w == "}"; }

/// True when the token before position `at` (in `live`) ends an operand, so that a following
/// `-` is binary and a following `(` may be a call.
bool ends_operand(const std::vector<std::string_view>& t, const std::vector<std::size_t>& live,
                  std::size_t at) {
  if (at == 0) return false;
  auto w = t[live[at - 1]];
  if (w == ")" || w == "]" || w == "}") return true;
  return is_word(w) && binary_precedence(w) == 0 &&
         (!keyword_before_group(w) || member_at(t, live, at - 1));
}

constexpr int kNever = -1;  // not a group at all: `()` or unbalanced contents

/// How tightly the contents of the group `live[open+1 .. close-1]` hold together.
int contents_strength(const std::vector<std::string_view>& t, const std::vector<std::size_t>& live,
                      std::size_t open, std::size_t close) {
  if (close == open + 1) return kNever;  // `()`: the unit value
  int weakest = kAtom;
  int depth = 0;
  bool in_bars = false;        // inside a cardinality `| s |`
  bool after_operand = false;  // the previous token at depth 0 ended an operand
  for (std::size_t k = open + 1; k < close; ++k) {
    auto w = t[live[k]];
    if (opens(w)) {
      ++depth;
      continue;
    }
    if (closes(w)) {
      if (--depth == 0) after_operand = true;
      continue;
    }
    if (depth != 0) continue;
    if (w == "|") {
      // A bar opens a cardinality where an operand is expected and closes the open one.
      if (in_bars) {
        in_bars = false;
        after_operand = true;
        continue;
      }
      if (!after_operand) {
        in_bars = true;
        continue;
      }
      return kExtends;  // bitwise or: not worth telling apart
    }
    if (in_bars) continue;
    if (w == ",") return kNever;  // a tuple, not a group
    if (extends(w)) return kExtends;
    if (w == "-" && !after_operand) continue;  // unary minus
    if (int p = binary_precedence(w); p > 0) {
      weakest = std::min(weakest, p);
      after_operand = false;
      continue;
    }
    after_operand = is_word(w) || w.front() == '"';
  }
  return in_bars || depth != 0 ? kNever : weakest;
}

int left_strength(const std::vector<std::string_view>& t, const std::vector<std::size_t>& live,
                  std::size_t open) {
  if (open == 0) return kDelimiter;
  auto w = t[live[open - 1]];
  if (w == "(" || w == "[" || w == "{" || w == "," || w == ";" || w == ":=" || w == "::" ||
      w == "=>" || w == "}" || (keyword_before_group(w) && !member_at(t, live, open - 1)))
    return kDelimiter;
  if (w == "!") return kTightest;
  if (w == "-") return ends_operand(t, live, open - 1) ? binary_precedence(w) : kTightest;
  if (w == ">") return kUnknown;  // perhaps the end of type arguments: `f<int>(x)` is a call
  if (int p = binary_precedence(w); p > 0) return p;
  return kUnknown;  // an identifier, `)` or `]` before `(`: a call, not a group
}

int right_strength(const std::vector<std::string_view>& t, const std::vector<std::size_t>& live,
                   std::size_t close) {
  if (close + 1 >= live.size()) return kDelimiter;
  auto w = t[live[close + 1]];
  if (w == ")" || w == "]" || w == "}" || w == "," || w == ";" || w == "{" ||
      keyword_after_group(w))
    return kDelimiter;
  if (w == "." || w == "[" || w == "(") return kTightest;
  if (w == "!") return kUnknown;  // `!in` and `!!` start here; kept for simplicity
  if (int p = binary_precedence(w); p > 0) return p;
  return kUnknown;
}

/// Marks one redundant parenthesis pair or empty block dead; false when there is none.
bool drop_one(const std::vector<std::string_view>& t, std::vector<bool>& alive) {
  std::vector<std::size_t> live;
  for (std::size_t i = 0; i < t.size(); ++i)
    if (alive[i]) live.push_back(i);
  auto word = [&](std::size_t k) { return k < live.size() ? t[live[k]] : std::string_view(); };

  // Empty blocks: `else { }`, and `if COND { }` with no else (COND has no braces or `;`).
  for (std::size_t k = 0; k + 2 < live.size(); ++k) {
    if (word(k) == "else" && word(k + 1) == "{" && word(k + 2) == "}") {
      for (std::size_t d = k; d < k + 3; ++d) alive[live[d]] = false;
      return true;
    }
    if (word(k) != "if") continue;
    std::size_t brace = k + 1;
    while (brace < live.size() && word(brace) != "{" && word(brace) != "}" && word(brace) != ";")
      ++brace;
    if (brace == k + 1 || word(brace) != "{" || word(brace + 1) != "}" || word(brace + 2) == "else")
      continue;
    std::size_t first = k > 0 && word(k - 1) == "else" ? k - 1 : k;
    for (std::size_t d = first; d <= brace + 1; ++d) alive[live[d]] = false;
    return true;
  }

  std::vector<std::size_t> stack;
  for (std::size_t k = 0; k < live.size(); ++k) {
    auto w = word(k);
    if (opens(w)) {
      stack.push_back(k);
      continue;
    }
    if (!closes(w)) continue;
    if (stack.empty()) return false;  // unbalanced: leave the rest as it is
    std::size_t open = stack.back();
    stack.pop_back();
    if (w != ")" || word(open) != "(") continue;
    int inside = contents_strength(t, live, open, k);
    int outside = std::max(left_strength(t, live, open), right_strength(t, live, k));
    if (inside > outside) {
      alive[live[open]] = false;
      alive[live[k]] = false;
      return true;
    }
  }
  return false;
}

bool balanced(const std::vector<std::string_view>& tokens) {
  std::vector<std::string_view> stack;
  for (auto w : tokens) {
    if (opens(w)) stack.push_back(w);
    if (!closes(w)) continue;
    if (stack.empty()) return false;
    auto open = stack.back();
    stack.pop_back();
    if ((w == ")") != (open == "(") || (w == "]") != (open == "[")) return false;
  }
  return stack.empty();
}

}  // namespace

std::vector<std::size_t> code_normal_form(const std::vector<std::string_view>& tokens) {
  std::vector<bool> alive(tokens.size(), true);
  // Unbalanced code (a damaged file) is compared as it is: no group is trustworthy there.
  if (balanced(tokens))
    while (drop_one(tokens, alive)) {
    }
  std::vector<std::size_t> kept;
  for (std::size_t i = 0; i < tokens.size(); ++i)
    if (alive[i]) kept.push_back(i);
  return kept;
}

}  // namespace verigen::dafny
