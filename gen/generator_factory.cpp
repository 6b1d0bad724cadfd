#include "gen/generator_factory.h"

#include "gen/builtin/builtin_generator.h"

namespace verigen {

Result<std::unique_ptr<CandidateGenerator>> make_generator(const GeneratorOptions& options, Backend& backend) {
  if (options.provider == "builtin")
    return std::unique_ptr<CandidateGenerator>(std::make_unique<BuiltinGenerator>(backend));
  return fail("gen: error: unknown provider '" + options.provider + "' (builtin, openai, replay)");
}

}  // namespace verigen
