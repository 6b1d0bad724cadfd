#pragma once
/// What every back-end concludes the same way from how its tool's process ended.

#include <optional>
#include <string>

#include "core/process.h"
#include "core/verdict.h"

namespace verigen {

/// The verdict for a run that did not exit on its own — not found, not started, timed out, or
/// killed by a signal (a verdict from a tool that died on a signal cannot be trusted, whatever
/// it printed) — named after `tool`; nullopt for a run that exited, whose output decides.
std::optional<Verdict> verdict_for_unfinished_run(const ProcessResult& run,
                                                  const std::string& tool);

/// The last `limit` bytes of `text` on one line, for verdict details.
std::string output_tail(const std::string& text, std::size_t limit = 300);

}  // namespace verigen
