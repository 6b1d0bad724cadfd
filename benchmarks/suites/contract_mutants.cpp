#include "benchmarks/suites/contract_mutants.h"

#include <algorithm>
#include <set>

#include "specs/dafny/structure.h"

namespace verigen::bench {
namespace {

using dafny::Clause;
using dafny::Structure;

bool blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

/// `text` without bytes [begin, end); the whole line goes when nothing else was on it.
std::string erase(const std::string& text, std::size_t begin, std::size_t end) {
  std::size_t b = begin, e = end;
  while (b > 0 && blank(text[b - 1])) --b;
  while (e < text.size() && blank(text[e])) ++e;
  if ((b == 0 || text[b - 1] == '\n') && (e == text.size() || text[e] == '\n'))
    return text.substr(0, b) + text.substr(std::min(text.size(), e + 1));
  return text.substr(0, begin) + text.substr(end);
}

std::pair<std::size_t, std::size_t> bytes_of(const Structure& s, const Clause& c) {
  const auto& t = s.lexed.tokens;
  return {t[c.tokens.first].begin, t[c.tokens.last - 1].end};
}

/// A clause whose comparisons all count positively: no implication, quantifier, negation or
/// conditional that could turn "looser" into "tighter".
bool positive(const Structure& s, const Clause& c) {
  static const std::set<std::string_view> kFlips = {"==>", "<==",   "<==>", "forall", "exists", "!",
                                                    "if",  "match", "!in",  "in",     "::"};
  for (std::size_t i = c.tokens.first; i < c.tokens.last; ++i)
    if (kFlips.count(s.lexed.tokens[i].text)) return false;
  return true;
}

/// Changes the first suitable bound of `c` by one: `loosen` widens it (an `ensures` says less),
/// otherwise narrows it (a `requires` demands more). "" when no bound qualifies.
std::string change_bound(const std::string& text, const Structure& s, const Clause& c,
                         bool loosen) {
  if (!positive(s, c)) return {};
  const auto& t = s.lexed.tokens;
  static const std::set<std::string_view> kBinding = {"(",  "[", ".",  "*", "/",  "%",
                                                      "<=", "<", ">=", ">", "==", "!="};
  static const std::set<std::string_view> kNotNumbers = {"true", "false", "null", "this"};
  for (std::size_t i = c.tokens.first + 1; i + 1 < c.tokens.last; ++i) {
    std::string_view op = t[i].text;
    if (op != "<=" && op != "<" && op != ">=" && op != ">") continue;
    const auto& operand = t[i + 1];
    if (operand.kind != dafny::TokenKind::Identifier && operand.kind != dafny::TokenKind::Number)
      continue;
    if (kNotNumbers.count(operand.text)) continue;
    // A call, an index, a field, a product or the middle of a chain (`a <= b < c`): changing
    // the operand alone would not move the bound by exactly one. The last operand of a chain
    // is a bound of its own.
    if (i + 2 < c.tokens.last && kBinding.count(t[i + 2].text)) continue;
    if (i >= 1 && (t[i - 1].text == "*" || t[i - 1].text == "/" || t[i - 1].text == "%")) continue;
    const bool upper = op == "<=" || op == "<";
    const char* delta = upper == loosen ? " + 1)" : " - 1)";
    return text.substr(0, operand.begin) + "(" + std::string(operand.text) + delta +
           text.substr(operand.end);
  }
  return {};
}

}  // namespace

std::vector<ContractMutant> contract_mutants(const std::string& program) {
  std::vector<ContractMutant> out;
  Structure s = dafny::parse_structure(program);
  if (s.error) return out;
  std::optional<ContractMutant> deleted, loosened, tightened;
  for (const auto& d : s.declarations) {
    const Clause* last_ensures = nullptr;
    for (const auto& c : d.contracts) {
      if (c.keyword == "ensures") {
        last_ensures = &c;
        if (!loosened)
          if (auto text = change_bound(program, s, c, true); !text.empty())
            loosened = ContractMutant{"bound-loosened", d.qualified_name, text};
      }
      if (c.keyword == "requires" && !tightened)
        if (auto text = change_bound(program, s, c, false); !text.empty())
          tightened = ContractMutant{"requires-strengthened", d.qualified_name, text};
    }
    if (last_ensures && !deleted) {
      auto [b, e] = bytes_of(s, *last_ensures);
      deleted = ContractMutant{"ensures-deleted", d.qualified_name, erase(program, b, e)};
    }
  }
  for (auto* m : {&deleted, &loosened, &tightened})
    if (*m) out.push_back(std::move(**m));
  return out;
}

std::optional<std::string> without_uncalled_ensures(const std::string& program) {
  Structure s = dafny::parse_structure(program);
  if (s.error) return std::nullopt;
  std::vector<std::pair<std::size_t, std::size_t>> cut;
  for (const auto& d : s.declarations) {
    bool called = false;
    for (const auto& other : s.declarations) {
      if (&other == &d) continue;
      for (const auto& tok : s.lexed.tokens)
        called |= tok.begin >= other.begin && tok.end <= other.end && tok.text == d.name;
    }
    if (called) continue;
    for (const auto& c : d.contracts)
      if (c.keyword == "ensures") cut.push_back(bytes_of(s, c));
  }
  if (cut.empty()) return std::nullopt;
  std::sort(cut.rbegin(), cut.rend());  // from the back, so earlier offsets stay valid
  std::string text = program;
  for (const auto& [b, e] : cut) text = erase(text, b, e);
  return text;
}

}  // namespace verigen::bench
