#pragma once
/// Verdicts and diagnostics as JSON (the CLI's --json, the cache, run logs).

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/diagnostic.h"
#include "core/verdict.h"

namespace verigen {

/// {"file","line","column","end_line","end_column","severity","message","rule","related":[...]}.
nlohmann::json diagnostic_to_json(const Diagnostic& diagnostic);

/// Inverse of diagnostic_to_json; nullopt when `value` is not an object of that shape. Never
/// throws.
std::optional<Diagnostic> diagnostic_from_json(const nlohmann::json& value);

/// {"file","line","column","kind","declaration","message","found_by","text","allowed","allowed_by"}.
nlohmann::json assumption_to_json(const Assumption& assumption);

/// The verdict as {"outcome","cause","detail","diagnostics","assumptions","tool_version",
/// "elapsed_ms","cached"}.
/// When `self_path` is non-empty, diagnostics in that file are stored with "self": true instead
/// of the name, and the detail names it by a marker, so a cached verdict can be re-pointed at
/// another copy of the same text.
nlohmann::json verdict_to_json(const Verdict& verdict, const std::string& self_path = {});

/// Inverse of verdict_to_json; "self" diagnostics get `self_path`. nullopt when malformed.
std::optional<Verdict> verdict_from_json(const nlohmann::json& value,
                                         const std::string& self_path = {});

}  // namespace verigen
