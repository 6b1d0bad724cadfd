#include "specs/lean/clever_stage.h"

#include <map>

#include "specs/lean/lean_spec.h"
#include "specs/source_span.h"

namespace verigen::lean {
namespace {

std::string strip(std::string_view s) {
  const char* ws = " \t\r\n";
  auto b = s.find_first_not_of(ws);
  if (b == std::string_view::npos) return {};
  auto e = s.find_last_not_of(ws);
  return std::string(s.substr(b, e - b + 1));
}

std::vector<std::string_view> lines_of(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t pos = 0;
  while (pos <= s.size()) {
    auto nl = s.find('\n', pos);
    if (nl == std::string_view::npos) nl = s.size();
    out.push_back(s.substr(pos, nl - pos));
    pos = nl + 1;
  }
  return out;
}

std::size_t indent_of(std::string_view line) {
  auto i = line.find_first_not_of(' ');
  return i == std::string_view::npos ? line.size() : i;
}

/// A top-level YAML value of problem_details: a quoted or plain scalar on the key's line
/// (plain continuation lines folded with spaces), or a `|` block (its common indentation
/// removed, one final newline kept: YAML's "clip").
std::string yaml_value(std::string_view yaml, std::string_view key) {
  auto lines = lines_of(yaml);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string_view l = lines[i];
    if (l.substr(0, key.size()) != key || l.size() <= key.size() || l[key.size()] != ':') continue;
    std::string value = strip(l.substr(key.size() + 1));
    if (value == "|" || value == "|-" || value == "|+") {
      std::string block;
      std::size_t indent = std::string::npos;
      std::size_t pending_blank = 0;
      for (std::size_t j = i + 1; j < lines.size(); ++j) {
        std::string_view b = lines[j];
        if (strip(b).empty()) {
          ++pending_blank;
          continue;
        }
        if (indent == std::string::npos) indent = indent_of(b);
        if (indent_of(b) < indent || indent == 0) break;
        block.append(pending_blank, '\n');
        pending_blank = 0;
        block += std::string(b.substr(indent)) + "\n";
      }
      if (value == "|-" && !block.empty()) block.pop_back();
      return block;
    }
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\''))
      return value.substr(1, value.size() - 2);
    for (std::size_t j = i + 1; j < lines.size() && indent_of(lines[j]) > 0; ++j)
      if (!strip(lines[j]).empty()) value += " " + strip(lines[j]);
    return value;
  }
  return {};
}

/// One block of CLEVER's layout: `-- <label>` and the block, each its own paragraph.
void append_block(std::string& file, std::string_view label, std::string_view body) {
  file += "\n\n-- ";
  file += label;
  file += "\n\n";
  file += body;
}

bool is_sorry(std::string_view body) { return strip(body) == "sorry" || strip(body) == "by sorry"; }

}  // namespace

std::string_view stage_name(CleverStage stage) {
  switch (stage) {
    case CleverStage::Spec:
      return "spec";
    case CleverStage::Isomorphism:
      return "isomorphism";
    case CleverStage::Implementation:
      return "implementation";
    case CleverStage::Correctness:
      return "correctness";
  }
  return "";
}

std::optional<CleverStage> stage_from_name(std::string_view name) {
  for (auto s : {CleverStage::Spec, CleverStage::Isomorphism, CleverStage::Implementation,
                 CleverStage::Correctness})
    if (stage_name(s) == name) return s;
  return std::nullopt;
}

std::string_view stage_section(CleverStage stage) {
  switch (stage) {
    case CleverStage::Spec:
      return "generated_spec_body";
    case CleverStage::Isomorphism:
      return "spec_isomorphism_proof";
    case CleverStage::Implementation:
      return "implementation";
    case CleverStage::Correctness:
      return "correctness_proof";
  }
  return "";
}

std::string CleverProblem::nl_spec() const {
  return function_signature + "\n\"\"\"" + docstring + "\"\"\"";
}

Result<CleverProblem> read_clever_problem(const std::string& path, const std::string& text) {
  auto sections = clever_sections(path, text);
  if (!sections.ok()) return fail(sections.error());
  std::map<std::string, std::string> found;
  for (const auto& s : *sections)
    found.emplace(s.name, strip(std::string_view(text).substr(s.begin, s.end - s.begin)));
  CleverProblem p;
  p.path = path;
  const std::pair<const char*, std::string*> wanted[] = {
      {"problem_spec", &p.problem_spec},
      {"generated_spec", &p.generated_spec},
      {"generated_spec_body", &p.generated_spec_body},
      {"spec_isomorphism", &p.spec_isomorphism},
      {"spec_isomorphism_proof", &p.spec_isomorphism_proof},
      {"implementation_signature", &p.implementation_signature},
      {"implementation", &p.implementation},
      {"test_cases", &p.test_cases},
      {"correctness_definition", &p.correctness_definition},
      {"correctness_proof", &p.correctness_proof}};
  for (const auto& [name, field] : wanted) {
    auto it = found.find(name);
    if (it == found.end())
      return fail(spec_error(path, text, 0,
                             std::string("CLEVER problem without a '") + name + "' section"));
    *field = it->second;
  }
  // The YAML sits in the problem_details docstring, between `/--` and `-/`.
  std::string details = found.count("problem_details") ? found["problem_details"] : "";
  auto open = details.find("/--");
  auto close = details.rfind("-/");
  if (open == std::string::npos || close == std::string::npos || close < open + 3)
    return fail(spec_error(path, text, 0, "CLEVER problem without a problem_details docstring"));
  std::string yaml = details.substr(open + 3, close - open - 3);
  // CLEVER strips the YAML before parsing it: its first key loses its indentation.
  yaml = strip(yaml);
  p.function_signature = yaml_value(yaml, "function_signature");
  p.docstring = yaml_value(yaml, "docstring");
  return p;
}

