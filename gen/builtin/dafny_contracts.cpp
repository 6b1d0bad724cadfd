#include "gen/builtin/dafny_contracts.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "gen/builtin/dafny_loops.h"
#include "gen/builtin/invariant_templates.h"
#include "specs/dafny/structure.h"

namespace verigen {
namespace {

using dafny::Structure;

struct Var {
  std::string name;
  std::string type;
};

std::string tokens_text(const Structure& s, std::size_t first, std::size_t last) {
  std::string out;
  for (std::size_t i = first; i < last; ++i) {
    std::string_view w = s.lexed.tokens[i].text;
    bool tight = out.empty() || w == "<" || w == ">" || w == "," || out.back() == '<';
    out += (tight ? "" : " ") + std::string(w);
  }
  return out;
}

std::size_t close_of(const Structure& s, std::size_t open, std::size_t last) {
  int depth = 0;
  for (std::size_t i = open; i < last; ++i) {
    auto w = s.lexed.tokens[i].text;
    if (w == "(" || w == "[" || w == "<") ++depth;
    if ((w == ")" || w == "]" || w == ">") && --depth == 0) return i + 1;
  }
  return last;
}

/// `name: type` pairs between the parentheses at [open, close).
std::vector<Var> variables(const Structure& s, std::size_t open, std::size_t close) {
  std::vector<Var> out;
  const auto& t = s.lexed.tokens;
  std::size_t start = open + 1;
  int depth = 0;
  for (std::size_t i = open + 1; i < close; ++i) {
    auto w = t[i].text;
    bool end = i + 1 == close || (depth == 0 && w == ",");
    if (w == "(" || w == "[" || w == "<") ++depth;
    if (w == ")" || w == "]" || w == ">") --depth;
    if (!end) continue;
    const std::size_t stop = w == "," ? i : i + 1;
    std::size_t j = start;
    while (j < stop && (t[j].text == "ghost" || t[j].text == "nameonly")) ++j;
    if (j + 2 <= stop && t[j + 1].text == ":")
      out.push_back({std::string(t[j].text), tokens_text(s, j + 2, stop)});
    start = i + 1;
  }
  return out;
}

bool is_int(const std::string& type) { return type == "int" || type == "nat"; }
bool is_array(const std::string& type) { return type.rfind("array<", 0) == 0; }
bool is_seq(const std::string& type) { return type.rfind("seq<", 0) == 0 || type == "string"; }

/// Whether every name `e` uses (not a field after `.`, not a keyword) is in `names`, and one
/// of them is in `needed`.
bool only_names(const std::string& e, const std::set<std::string>& names,
                const std::set<std::string>& needed) {
  static const std::set<std::string> kWords = {"true", "false", "old",  "if",    "then",
                                               "else", "in",    "null", "Length"};
  bool uses_needed = false;
  for (std::size_t i = 0; i < e.size();) {
    const unsigned char c = static_cast<unsigned char>(e[i]);
    if (!(std::isalpha(c) || c == '_')) {
      // A number's digits and letters (`1e3`, `0x1F`) are no name.
      if (std::isdigit(c))
        while (i < e.size() && std::isalnum(static_cast<unsigned char>(e[i]))) ++i;
      else
        ++i;
      continue;
    }
    std::size_t j = i;
    while (j < e.size() && (std::isalnum(static_cast<unsigned char>(e[j])) || e[j] == '_' ||
                            e[j] == '\'' || e[j] == '?'))
      ++j;
    const std::string name = e.substr(i, j - i);
    const bool field = i > 0 && e[i - 1] == '.';
    if (!field && !kWords.count(name)) {
      if (!names.count(name)) return false;
      uses_needed |= needed.count(name) > 0;
    }
    i = j;
  }
  return uses_needed;
}

std::vector<std::string> candidates(const std::vector<Var>& ins, const std::vector<Var>& outs,
                                    bool method) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  auto add = [&](const std::string& clause) {
    if (seen.insert(clause).second) out.push_back(clause);
  };
  for (const auto& p : ins) {
    if (p.type == "int") {
      add("requires " + p.name + " >= 0");
      add("requires " + p.name + " > 0");
    }
    if (is_array(p.type)) add("requires " + p.name + ".Length > 0");
    if (is_seq(p.type)) add("requires |" + p.name + "| > 0");
  }
  for (const auto& r : outs) {
    if (is_int(r.type)) {
      add("ensures " + r.name + " >= 0");
      add("ensures " + r.name + " > 0");
      for (const auto& p : ins) {
        if (is_int(p.type)) {
          add("ensures " + r.name + " <= " + p.name);
          add("ensures " + r.name + " >= " + p.name);
          add("ensures " + r.name + " == " + p.name);
        }
        if (is_array(p.type)) {
          add("ensures " + r.name + " <= " + p.name + ".Length");
          add("ensures " + r.name + " >= -1");
          add("ensures " + r.name + " < " + p.name + ".Length");
        }
        if (is_seq(p.type)) {
          add("ensures " + r.name + " <= |" + p.name + "|");
          add("ensures " + r.name + " < |" + p.name + "|");
        }
      }
    }
    if (is_array(r.type)) {
      if (method) add("ensures fresh(" + r.name + ")");
      for (const auto& p : ins) {
        if (is_int(p.type)) add("ensures " + r.name + ".Length == " + p.name);
        if (is_array(p.type)) add("ensures " + r.name + ".Length == " + p.name + ".Length");
      }
    }
    if (is_seq(r.type))
      for (const auto& p : ins) {
        if (is_int(p.type)) add("ensures |" + r.name + "| == " + p.name);
        if (is_seq(p.type)) add("ensures |" + r.name + "| == |" + p.name + "|");
        if (is_array(p.type)) add("ensures |" + r.name + "| == " + p.name + ".Length");
      }
  }
  return out;
}

/// Ensures a method's loops suggest: where a loop leaves, its guard is false and its
/// invariants hold, so those that speak only of parameters and results (and of some result) may
/// hold when the method returns (an integer square root's `(r + 1) * (r + 1) > x` and
/// `r * r <= x`). Houdini keeps the ones the body proves.
void add_loop_exit_ensures(const std::vector<LoopSite>& loops, std::size_t declaration,
                           const std::vector<Var>& ins, const std::vector<Var>& outs,
                           std::vector<std::string>& out) {
  std::set<std::string> names, results;
  for (const auto& v : ins) names.insert(v.name);
  for (const auto& v : outs) {
    names.insert(v.name);
    results.insert(v.name);
  }
  std::set<std::string> seen(out.begin(), out.end());
  auto add = [&](const std::string& e) {
    const std::string clause = "ensures " + e;
    if (only_names(e, names, results) && seen.insert(clause).second) out.push_back(clause);
  };
  for (const auto& loop : loops) {
    if (loop.method != declaration) continue;
    if (!loop.guard.empty()) add("!(" + loop.guard + ")");
    for (const auto& t : enumerate_templates(loop)) add(t.text);
  }
}

/// A callee's result that a caller hands on: `x := G(...)` (or `var x := G(...)`) and later
/// `H(..., x, ...)` in the same body, with `x` as H's parameter `parameter`.
struct HandedOn {
  std::string producer;  ///< G
  std::size_t output = 0;
  std::string consumer;  ///< H
  std::size_t parameter = 0;
};

std::vector<HandedOn> handed_on_results(const Structure& s) {
  std::vector<HandedOn> out;
  const auto& t = s.lexed.tokens;
  std::set<std::string> callables;
  for (const auto& d : s.declarations) callables.insert(d.name);
  for (const auto& d : s.declarations) {
    if (!d.body) continue;
    std::map<std::string, std::pair<std::string, std::size_t>> produced;  // x → (G, output)
    for (std::size_t i = d.body->first; i < d.body->last; ++i) {
      if (t[i].kind != dafny::TokenKind::Identifier || !callables.count(std::string(t[i].text)) ||
          i + 1 >= d.body->last || t[i + 1].text != "(")
        continue;
      const std::string callee(t[i].text);
      // The arguments: single names at the call's top level.
      std::size_t arg = 0, start = i + 2;
      int depth = 0;
      std::size_t close = i + 1;
      for (std::size_t j = i + 1; j < d.body->last; ++j) {
        auto w = t[j].text;
        if (w == "(" || w == "[" || w == "{") ++depth;
        if (w == ")" || w == "]" || w == "}") --depth;
        const bool end = depth == 0 || (depth == 1 && w == ",");
        if (end && j > start) {
          if (j == start + 1) {
            auto it = produced.find(std::string(t[start].text));
            if (it != produced.end())
              out.push_back({it->second.first, it->second.second, callee, arg});
          }
          ++arg;
          start = j + 1;
        }
        if (depth == 0) {
          close = j;
          break;
        }
      }
      // What this call produces: the names before `:=` on its statement.
      if (i >= 1 && t[i - 1].text == ":=") {
        std::size_t first = i - 1;
        while (first > d.body->first && t[first - 1].text != ";" && t[first - 1].text != "{" &&
               t[first - 1].text != "}")
          --first;
        std::size_t output = 0;
        for (std::size_t j = first; j + 1 < i; ++j) {
          if (t[j].text == "var" || t[j].text == ",") continue;
          if (t[j].text == ":") {  // a declared type: skip to the next name
            while (j + 1 < i - 1 && t[j + 1].text != ",") ++j;
            continue;
          }
          if (t[j].kind == dafny::TokenKind::Identifier)
            produced[std::string(t[j].text)] = {callee, output++};
        }
      }
      i = close;
    }
  }
  return out;
}

}  // namespace

