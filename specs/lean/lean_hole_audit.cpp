#include "specs/lean/lean_hole_audit.h"

#include <optional>
#include <set>

#include "specs/lean/lean_lexer.h"

namespace verigen::lean {
namespace {

/// Keywords that begin (or modify) a command in Lean 4 core, Batteries, Mathlib, Aesop and
/// Plausible, or that turn a term or tactic into one run under changed rules (`set_option … in`,
/// `open … in`, `attribute … in`, `include … in`). None of them has a place inside a term, a
/// proof or a definition body, and as keywords none can be a user's identifier there.
const std::set<std::string, std::less<>> kCommandKeywords = {"abbrev",
                                                             "add_aesop_rules",
                                                             "add_decl_doc",
                                                             "alias",
                                                             "assert_not_exists",
                                                             "assert_not_imported",
                                                             "attribute",
                                                             "axiom",
                                                             "binder_predicate",
                                                             "builtin_dsimproc",
                                                             "builtin_initialize",
                                                             "builtin_simproc",
                                                             "class",
                                                             "coinductive",
                                                             "compile_def",
                                                             "compile_inductive",
                                                             "declare_aesop_rule_sets",
                                                             "declare_config_elab",
                                                             "declare_simp_like_tactic",
                                                             "declare_syntax_cat",
                                                             "def",
                                                             "deriving",
                                                             "dsimproc",
                                                             "elab",
                                                             "elab_rules",
                                                             "end",
                                                             "erase_aesop_rules",
                                                             "example",
                                                             "export",
                                                             "expose",
                                                             "grind_pattern",
                                                             "import",
                                                             "include",
                                                             "inductive",
                                                             "infix",
                                                             "infixl",
                                                             "infixr",
                                                             "initialize",
                                                             "initialize_simps_projections",
                                                             "instance",
                                                             "irreducible_def",
                                                             "lemma",
                                                             "library_note",
                                                             "local",
                                                             "macro",
                                                             "macro_rules",
                                                             "meta",
                                                             "module",
                                                             "mutual",
                                                             "namespace",
                                                             "noncomputable",
                                                             "nonrec",
                                                             "notation",
                                                             "omit",
                                                             "opaque",
                                                             "open",
                                                             "partial",
                                                             "postfix",
                                                             "prefix",
                                                             "prelude",
                                                             "private",
                                                             "proof_wanted",
                                                             "protected",
                                                             "public",
                                                             "recommended_spelling",
                                                             "register_label_attr",
                                                             "register_option",
                                                             "register_simp_attr",
                                                             "register_tactic_tag",
                                                             "run_cmd",
                                                             "run_elab",
                                                             "run_meta",
                                                             "scoped",
                                                             "seal",
                                                             "section",
                                                             "set_option",
                                                             "simproc",
                                                             "simproc_decl",
                                                             "structure",
                                                             "suppress_compilation",
                                                             "syntax",
                                                             "tactic_extension",
                                                             "theorem",
                                                             "unif_hint",
                                                             "universe",
                                                             "unsafe",
                                                             "unseal",
                                                             "variable"};

/// Names that prove anything, trust the compiler or run code at elaboration time. Matched
/// against every part of a dotted name, so `Lean.ofReduceBool`, `_root_.sorryAx` and
/// `Classical.sorry` are caught alike.
const std::set<std::string, std::less<>> kHatchNames = {
    "sorry", "admit", "stop", "sorryAx", "native_decide", "native", "ofReduceBool", "ofReduceNat",
    "reduceBool", "reduceNat", "trustCompiler", "implemented_by", "extern", "csimp", "lcProof",
    "lcUnreachable", "unsafeCast", "unsafeIO", "unsafeEIO", "unsafeBaseIO", "skipKernelTC",
    "bv_decide", "by_elab", "run_tac", "decide!",
    // Output written while the tests evaluate the answer lands among Lean's own messages: it
    // could pass for an axioms report.
    "dbg_trace", "dbgTrace", "dbgTraceVal", "dbgTraceIfShared"};

HoleFinding finding(std::size_t at, std::string rule, std::string message) {
  return {at, std::move(rule), std::move(message)};
}

std::vector<std::string> parts_of(const std::string& name) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    auto dot = name.find('.', start);
    parts.push_back(name.substr(start, dot == std::string::npos ? dot : dot - start));
    if (dot == std::string::npos) return parts;
    start = dot + 1;
  }
}

/// Matching brackets: an answer that closes more than it opens, or leaves one open, is not one
/// piece of syntax.
std::optional<HoleFinding> unbalanced(const std::vector<LeanToken>& tokens) {
  static const std::vector<std::pair<std::string, std::string>> kPairs = {
      {"(", ")"},           {"[", "]"},  {"{", "}"}, {"\u27E8", "\u27E9"},
      {"\u2983", "\u2984"}, {"@[", "]"}, {"#[", "]"}};
  std::vector<std::pair<std::string, std::size_t>> open;
  for (const auto& t : tokens) {
    if (t.kind != LeanToken::Kind::Symbol) continue;
    for (const auto& [o, c] : kPairs) {
      if (t.text == o) {
        open.emplace_back(c, t.begin);
        break;
      }
      if (t.text == c) {
        if (open.empty() || open.back().first != c)
          return finding(t.begin, "integrity.hole-category",
                         "`" + c + "` closes a bracket the answer did not open");
        open.pop_back();
        break;
      }
    }
  }
  if (!open.empty())
    return finding(open.back().second, "integrity.hole-category",
                   "a bracket the answer opens is never closed");
  return std::nullopt;
}

