#include "rank/features.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <map>

#include "rank/feature_hasher.h"

namespace verigen::rank {
namespace {

bool is_ident_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }
bool is_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// Longest first, so "<==>" is not read as "<=" "=" ">".
constexpr std::array<std::string_view, 16> kMultiCharOperators = {
    "<==>", "==>", "<==", "&&", "||", "<=",  ">=",  "==",
    "!=",   "=>",  ":=",  "::", "..", "/\\", "\\/", "!!"};

// Words of SMT-LIB, SyGuS and Dafny that are not a problem's variables. Knowing them lets
// "fraction of the task's variables the candidate uses" count variables, not syntax.
const std::set<std::string>& keywords() {
  static const std::set<std::string> kWords = {
      "and",        "or",          "not",         "ite",
      "let",        "forall",      "exists",      "true",
      "false",      "Int",         "Bool",        "Real",
      "define-fun", "declare-fun", "declare-var", "declare-primed-var",
      "synth-inv",  "synth-fun",   "set-logic",   "inv-constraint",
      "constraint", "check-synth", "assert",      "check-sat",
      "mod",        "div",         "abs",         "distinct",
      "LIA",        "NIA",         "method",      "function",
      "predicate",  "lemma",       "requires",    "ensures",
      "invariant",  "decreases",   "modifies",    "reads",
      "var",        "while",       "if",          "then",
      "else",       "return",      "returns",     "old",
      "fresh",      "int",         "nat",         "bool",
      "real",       "seq",         "set",         "map",
      "multiset",   "array",       "in",          "assume",
      "ghost",      "this",        "null",        "new"};
  return kWords;
}

bool is_keyword(const std::string& word) { return keywords().count(word) > 0; }

bool is_comparison(const std::string& op) {
  return op == "<" || op == ">" || op == "<=" || op == ">=" || op == "=" || op == "==" ||
         op == "!=" || op == "distinct";
}
bool is_conjunction(const std::string& t) { return t == "and" || t == "&&" || t == "/\\"; }
bool is_disjunction(const std::string& t) { return t == "or" || t == "||" || t == "\\/"; }

/// A token as the n-gram features see it: variables and large constants lose their names, so
/// patterns such as "( <= V V )" carry over between tasks with different variable names.
std::string abstract(const Token& t, const TaskProfile* task) {
  switch (t.kind) {
    case TokenKind::Identifier:
      if (is_keyword(t.text)) return t.text;
      if (task == nullptr) return "V";
      return task->variables.count(t.text) ? "V" : "U";
    case TokenKind::Numeral:
      if (t.text == "0" || t.text == "1") return t.text;
      if (task == nullptr) return "N";
      return task->constants.count(t.text) ? "NT" : "N";
    default:
      return t.text;
  }
}

/// Features both towers share: tokens, abstract n-grams, operators, constants and structure.
void add_text_features(Hasher& h, const std::vector<Token>& tokens, const TaskProfile* task) {
  std::vector<std::string> abstracted;
  abstracted.reserve(tokens.size());
  int depth = 0, max_depth = 0;
  std::size_t conjuncts = 0, disjuncts = 0, atoms = 0, operators = 0;
  for (const auto& t : tokens) {
    abstracted.push_back(abstract(t, task));
    h.add("tok:" + t.text);
    if (t.kind == TokenKind::Operator) {
      h.add("op:" + t.text);
      ++operators;
    }
    if (t.kind == TokenKind::Numeral) h.add("const:" + t.text);
    if (t.text == "(" || t.text == "[" || t.text == "{") max_depth = std::max(max_depth, ++depth);
    if (t.text == ")" || t.text == "]" || t.text == "}") depth = std::max(0, depth - 1);
    if (is_conjunction(t.text)) ++conjuncts;
    if (is_disjunction(t.text)) ++disjuncts;
    if (is_comparison(t.text)) ++atoms;
  }
  for (std::size_t i = 0; i + 1 < abstracted.size(); ++i) {
    h.add("bi:" + abstracted[i] + " " + abstracted[i + 1], 0.7f);
    if (i + 2 < abstracted.size())
      h.add("tri:" + abstracted[i] + " " + abstracted[i + 1] + " " + abstracted[i + 2], 0.5f);
  }
  h.add("len=" + std::to_string(bucket(tokens.size())), 2.0f);
  h.add("depth=" + std::to_string(bucket(static_cast<std::size_t>(max_depth))), 2.0f);
  h.add("conj=" + std::to_string(bucket(conjuncts)), 2.0f);
  h.add("disj=" + std::to_string(bucket(disjuncts)), 2.0f);
  h.add("atoms=" + std::to_string(bucket(atoms)), 2.0f);
  h.add("ops=" + std::to_string(bucket(operators)), 1.0f);
  // A constant input on every vector lets the projections learn a task-independent direction.
  h.add("bias", 2.0f);
}

/// `part / whole` in tenths, as a categorical feature value; "none" when `whole` is 0.
std::string tenths(std::size_t part, std::size_t whole) {
  if (whole == 0) return "none";
  return std::to_string((part * 10 + whole / 2) / whole);
}

template <typename Set>
std::size_t count_in(const Set& items, const std::set<std::string>& in) {
  std::size_t n = 0;
  for (const auto& item : items) n += in.count(item);
  return n;
}

}  // namespace

