#pragma once
/// Task and Candidate: what is asked of a generator, and one answer to check.
/// Language-neutral: the parsers in specs/ and the back-ends give the fields their meaning.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/assumption.h"

namespace verigen {

enum class Language { Dafny, Lean, FStar, SyGuS };

/// What the generator must do with a spec.
enum class TaskKind {
  Verify,     ///< nothing to fill: check the file as it is
  Implement,  ///< write bodies for contract-only declarations
  Annotate,   ///< add invariants/asserts/decreases/lemma proofs; executable code stays identical
  Specify,    ///< write contracts from the doc comment
  Prove,      ///< close proof holes (Lean `sorry`, F* `admit ()`)
  Invariant   ///< SyGuS-INV: one loop invariant
};

std::string_view to_string(Language language);
std::string_view to_string(TaskKind kind);
std::optional<Language> language_from_string(std::string_view name);
std::optional<TaskKind> task_kind_from_string(std::string_view name);
/// The language a file name implies (.dfy, .lean, .fst/.fsti, .sl); nullopt when none does.
std::optional<Language> language_of_path(std::string_view path);

/// A region of the spec text that the generator fills. Offsets are bytes into Task::spec_text.
struct Hole {
  std::string name;  ///< the declaration it belongs to ("Max", "inv_fun", "implementation")
  std::size_t begin = 0;
  std::size_t end = 0;  ///< one past the last byte; begin == end for an insertion point
  std::string doc;      ///< the natural-language description attached to it
};

/// An input/output example the generated code must reproduce.
struct Example {
  std::string input;     ///< call arguments as written in the target language
  std::string expected;  ///< expected result
};

struct Task {
  std::string id;  ///< stable, unique within a suite ("dafnycomp/17", a file path ...)
  Language language = Language::Dafny;
  TaskKind kind = TaskKind::Verify;
  std::string spec_path;  ///< the file the task came from, for messages
  std::string spec_text;  ///< the spec text exactly as the user wrote it
  std::vector<Hole> holes;
  std::string doc;  ///< task-level description
  std::vector<Example> examples;
  std::string category;  ///< grouping for reports (function count, SyGuS logic ...)
};

/// One program to verify: a complete text in the task's language.
struct Candidate {
  std::string task_id;
  Language language = Language::Dafny;
  std::string display_path;  ///< the name diagnostics should carry (the user's file, or a label)
  std::string text;          ///< the full program text
  std::string symbol;        ///< when non-empty, verify only this symbol
  std::string origin;        ///< provider/model/sample that produced it, for logs
  int index = 0;             ///< position in the provider's order
  /// Which assumptions the proof may rest on: none by default; the spec's own when `original`
  /// is set (a candidate may keep what the user wrote); kinds the user allowed explicitly.
  AssumptionPolicy assumption_policy;
  /// Byte ranges of `text` the generator wrote (its holes' answers), when the text keeps the
  /// task's fixed parts; back-ends hold any warning there against the answer.
  std::vector<std::pair<std::size_t, std::size_t>> answer_regions;
};

/// Where `text` answers each hole of `task`: the fixed parts around the holes must open and
/// close `text` and appear in order between (white space at their edges aside); the ranges
/// between them are the answers, one per hole. nullopt when a fixed part is not kept.
std::optional<std::vector<std::pair<std::size_t, std::size_t>>> locate_answers(
    const Task& task, std::string_view text);

/// A candidate of `task` whose full program is `text`: id, language and display path are the
/// task's; origin and index are left for the caller.
Candidate candidate_for(const Task& task, std::string text);

}  // namespace verigen