/// The `{…}` parts of a plain string literal. Lean reads some plain strings as interpolated
/// ones (`throwError "…"`, `dbg_trace "…"` take an interpolated string without `!`), so what
/// would be code there is read as code too; escapes (`\{`, `\u{7B}`) are not braces.
std::vector<std::pair<std::size_t, std::string>> brace_parts(std::string_view literal) {
  std::vector<std::pair<std::size_t, std::string>> parts;
  int depth = 0;
  std::size_t open = 0;
  for (std::size_t i = 0; i < literal.size(); ++i) {
    if (literal[i] == '\\') {
      ++i;
    } else if (literal[i] == '{') {
      if (depth++ == 0) open = i + 1;
    } else if (literal[i] == '}' && depth > 0 && --depth == 0) {
      parts.emplace_back(open, std::string(literal.substr(open, i - open)));
    }
  }
  return parts;
}

}  // namespace

LeanHole hole_category(std::string_view hole_name) {
  if (hole_name == "generated_spec_body") return LeanHole::Term;
  if (hole_name == "implementation") return LeanHole::DefinitionBody;
  return LeanHole::Proof;
}

std::vector<HoleFinding> audit_lean_hole(std::string_view answer, LeanHole category,
                                         const std::vector<std::string>& forbidden_names) {
  std::vector<HoleFinding> out;
  auto lex = lex_lean(answer);
  if (lex.error) {
    out.push_back(finding(lex.error->first, "integrity.unparsable",
                          "the answer cannot be audited: " + lex.error->second));
    return out;
  }
  bool code = false;
  for (std::size_t i = 0; i < lex.tokens.size(); ++i) {
    const LeanToken& t = lex.tokens[i];
    using K = LeanToken::Kind;
    if (t.kind == K::Comment) {
      // A doc comment documents a declaration or the module: both are commands.
      if (t.text != "--" && t.text != "/-")
        out.push_back(finding(t.begin, "integrity.command-in-hole",
                              "a doc comment (`" + t.text + "`) belongs to a command"));
      continue;
    }
    code = true;
    if (t.kind == K::Symbol) {
      if (t.text == "#")
        out.push_back(finding(t.begin, "integrity.command-in-hole",
                              "`#` starts a command (`#exit`, `#eval`, `#guard_msgs` ...)"));
      else if (t.text == "@[")
        out.push_back(finding(t.begin, "integrity.command-in-hole",
                              "an attribute (`@[...]`) belongs to a command"));
      continue;
    }
    if (t.kind == K::String && t.text.front() == '"') {
      for (const auto& [at, code] : brace_parts(t.text))
        for (const auto& inner : lex_lean(code).tokens) {
          if (inner.kind != K::Identifier) continue;
          bool hatch = kCommandKeywords.count(inner.text) > 0;
          for (const auto& p : parts_of(inner.text)) hatch |= kHatchNames.count(p) > 0;
          if (hatch)
            out.push_back(finding(t.begin + at + inner.begin, "integrity.escape-hatch",
                                  "`" + inner.text +
                                      "` inside a string's braces, which Lean may "
                                      "read as code"));
        }
    }
    if (t.kind != K::Identifier) continue;
    if (!t.quoted && kCommandKeywords.count(t.text))
      out.push_back(finding(t.begin, "integrity.command-in-hole",
                            "`" + t.text + "` is a command, not part of a " +
                                (category == LeanHole::Proof  ? "proof"
                                 : category == LeanHole::Term ? "term"
                                                              : "definition body")));
    const auto parts = parts_of(t.text);
    for (const auto& p : parts)
      if (kHatchNames.count(p)) {
        out.push_back(finding(t.begin, "integrity.escape-hatch", "escape hatch: `" + p + "`"));
        break;
      }
    // Lean's own namespace is its elaborator and compiler: code there runs at check time or
    // changes what the kernel trusts; a CLEVER answer needs none of it.
    if (parts.front() == "Lean" ||
        (parts.front() == "_root_" && parts.size() > 1 && parts[1] == "Lean"))
      out.push_back(finding(t.begin, "integrity.escape-hatch",
                            "`" + t.text + "`: Lean's meta-level namespace"));
    for (const auto& name : forbidden_names)
      if (parts.back() == name)
        out.push_back(finding(t.begin, "integrity.forbidden-reference",
                              "the answer may not refer to `" + name + "`"));
  }
  if (!code) out.push_back(finding(0, "integrity.hole-category", "the answer is empty"));
  if (auto u = unbalanced(lex.tokens)) out.push_back(*u);
  return out;
}

}  // namespace verigen::lean
