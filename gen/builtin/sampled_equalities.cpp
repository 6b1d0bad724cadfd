#include "gen/builtin/sampled_equalities.h"

#include <algorithm>
#include <cstdlib>
#include <set>

#include "gen/affine_hull.h"
#include "gen/builtin/initial_type.h"

namespace verigen {
namespace {

bool modified(const LoopSite& loop, const std::string& name) {
  return std::find(loop.modified.begin(), loop.modified.end(), name) != loop.modified.end();
}

/// Whether the value of `term` can change in the loop: a variable it assigns, or the length of
/// a sequence it assigns (an array's length never changes).
bool moves(const LoopSite& loop, const std::string& term) {
  if (term.size() > 2 && term.front() == '|' && term.back() == '|')
    return modified(loop, term.substr(1, term.size() - 2));
  if (term.find('.') != std::string::npos) return false;
  return modified(loop, term);
}

/// `c * t`, or `t` when c is 1.
std::string scaled(long long c, const std::string& term) {
  return c == 1 ? term : std::to_string(c) + " * " + term;
}

}  // namespace

std::vector<std::string> state_terms(const LoopSite& loop, std::size_t limit) {
  std::vector<std::string> moving, fixed;
  for (const auto& v : loop.variables) {
    const std::string& t = v.type;
    std::string term;
    if (is_integer_type(t)) term = v.name;
    if (t.rfind("array<", 0) == 0) term = v.name + ".Length";
    if (t.rfind("seq<", 0) == 0 || t == "string") term = "|" + v.name + "|";
    if (term.empty()) continue;
    (moves(loop, term) ? moving : fixed).push_back(term);
  }
  moving.insert(moving.end(), fixed.begin(), fixed.end());
  if (moving.size() > limit) moving.resize(limit);
  return moving;
}

std::vector<std::string> sampled_equalities(const LoopSite& loop,
                                            const std::vector<std::string>& terms,
                                            const std::vector<std::vector<long long>>& states,
                                            std::size_t limit) {
  std::set<std::vector<long long>> distinct(states.begin(), states.end());
  if (terms.empty() || distinct.size() < terms.size() + 2) return {};
  std::vector<std::vector<long long>> rows(distinct.begin(), distinct.end());
  std::vector<std::string> out;
  for (const auto& eq : inv::affine_equalities(rows, limit)) {
    if (eq.size() != terms.size() + 1) continue;
    bool over_moving = false;
    std::string left, right;
    for (std::size_t i = 0; i < terms.size(); ++i) {
      if (eq[i] == 0) continue;
      over_moving |= moves(loop, terms[i]);
      std::string& side = eq[i] > 0 ? left : right;
      side += (side.empty() ? "" : " + ") + scaled(std::llabs(eq[i]), terms[i]);
    }
    if (!over_moving) continue;
    // a·x + c == 0: the constant goes to the side that keeps it non-negative.
    const long long c = eq.back();
    if (c < 0) right += (right.empty() ? "" : " + ") + std::to_string(-c);
    if (c > 0) left += (left.empty() ? "" : " + ") + std::to_string(c);
    out.push_back((left.empty() ? "0" : left) + " == " + (right.empty() ? "0" : right));
  }
  return out;
}

}  // namespace verigen
