#include "specs/dafny/assumption_scan.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "specs/dafny/structure.h"
#include "specs/source_span.h"

namespace verigen::dafny {
namespace {

namespace kind = assumption_kind;

// Attributes that only steer the prover: they cannot make a false claim pass.
const std::set<std::string_view> kProofSteering = {
    "induction", "trigger", "no_trigger", "autotriggers", "fuel", "vcs_split_on_every_assert",
    "vcs_max_splits", "vcs_max_cost", "vcs_max_keep_going_splits", "timeLimit",
    "timeLimitMultiplier", "rlimit", "resource_limit", "isolate_assertions", "split_here", "focus",
    "subsumption", "matchinglooprewrite", "disable_nonlinear_arithmetic",
    "disableNonlinearArithmetic", "autoRevealDependencies", "nowarn",
    // the @-forms of Dafny 4.10+
    "Induction", "Fuel", "IsolateAssertions", "TimeLimit", "TimeLimitMultiplier", "ResourceLimit",
    "VcsMaxCost", "VcsMaxKeepGoingSplits", "VcsMaxSplits", "DisableNonlinearArithmetic",
    "AutoRevealDependencies", "AutoRevealDependenciesAll"};

// Attributes that change what a program means or how it compiles, but take nothing on trust.
const std::set<std::string_view> kMeaningful = {
    "opaque",       "transparent",    "nativeType",     "autocontracts", "autoReq",
    "print",        "test",           "main",           "tailrecursion", "compile",
    "error",        "abstemious",     "warnShadowing",  "extern",        "verify",
    "concurrent",   "heapQuantifier", "auto_generated", "priority",      "Opaque",
    "Transparent",  "NativeType",     "AutoContracts",  "AutoRequires",  "Print",
    "Test",         "TestEntry",      "TestInline",     "TailRecursion", "Compile",
    "Extern",       "Concurrent",     "Priority",       "NativeUInt8",   "NativeUInt16",
    "NativeUInt32", "NativeUInt64",   "NativeInt8",     "NativeInt16",   "NativeInt32",
    "NativeInt64",  "NativeInt",      "NativeNone",     "Verify"};

bool is_false_argument(const std::string& arguments) {
  return arguments.find("false") != std::string::npos;
}

/// The assumption kind of an attribute `name` with `arguments` (token text), or "" for none.
std::string attribute_kind(std::string_view name, const std::string& arguments) {
  if (name == "axiom" || name == "Axiom") return std::string(kind::kAxiom);
  if (name == "verify" || name == "Verify")
    return is_false_argument(arguments) ? std::string(kind::kVerifyFalse) : "";
  if (name == "only" || name == "VerifyOnly") return std::string(kind::kOnly);
  if (name == "options" || name == "Options") return std::string(kind::kOptions);
  if (name == "termination")
    return is_false_argument(arguments) ? std::string(kind::kTermination) : "";
  if (name == "assume_cross_module_termination" || name == "AssumeCrossModuleTermination")
    return std::string(kind::kTermination);
  if (kProofSteering.count(name) || kMeaningful.count(name)) return "";
  // {:selective_checking} turns asserts into assumptions, {:synthesize} trusts a body-less
  // method; and an attribute verigen does not know may do the same.
  return std::string(kind::kAttribute);
}

class Scanner {
 public:
  Scanner(std::string_view text, const std::string& path)
      : text_(text), path_(path), s_(parse_structure(text)) {}

