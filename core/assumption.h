#pragma once
/// Assumption: something a proof rests on that no verifier proved (an `assume`, an axiom, an
/// extern contract, a declaration excluded from verification ...). A verdict lists every one
/// it found; it is Verified only when each of them is explicitly allowed.

#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"

namespace verigen {

/// The kinds of assumption, as the names users write in `--allow-assumption KIND`.
namespace assumption_kind {
inline constexpr std::string_view kAssume = "assume";      ///< assume statement, `:| assume`
inline constexpr std::string_view kAxiom = "axiom";        ///< {:axiom} / @Axiom
inline constexpr std::string_view kExtern = "extern";      ///< body-less {:extern} declaration
inline constexpr std::string_view kBodyless = "bodyless";  ///< declaration without a body
inline constexpr std::string_view kBodylessLoop = "bodyless-loop";
inline constexpr std::string_view kVerifyFalse =
    "verify-false";                                ///< {:verify false} / @Verify(false)
inline constexpr std::string_view kOnly = "only";  ///< {:only} / @VerifyOnly
inline constexpr std::string_view kDecreasesStar = "decreases-star";
inline constexpr std::string_view kExpect = "expect";            ///< a proof that needs an `expect`
inline constexpr std::string_view kOptions = "options";          ///< {:options} changing checks
inline constexpr std::string_view kAttribute = "attribute";      ///< an attribute that weakens or
                                                                 ///< may weaken checking
inline constexpr std::string_view kTermination = "termination";  ///< termination not checked
inline constexpr std::string_view kInclude = "include";  ///< a file the proof uses unverified
inline constexpr std::string_view kOther = "other";      ///< a tool finding of no known kind
}  // namespace assumption_kind

/// Every kind above, for help texts and validation of `--allow-assumption`.
const std::vector<std::string>& assumption_kinds();

/// One assumption found in a file.
struct Assumption {
  std::string kind;         ///< one of assumption_kind
  Location where;           ///< where it is (the file may be an included one)
  std::string declaration;  ///< the enclosing declaration ("Module.Class.Name"), "" at file level
  std::string text;         ///< its source text in a layout-free form, "" when the tool gave none
  std::string message;      ///< what it is, in one line
  std::string found_by;     ///< who found it: "dafny audit", "dafny", "verigen"
  /// Why it does not stop verification: "spec" (the user's original already had it),
  /// "--allow-assumption KIND"; empty when it is not allowed.
  std::string allowed_by;

  bool allowed() const { return !allowed_by.empty(); }
  bool operator==(const Assumption&) const = default;
};

/// What a caller trusts: kinds (and "kind:Declaration" entries) the user allowed explicitly,
/// and the original spec whose own assumptions a candidate may keep.
struct AssumptionPolicy {
  std::vector<std::string> allowed;  ///< "extern", "axiom:Lib.Pow", ...
  bool has_original = false;
  std::string original;  ///< the spec text a candidate was written against
  /// Declarations the candidate must fill (the task's holes, by simple name): the original's
  /// assumptions there (a body-less method to implement) are not the candidate's to keep.
  std::vector<std::string> holes;

  /// A stable text naming the policy, for cache keys.
  std::string fingerprint() const;
  /// True when the user allowed `a` by its kind or by kind and declaration.
  bool allows_kind(const Assumption& a) const;
};

/// `file:line:col: error: assumption (KIND) in 'Decl': message` — or `note:` when allowed.
std::string format_assumption(const Assumption& assumption);

/// Marks each assumption of `found` that the policy allows by kind, and each that `baseline`
/// (the original's assumptions) already has outside the policy's holes: same kind, source and
/// declaration, and the same text when both carry one. Matching is one-to-one, so a candidate
/// never gets more of a kind in a declaration than the original had.
void apply_assumption_policy(std::vector<Assumption>& found,
                             const std::vector<Assumption>& baseline,
                             const AssumptionPolicy& policy);

/// Folds the reports of one assumption by several sources (same file, line and kind) into one
/// entry naming all sources; it is allowed only if every report of it was. Order is kept.
void merge_duplicate_assumptions(std::vector<Assumption>& assumptions);

}  // namespace verigen