std::string uncomment_tests(std::string_view tests) {
  std::string out;
  for (auto line : lines_of(tests)) {
    std::size_t i = line.find_first_not_of(" \t");
    if (i != std::string_view::npos && line.substr(i, 2) == "--") {
      std::size_t j = line.find_first_not_of(" \t", i + 2);
      // Only a commented-out test: other comments stay comments.
      if (j != std::string_view::npos && line.substr(j, 6) == "#test ") line = line.substr(j);
    }
    if (!out.empty()) out += "\n";
    out += line;
  }
  return out;
}

std::vector<std::string> stage_forbidden_names(std::string_view section) {
  if (section == "generated_spec_body")
    return {"problem_spec", "spec_isomorphism", "implementation", "correctness"};
  if (section == "implementation")
    return {"problem_spec", "generated_spec", "spec_isomorphism", "correctness"};
  if (section == "spec_isomorphism_proof") return {"implementation", "correctness"};
  if (section == "correctness_proof") return {"generated_spec", "spec_isomorphism"};
  return {};
}

Result<Task> clever_stage_task(const CleverProblem& p, CleverStage stage,
                               const StageInputs& inputs) {
  const std::string kHole = "sorry";
  std::string file = "import Imports.AllImports";
  std::size_t hole_at = std::string::npos;
  auto hole = [&](std::string_view label, std::string_view before) {
    append_block(file, label, before);
    hole_at = file.size();
    file += kHole;
  };
  append_block(file, "NL Spec", "/--\n" + strip(p.nl_spec()) + "\n-/");
  auto chained = [&](const std::optional<std::string>& given, const std::string& own,
                     const char* what) -> Result<std::string> {
    if (given) return strip(*given);
    if (!is_sorry(own)) return own;
    return fail(p.path + ": error: the " + std::string(stage_name(stage)) + " stage needs " + what +
                "; this problem's section is `sorry` (give the earlier stage's answer)");
  };
  std::string checked;
  switch (stage) {
    case CleverStage::Spec:
      hole("Generated Spec", p.generated_spec + "\n");
      checked = "generated_spec";
      break;
    case CleverStage::Isomorphism: {
      auto body = chained(inputs.generated_spec_body, p.generated_spec_body, "a generated spec");
      if (!body.ok()) return fail(body.error());
      append_block(file, "Generated Spec", p.generated_spec + "\n" + *body);
      append_block(file, "Ground Truth Spec", p.problem_spec);
      append_block(file, "Isomorphism Theorem", p.spec_isomorphism);
      hole("Isomorphism Proof", "");
      checked = "spec_isomorphism";
      break;
    }
    case CleverStage::Implementation:
      append_block(file, "Ground Truth Spec", p.problem_spec);
      append_block(file, "Implementation Signature", p.implementation_signature);
      hole("Implementation", "");
      append_block(file, "Test Cases", uncomment_tests(p.test_cases));
      checked = "implementation";
      break;
    case CleverStage::Correctness: {
      auto body = chained(inputs.implementation, p.implementation, "an implementation");
      if (!body.ok()) return fail(body.error());
      append_block(file, "Ground Truth Spec", p.problem_spec);
      append_block(file, "Implementation Signature", p.implementation_signature);
      append_block(file, "Implementation", *body);
      append_block(file, "Test Cases", uncomment_tests(p.test_cases));
      append_block(file, "Correctness Theorem", p.correctness_definition);
      hole("Correctness Proof", "");
      checked = "correctness";
      break;
    }
  }
  // What the stage's declaration rests on, for the back-end to hold against the three
  // axioms Lean's own library uses.
  file += "\n\n#print axioms " + checked + "\n";
  const std::string section(stage_section(stage));
  Task t;
  t.id = p.path + "#" + section;
  t.language = Language::Lean;
  t.kind = stage == CleverStage::Spec             ? TaskKind::Specify
           : stage == CleverStage::Implementation ? TaskKind::Implement
                                                  : TaskKind::Prove;
  t.spec_path = p.path;
  t.spec_text = std::move(file);
  t.holes.push_back({section, hole_at, hole_at + kHole.size(), std::string(stage_name(stage))});
  t.doc = p.nl_spec();
  t.category = std::string(stage_name(stage));
  return t;
}

}  // namespace verigen::lean