std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> out;
  std::size_t i = 0;
  bool line_start = true;  // only blanks since the last newline
  while (i < s.size()) {
    char c = s[i];
    if (c == '\n') line_start = true;
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
      continue;
    }
    if ((c == ';' && line_start) || s.substr(i, 2) == "//") {
      while (i < s.size() && s[i] != '\n') ++i;
      continue;
    }
    line_start = false;
    if (s.substr(i, 2) == "/*") {
      auto end = s.find("*/", i + 2);
      i = end == std::string_view::npos ? s.size() : end + 2;
      continue;
    }
    std::size_t start = i;
    if (is_ident_start(c)) {
      // SMT-LIB symbols carry '-', '!' and '.' (define-fun, x!); Dafny names carry '\'' and '?'.
      // A '-', '!' or '.' only continues a name when a letter (or, for '!', not '=') follows,
      // so "x-1" and "x!=y" still split.
      ++i;
      while (i < s.size()) {
        char d = s[i];
        char next = i + 1 < s.size() ? s[i + 1] : '\0';
        if (is_alnum(d) || d == '_' || d == '\'' || d == '?')
          ++i;
        else if ((d == '-' || d == '.') && is_ident_start(next))
          ++i;
        else if (d == '!' && next != '=')
          ++i;
        else
          break;
      }
      out.push_back({TokenKind::Identifier, std::string(s.substr(start, i - start))});
    } else if (is_digit(c)) {
      while (i < s.size() && is_digit(s[i])) ++i;
      if (i + 1 < s.size() && s[i] == '.' && is_digit(s[i + 1])) {
        ++i;
        while (i < s.size() && is_digit(s[i])) ++i;
      }
      out.push_back({TokenKind::Numeral, std::string(s.substr(start, i - start))});
    } else if (std::string_view("()[]{}").find(c) != std::string_view::npos) {
      out.push_back({TokenKind::Bracket, std::string(1, c)});
      ++i;
    } else {
      std::size_t length = 1;
      for (auto op : kMultiCharOperators)
        if (s.substr(i, op.size()) == op) {
          length = op.size();
          break;
        }
      out.push_back({TokenKind::Operator, std::string(s.substr(i, length))});
      i += length;
    }
  }
  return out;
}

TaskProfile profile_task(std::string_view task_text) {
  TaskProfile p;
  auto tokens = tokenize(task_text);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const auto& t = tokens[i];
    if (t.kind == TokenKind::Identifier && !is_keyword(t.text)) p.variables.insert(t.text);
    if (t.kind == TokenKind::Numeral) p.constants.insert(t.text);
    if (t.kind == TokenKind::Operator || is_conjunction(t.text) || is_disjunction(t.text) ||
        t.text == "distinct")
      p.operators.insert(t.text);
    if (i + 1 < tokens.size()) p.bigrams.insert(t.text + " " + tokens[i + 1].text);
  }
  return p;
}

SparseVector task_features(std::string_view task_text, std::uint32_t dims) {
  Hasher h(dims);
  auto tokens = tokenize(task_text);
  add_text_features(h, tokens, nullptr);
  auto profile = profile_task(task_text);
  h.add("vars=" + std::to_string(bucket(profile.variables.size())), 2.0f);
  h.add("consts=" + std::to_string(bucket(profile.constants.size())), 2.0f);
  return h.finish();
}

SparseVector candidate_features(const TaskProfile& task, std::string_view candidate_text,
                                std::uint32_t dims) {
  Hasher h(dims);
  auto tokens = tokenize(candidate_text);
  add_text_features(h, tokens, &task);

  std::set<std::string> vars, consts, ops, bigrams;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const auto& t = tokens[i];
    if (t.kind == TokenKind::Identifier && !is_keyword(t.text)) vars.insert(t.text);
    if (t.kind == TokenKind::Numeral) consts.insert(t.text);
    if (t.kind == TokenKind::Operator || is_conjunction(t.text) || is_disjunction(t.text))
      ops.insert(t.text);
    if (i + 1 < tokens.size()) bigrams.insert(t.text + " " + tokens[i + 1].text);
  }
  const std::size_t shared_vars = count_in(vars, task.variables);
  const std::size_t shared_consts = count_in(consts, task.constants);
  const std::size_t shared_ops = count_in(ops, task.operators);
  const std::size_t shared_bigrams = count_in(bigrams, task.bigrams);
  // Cross features, in names that hold for any task: the projection learns what "uses most of
  // the task's variables" or "invents a constant" is worth, not what "x" is worth.
  h.add("x:task_vars_used=" + tenths(shared_vars, task.variables.size()), 2.0f);
  h.add("x:shared_vars=" + std::to_string(bucket(shared_vars)), 2.0f);
  h.add("x:foreign_vars=" + std::to_string(bucket(vars.size() - shared_vars)), 2.0f);
  h.add("x:consts_in_task=" + tenths(shared_consts, consts.size()), 2.0f);
  h.add("x:foreign_consts=" + std::to_string(bucket(consts.size() - shared_consts)), 2.0f);
  h.add("x:ops_in_task=" + tenths(shared_ops, ops.size()), 2.0f);
  h.add("x:bigrams_in_task=" + tenths(shared_bigrams, bigrams.size()), 2.0f);
  for (const auto& op : ops) h.add("x:op:" + op + (task.operators.count(op) ? ":in" : ":out"));
  for (const auto& c : consts)
    h.add(std::string("x:const:") + (task.constants.count(c) ? "in" : "out"));
  for (const auto& v : task.variables)
    if (vars.count(v)) h.add("x:var:" + v);  // names that recur across tasks (i, n, len)
  return h.finish();
}

}  // namespace verigen::rank
