#include "gen/affine_hull.h"

#include <cstdlib>
#include <numeric>
#include <optional>

namespace verigen::inv {
namespace {

/// Divides `row` by the gcd of its entries (sign kept).
void reduce(std::vector<long long>& row) {
  long long g = 0;
  for (long long v : row) g = std::gcd(g, std::llabs(v));
  if (g > 1)
    for (long long& v : row) v /= g;
}

/// a*r - b*p, entry-wise; nullopt on overflow.
std::optional<std::vector<long long>> combine(long long a, const std::vector<long long>& r,
                                              long long b, const std::vector<long long>& p) {
  std::vector<long long> out(r.size());
  for (std::size_t i = 0; i < r.size(); ++i) {
    long long x = 0, y = 0;
    if (__builtin_mul_overflow(a, r[i], &x) || __builtin_mul_overflow(b, p[i], &y) ||
        __builtin_sub_overflow(x, y, &out[i]))
      return std::nullopt;
  }
  return out;
}

}  // namespace

std::vector<std::vector<long long>> affine_equalities(
    const std::vector<std::vector<long long>>& rows, std::size_t limit) {
  if (rows.empty()) return {};
  const std::size_t n = rows.front().size();
  // Each sample x gives the row [x, 1]; the equations are the matrix's null space.
  std::vector<std::vector<long long>> m;
  for (const auto& r : rows) {
    if (r.size() != n) return {};
    m.push_back(r);
    m.back().push_back(1);
  }
  const std::size_t cols = n + 1;
  std::vector<std::size_t> pivot_col;  // pivot column of row i, for i < rank
  std::size_t rank = 0;
  for (std::size_t c = 0; c < cols && rank < m.size(); ++c) {
    std::size_t p = rank;
    while (p < m.size() && m[p][c] == 0) ++p;
    if (p == m.size()) continue;
    std::swap(m[p], m[rank]);
    for (std::size_t r = 0; r < m.size(); ++r) {
      if (r == rank || m[r][c] == 0) continue;
      auto next = combine(m[rank][c], m[r], m[r][c], m[rank]);
      if (!next) return {};
      m[r] = std::move(*next);
      reduce(m[r]);
    }
    pivot_col.push_back(c);
    ++rank;
  }
  std::vector<bool> is_pivot(cols, false);
  for (auto c : pivot_col) is_pivot[c] = true;
  std::vector<std::vector<long long>> out;
  for (std::size_t f = 0; f < cols && out.size() < limit; ++f) {
    if (is_pivot[f]) continue;
    // v[f] = L (a common multiple of the pivots), v[pivot_i] = -m[i][f] * L / m[i][pivot_i].
    long long scale = 1;
    bool overflow = false;
    for (std::size_t i = 0; i < rank && !overflow; ++i)
      if (m[i][f] != 0) {
        long long a = std::llabs(m[i][pivot_col[i]]);
        long long g = std::gcd(scale, a);
        overflow = __builtin_mul_overflow(scale / g, a, &scale);
      }
    if (overflow) continue;
    std::vector<long long> v(cols, 0);
    v[f] = scale;
    for (std::size_t i = 0; i < rank && !overflow; ++i)
      if (m[i][f] != 0)
        overflow = __builtin_mul_overflow(-m[i][f], scale / m[i][pivot_col[i]], &v[pivot_col[i]]);
    if (overflow) continue;
    // A null vector touching only the constant column cannot occur: the all-ones column is
    // never zero. The first non-zero entry is made positive for a canonical form.
    reduce(v);
    for (long long x : v)
      if (x != 0) {
        if (x < 0)
          for (long long& y : v) y = -y;
        break;
      }
    out.push_back(std::move(v));
  }
  return out;
}

}  // namespace verigen::inv
