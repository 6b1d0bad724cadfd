#pragma once
/// Choosing the candidate generator for `verigen gen` from the command line's options.

#include <memory>
#include <optional>
#include <string>

#include "core/backend.h"
#include "core/result.h"
#include "gen/candidate_generator.h"

namespace verigen {

struct GeneratorOptions {
  std::string provider = "builtin";  ///< builtin | openai | replay
  std::string model;                 ///< overrides VERIGEN_MODEL / the config file
  std::optional<double> temperature;
  std::optional<long> seed;
  std::string cassette;              ///< replay: the recorded answers
  std::string record;                ///< record answers to this cassette
};

/// The generator `options` ask for; `backend` serves the builtin provider's Houdini loop.
Result<std::unique_ptr<CandidateGenerator>> make_generator(const GeneratorOptions& options, Backend& backend);

}  // namespace verigen