  std::vector<Assumption> run() {
    const auto& t = s_.lexed.tokens;
    for (std::size_t i = 0; i < t.size(); ++i) {
      auto w = t[i].text;
      if (t[i].kind == TokenKind::Identifier && w == "assume") {
        std::size_t end = statement_end(i);
        add(kind::kAssume, i, token_text(s_, {i, end}),
            "assume statement: the verifier takes '" + token_text(s_, {i, end}) + "' on trust");
        // Its own {:axiom} is part of the same assumption.
        if (i + 1 < t.size() && t[i + 1].text == "{:") i = close_of(i + 1) - 1;
        continue;
      }
      if (w == "{:") {
        std::size_t close = close_of(i);
        std::string name = i + 1 < close && t[i + 1].kind == TokenKind::Identifier
                               ? std::string(t[i + 1].text)
                               : "";
        std::string arguments = i + 2 < close ? token_text(s_, {i + 2, close - 1}) : "";
        attribute(name, arguments, i, close);
        continue;
      }
      if (w == "@" && i + 1 < t.size() && t[i + 1].kind == TokenKind::Identifier &&
          (i == 0 || !is_label_word(t[i - 1].text))) {
        std::size_t end = i + 2;
        std::string arguments;
        if (end < t.size() && t[end].text == "(") {
          std::size_t close = close_of(end);
          arguments = token_text(s_, {end + 1, close > end + 1 ? close - 1 : close});
          end = close;
        }
        attribute(std::string(t[i + 1].text), arguments, i, end);
        continue;
      }
      if (t[i].kind == TokenKind::Identifier && w == "decreases" && i + 1 < t.size() &&
          t[i + 1].text == "*") {
        add(kind::kDecreasesStar, i, "decreases *",
            "decreases *: termination is not proved, so a postcondition after the loop or call "
            "holds only if it ends");
      }
    }
    for (std::size_t loop : s_.bodyless_loops) {
      std::string what(t[loop].text);
      add(kind::kBodylessLoop, loop, what + " without a body",
          what + " statement without a body: the verifier assumes what it would establish");
    }
    for (const auto& d : s_.declarations) bodyless_declaration(d);
    return std::move(found_);
  }

 private:
  static bool is_label_word(std::string_view w) {
    return w == "old" || w == "fresh" || w == "unchanged" || w == "allocated";
  }

  /// Index just past the bracket closing the one at `open` (the end of the tokens if none).
  std::size_t close_of(std::size_t open) const {
    const auto& t = s_.lexed.tokens;
    int depth = 0;
    for (std::size_t i = open; i < t.size(); ++i) {
      auto w = t[i].text;
      if (w == "{" || w == "{:" || w == "(" || w == "[" || w == "#[") ++depth;
      if ((w == "}" || w == ")" || w == "]") && --depth == 0) return i + 1;
    }
    return t.size();
  }

  /// Index just past the `;` ending the statement that contains `i`, or the token that closes
  /// the enclosing bracket.
  std::size_t statement_end(std::size_t i) const {
    const auto& t = s_.lexed.tokens;
    int depth = 0;
    for (; i < t.size(); ++i) {
      auto w = t[i].text;
      if (w == "{" || w == "{:" || w == "(" || w == "[" || w == "#[") ++depth;
      if (w == "}" || w == ")" || w == "]") {
        if (depth == 0) return i;
        --depth;
      }
      if (depth == 0 && w == ";") return i + 1;
    }
    return t.size();
  }

  void attribute(const std::string& name, const std::string& arguments, std::size_t at,
                 std::size_t end) {
    std::string k = attribute_kind(name, arguments);
    if (k.empty()) return;
    std::string text = token_text(s_, {at, end});
    std::string message =
        k == kind::kAttribute
            ? "attribute '" + text + "' is not known to be harmless: it may switch checks off"
            : "attribute '" + text + "' switches checking off or trusts what it marks";
    add(k, at, text, message);
  }

  void bodyless_declaration(const Declaration& d) {
    if (d.body || d.by_method_body) return;
    // An abstract trait member is implemented, and checked, by every class that extends it.
    if (d.container == "trait" && !d.is_static) return;
    bool has_ensures = std::any_of(d.contracts.begin(), d.contracts.end(),
                                   [](const Clause& c) { return c.keyword == "ensures"; });
    if (d.kind != DeclKind::Lemma && !has_ensures) return;  // nothing claimed, nothing assumed
    bool is_extern = false;
    for (const auto& a : d.attributes) is_extern |= a.rfind("{: extern", 0) == 0;
    const auto& t = s_.lexed.tokens;
    for (std::size_t i = d.modifiers.first; i < d.signature.first && i + 1 < t.size(); ++i)
      is_extern |= t[i].text == "@" && t[i + 1].text == "Extern";
    std::string text = std::string(t[d.signature.first].text) + " " + d.name;
    if (is_extern)
      add(kind::kExtern, d.signature.first, text,
          "'" + d.name + "' is {:extern} without a body: its contract is trusted, not proved");
    else
      add(kind::kBodyless, d.signature.first, text,
          "'" + d.name + "' has no body: its contract is assumed, not proved");
  }

