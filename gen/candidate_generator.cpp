#include "gen/candidate_generator.h"

namespace verigen {
namespace {

constexpr std::string_view kUnusable = "unusable answer: ";

}  // namespace

Verdict unusable_answer(const std::string& reason) {
  return Verdict::error(Cause::BadOutput, std::string(kUnusable) + reason);
}

bool is_unusable_answer(const Verdict& verdict) {
  return verdict.outcome == Outcome::Error && verdict.cause == Cause::BadOutput &&
         verdict.detail.rfind(kUnusable, 0) == 0;
}

}  // namespace verigen
