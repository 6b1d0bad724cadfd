#pragma once
/// Feature hashing for the contrastive scorer: a task text and a candidate text become sparse
/// vectors in fixed dimensions. Nothing here knows a language: the tokenizer reads SMT-LIB- and
/// Dafny-like text as identifiers, numerals, operators and brackets.

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace verigen::rank {

/// Version of the feature definitions; a model trained on other features must not be loaded.
inline constexpr int kFeatureVersion = 1;

enum class TokenKind { Identifier, Numeral, Operator, Bracket };

struct Token {
  TokenKind kind;
  std::string text;
};

/// Splits `text` into tokens. Skips whitespace and comments (`//…`, `/*…*/`, and lines whose first
/// non-blank character is `;`, as SMT-LIB comments are written). Never fails: an unknown byte
/// becomes a one-character operator.
std::vector<Token> tokenize(std::string_view text);

/// A sparse vector: (index, value) pairs sorted by index, each index once, L2 norm 1 (or empty).
struct SparseVector {
  std::vector<std::pair<std::uint32_t, float>> entries;
};

/// What a candidate is compared against: the task's tokens, computed once per task.
struct TaskProfile {
  std::set<std::string> variables;  ///< identifiers that are not keywords
  std::set<std::string> constants;  ///< numerals
  std::set<std::string> operators;
  std::set<std::string> bigrams;  ///< adjacent token pairs, "a b"
};

/// The profile of a task text.
TaskProfile profile_task(std::string_view task_text);

/// Features of the task alone (the task tower's input), hashed into `dims` dimensions.
/// Deterministic: the same text and dims always give the same vector, on every platform.
SparseVector task_features(std::string_view task_text, std::uint32_t dims);

/// Features of a candidate (the candidate tower's input), hashed into `dims` dimensions: its own
/// tokens, n-grams and structure, plus cross features against `task` (shared variables,
/// constants and operators, fraction of task variables used), so the score is pair-aware.
SparseVector candidate_features(const TaskProfile& task, std::string_view candidate_text,
                                std::uint32_t dims);

}  // namespace verigen::rank