  /// The qualified name of the innermost declaration or named item around token `i`.
  std::string enclosing(std::size_t i) const {
    std::size_t offset = s_.lexed.tokens[i].begin;
    const Declaration* best = nullptr;
    for (const auto& d : s_.declarations)
      if (offset >= d.begin && offset < d.end && (!best || d.begin >= best->begin)) best = &d;
    if (best) return best->qualified_name;
    const Item* item = nullptr;
    for (const auto& it : s_.items)
      if (!it.name.empty() && i >= it.tokens.first && i < it.tokens.last &&
          (!item || it.tokens.first >= item->tokens.first))
        item = &it;
    return item ? item->qualified_name : "";
  }

  void add(std::string_view k, std::size_t token, std::string text, std::string message) {
    Assumption a;
    a.kind = std::string(k);
    auto pos = position_of(text_, s_.lexed.tokens[token].begin);
    a.where.file = path_;
    a.where.line = pos.line;
    a.where.column = pos.column;
    a.declaration = enclosing(token);
    a.text = std::move(text);
    a.message = std::move(message);
    a.found_by = "verigen";
    found_.push_back(std::move(a));
  }

  std::string_view text_;
  std::string path_;
  Structure s_;
  std::vector<Assumption> found_;
};

}  // namespace

std::vector<Assumption> scan_dafny_assumptions(std::string_view text,
                                               const std::string& display_path) {
  return Scanner(text, display_path).run();
}

std::string declaration_at(std::string_view text, int line, int column) {
  if (line <= 0) return {};
  std::size_t offset =
      offset_of_line(text, line) + static_cast<std::size_t>(std::max(column, 1) - 1);
  Structure s = parse_structure(text);
  const Declaration* best = nullptr;
  for (const auto& d : s.declarations)
    if (offset >= d.begin && offset < d.end && (!best || d.begin >= best->begin)) best = &d;
  return best ? best->qualified_name : std::string();
}

std::vector<std::pair<std::size_t, std::size_t>> expect_statements(std::string_view text) {
  Lexed lexed = lex(text);
  const auto& t = lexed.tokens;
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i].kind != TokenKind::Identifier || t[i].text != "expect") continue;
    int depth = 0;
    std::size_t j = i + 1;
    for (; j < t.size(); ++j) {
      auto w = t[j].text;
      if (w == "{" || w == "{:" || w == "(" || w == "[" || w == "#[") ++depth;
      if (w == "}" || w == ")" || w == "]") {
        if (depth == 0) break;
        --depth;
      }
      if (depth == 0 && w == ";") break;
    }
    std::size_t end = j < t.size() ? (t[j].text == ";" ? t[j].end : t[j].begin) : text.size();
    out.emplace_back(t[i].begin, end);
    i = j;
  }
  return out;
}

std::string blank_ranges(std::string_view text,
                         const std::vector<std::pair<std::size_t, std::size_t>>& ranges) {
  std::string out(text);
  for (auto [begin, end] : ranges)
    for (std::size_t i = begin; i < end && i < out.size(); ++i)
      if (out[i] != '\n') out[i] = ' ';
  return out;
}

std::vector<IncludeDirective> included_files(std::string_view text) {
  Structure s = parse_structure(text);
  std::vector<IncludeDirective> out;
  for (auto r : s.includes) {
    auto quoted = s.lexed.tokens[r.first + 1].text;
    std::string name(quoted);
    if (!name.empty() && name.front() == '@') name.erase(0, 1);  // verbatim string
    if (name.size() >= 2 && name.front() == '"' && name.back() == '"')
      name = name.substr(1, name.size() - 2);
    out.push_back({name, s.lexed.tokens[r.first].begin});
  }
  return out;
}

bool is_proof_steering_attribute(std::string_view name) { return kProofSteering.count(name) > 0; }

std::string attribute_assumption_kind(std::string_view name, const std::string& arguments) {
  return attribute_kind(name, arguments);
}

}  // namespace verigen::dafny
