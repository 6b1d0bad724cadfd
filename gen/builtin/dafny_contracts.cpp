#include "gen/builtin/dafny_contracts.h"

#include <algorithm>
#include <set>

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

}  // namespace

std::vector<ContractSite> dafny_contract_sites(const std::string& text) {
  std::vector<ContractSite> sites;
  Structure s = dafny::parse_structure(text);
  if (s.error) return sites;
  const auto& t = s.lexed.tokens;
  for (const auto& d : s.declarations) {
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
    c.candidates = candidates(ins, outs, d.kind == dafny::DeclKind::Method);
    if (c.candidates.empty()) continue;
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
    sites.push_back(std::move(c));
  }
  return sites;
}

}  // namespace verigen
