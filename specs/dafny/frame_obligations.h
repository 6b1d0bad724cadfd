#pragma once
/// A frame comparison (`modifies` of a method, `reads` of a function) written as Dafny code, so
/// that Dafny rather than the text decides whether one frame lies within another.
///
/// Frames are sets of objects whose expressions may differ in form and still mean the same
/// (`modifies a, b` and `modifies {a} + {b}`, or `modifies s` under `requires a in s`). Dafny
/// already checks frame inclusion at every call: a method may only call one whose `modifies`
/// lies within its own, a function only one whose `reads` does. So the obligation is a pair:
/// a body-less stub with the inner frame, and a caller with the outer frame that calls it on
/// the same parameters under the same preconditions. Dafny's error at the call ("call might
/// violate context's modifies clause", "insufficient reads clause to invoke function") means
/// the inner frame is not shown within the outer one.

#include <string>
#include <vector>

namespace verigen::dafny {

/// What a frame obligation is written from.
struct FrameObligationSpec {
  std::string name;                    ///< the caller's name; the stub is `name + "_frame"`
  std::string prefix;                  ///< "static " for a static member, else ""
  std::string type_params;             ///< "<T>" or ""
  std::string parameters;              ///< "a: array<int>, k: int" (the declaration's inputs)
  std::vector<std::string> arguments;  ///< the parameter names, in order
  std::vector<std::string> requires_;  ///< hypotheses for both (each an expression)
  bool function = false;               ///< `reads` of a function; else `modifies` of a method
  std::vector<std::string> inner;      ///< frame items that must lie within...
  std::vector<std::string> outer;      ///< ...these
};

/// The Dafny text of the obligation and where its goal is.
struct FrameObligationText {
  std::string text;   ///< starts with "\n"; the caller first, then the stub
  int goal_line = 0;  ///< the call's line, counting the caller's header as line 1
  int last_line = 0;  ///< the stub's last line, counted the same way
};

/// The caller (frame `outer`) and the stub (frame `inner`) of `spec`; an empty frame is no
/// clause (a method that modifies nothing, a function that reads nothing).
FrameObligationText frame_obligation_text(const FrameObligationSpec& spec);

}  // namespace verigen::dafny
