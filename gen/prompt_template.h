#pragma once
/// Prompt templates: plain text with {{name}} placeholders, one file per task kind and language
/// under gen/prompts/<language>/<kind>.txt (embedded in the binary).

#include <map>
#include <string>

#include "core/result.h"
#include "core/task.h"

namespace verigen {

/// Replaces every {{name}} in `text` with values.at(name). A placeholder without a value is an
/// error naming it (a template and its caller disagree); "{{" without a closing "}}" likewise.
Result<std::string> render_template(const std::string& text,
                                    const std::map<std::string, std::string>& values);

/// The template for `kind` ("system", "implement", "annotate", "specify", "repair",
/// "invariant", "prove") in `language`: `overrides`/<language>/<kind>.txt when `overrides` is a
/// folder that has it (`--prompts DIR`), else the embedded one. A Failure names what is missing
/// or the override file that cannot be read.
Result<std::string> prompt_template(Language language, const std::string& kind,
                                    const std::string& overrides = "");

}  // namespace verigen
