#pragma once
/// The one JSON vocabulary of verigen's --json documents (verify, gen, inv, bench report):
/// every document names its schema version and command, and every verdict, whatever produced
/// it, says `outcome` (verified, refuted, unknown, error) and `cause` ("" for a plain answer;
/// timeout, integrity, bad-input, tool-not-found ...), with a one-line `detail`.

#include <nlohmann/json.hpp>
#include <string>

#include "core/outcome.h"

namespace verigen {

/// The version of the vocabulary below; raised when a field changes meaning or goes away.
inline constexpr int kJsonSchemaVersion = 2;

/// {"schema_version", "command"} followed by `body`'s fields.
nlohmann::json json_document(const std::string& command, nlohmann::json body);

/// Sets `object`'s "outcome", "cause" and "detail".
void set_verdict_fields(nlohmann::json& object, Outcome outcome, Cause cause,
                        const std::string& detail);

}  // namespace verigen
