#pragma once
/// Outcome and Cause: what a verifier run concluded, and why it did not conclude more.

#include <optional>
#include <string_view>

namespace verigen {

/// The verdict of one verification attempt. The enumerators are ordered by dominance when
/// several results are combined (e.g. the methods of one file): a single Refuted outweighs
/// everything, an Error outweighs Unknown, and Verified holds only if every part is Verified.
enum class Outcome { Verified, Unknown, Error, Refuted };

/// Why an outcome is not a plain answer from the tool. `None` accompanies real answers
/// (Verified, Refuted); every other cause explains an Unknown or an Error.
enum class Cause {
  None,
  Timeout,
  ResourceLimit,
  Interrupted,
  ToolNotFound,
  ToolCrashed,
  BadOutput,
  BadInput,
  Integrity,
  Internal
};

/// Lower-case name used in JSON and text output ("verified", "refuted", ...).
std::string_view to_string(Outcome outcome);
/// Lower-case, hyphenated name ("timeout", "tool-not-found", ...); "" for Cause::None.
std::string_view to_string(Cause cause);
/// Inverse of to_string(Outcome); nullopt for an unknown name.
std::optional<Outcome> outcome_from_string(std::string_view name);
/// Inverse of to_string(Cause); nullopt for an unknown name ("" gives Cause::None).
std::optional<Cause> cause_from_string(std::string_view name);

/// The dominant of two outcomes (see Outcome).
Outcome combine(Outcome a, Outcome b);

}  // namespace verigen
