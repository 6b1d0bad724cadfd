#pragma once
/// The linear equalities every sample satisfies: a basis of the affine hull's equations, found
/// by exact integer Gaussian elimination. This is how coefficients like `z = 36*y + c` or
/// `i - j = x - y` are discovered from data instead of guessed from a fixed template.

#include <vector>

namespace verigen::inv {

/// For samples `rows` (each the values of the same n variables), integer vectors a (n + 1 long)
/// with a[0]*x0 + ... + a[n-1]*x(n-1) + a[n] = 0 on every row, each with coprime entries and a
/// positive first non-zero entry; a basis of all such equations, at most `limit` of them.
/// Empty when there are no rows or the arithmetic would overflow.
std::vector<std::vector<long long>> affine_equalities(
    const std::vector<std::vector<long long>>& rows, std::size_t limit = 12);

}  // namespace verigen::inv