std::vector<ContractSite> dafny_contract_sites(const std::string& text) {
  std::vector<ContractSite> sites;
  Structure s = dafny::parse_structure(text);
  if (s.error) return sites;
  const auto& t = s.lexed.tokens;
  const auto loops = dafny_loop_sites(text);
  struct Planned {
    ContractSite site;
    std::vector<Var> ins, outs;
  };
  std::map<std::string, Planned> planned;  // by declaration name
  std::vector<std::string> order;
  for (std::size_t index = 0; index < s.declarations.size(); ++index) {
    const auto& d = s.declarations[index];
    if (!d.body || (d.kind != dafny::DeclKind::Method && d.kind != dafny::DeclKind::Function))
      continue;
    if (std::any_of(d.contracts.begin(), d.contracts.end(), [](const auto& c) {
          return c.keyword == "requires" || c.keyword == "ensures";
        }))
      continue;
    // The signature: name, optional type parameters, ins, then `returns (...)` or `: T`.
    std::size_t i = d.signature.first + 1;
    while (i < d.signature.last && t[i].text != "(" && t[i].text != "<") ++i;
    if (i < d.signature.last && t[i].text == "<") i = close_of(s, i, d.signature.last);
    if (i >= d.signature.last || t[i].text != "(") continue;
    std::size_t close = close_of(s, i, d.signature.last);
    std::vector<Var> ins = variables(s, i, close - 1), outs;
    i = close;
    if (i + 1 < d.signature.last && t[i].text == "returns" && t[i + 1].text == "(") {
      outs = variables(s, i + 1, close_of(s, i + 1, d.signature.last) - 1);
    } else if (i + 1 < d.signature.last && t[i].text == ":") {
      if (t[i + 1].text == "(") {
        outs = variables(s, i + 1, close_of(s, i + 1, d.signature.last) - 1);
      } else {
        std::string call = d.name + "(";
        for (std::size_t k = 0; k < ins.size(); ++k) call += (k ? ", " : "") + ins[k].name;
        outs.push_back({call + ")", tokens_text(s, i + 1, d.signature.last)});
      }
    }
    ContractSite c;
    c.declaration = d.name;
    const bool method = d.kind == dafny::DeclKind::Method;
    c.candidates = candidates(ins, outs, method);
    if (method) add_loop_exit_ensures(loops, index, ins, outs, c.candidates);
    bool recursive = false;
    for (std::size_t k = d.body->first; k + 1 < d.body->last && !recursive; ++k)
      recursive = t[k].text == d.name && t[k + 1].text == "(";
    if (recursive)
      for (const auto& p : ins) {
        if (is_int(p.type)) c.measures.push_back(p.name);
        if (is_seq(p.type)) c.measures.push_back("|" + p.name + "|");
      }
    c.site.keyword = "";
    const std::size_t brace = t[d.body->first].begin;
    std::size_t line_start = text.rfind('\n', brace == 0 ? 0 : brace - 1);
    line_start = line_start == std::string::npos ? 0 : line_start + 1;
    auto decl_line = text.rfind('\n', d.begin);
    decl_line = decl_line == std::string::npos ? 0 : decl_line + 1;
    c.site.indent =
        text.substr(decl_line, text.find_first_not_of(" \t", decl_line) - decl_line) + "    ";
    bool brace_alone = text.find_first_not_of(" \t", line_start) == brace;
    c.site.insert_at = brace_alone ? line_start : brace;
    c.site.break_line = !brace_alone;
    if (planned.count(d.name)) continue;  // overloads in other scopes: the first only
    order.push_back(d.name);
    planned[d.name] = {std::move(c), std::move(ins), std::move(outs)};
  }
  // Callers' needs pushed into callees: what a consumer may require of the parameter a
  // producer's result is handed to, the producer may ensure of that result.
  for (const auto& use : handed_on_results(s)) {
    auto producer = planned.find(use.producer), consumer = planned.find(use.consumer);
    if (producer == planned.end() || consumer == planned.end() ||
        use.output >= producer->second.outs.size() || use.parameter >= consumer->second.ins.size())
      continue;
    const std::string& parameter = consumer->second.ins[use.parameter].name;
    const std::string& result = producer->second.outs[use.output].name;
    std::set<std::string> only{parameter};
    auto& list = producer->second.site.candidates;
    for (const auto& clause : std::vector<std::string>(consumer->second.site.candidates)) {
      if (clause.rfind("requires ", 0) != 0) continue;
      const std::string e = clause.substr(9);
      if (!only_names(e, only, only)) continue;
      const std::string ensures = "ensures " + substitute(e, parameter, result);
      if (std::find(list.begin(), list.end(), ensures) == list.end()) list.push_back(ensures);
    }
  }
  for (const auto& name : order)
    if (!planned[name].site.candidates.empty()) sites.push_back(std::move(planned[name].site));
  return sites;
}

}  // namespace verigen
