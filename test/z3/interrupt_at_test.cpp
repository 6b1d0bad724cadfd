// InterruptAt with real Z3: checks on a problem Z3 cannot finish (cubes summing to a cube) stop
// at their deadlines, from several threads at once, and the context works normally afterwards.

#include "backends/z3/interrupt_at.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <thread>
#include <vector>

using namespace verigen;
using namespace verigen::z3inv;

namespace {

using Clock = std::chrono::steady_clock;

/// x³ + y³ = z³ over positive integers: no solution, and Z3 4.8 searches for one forever.
void add_fermat_cubes(z3::context& ctx, z3::solver& solver) {
  z3::expr x = ctx.int_const("x"), y = ctx.int_const("y"), z = ctx.int_const("z");
  solver.add(x > 0 && y > 0 && z > 0 && x * x * x + y * y * y == z * z * z);
}

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

// Contract: a check under a guard answers unknown soon after the deadline, even when the
// deadline has already passed before the check starts (a single interrupt would be lost then).
TEST_CASE("InterruptAt stops a check at its deadline, also one already past", "[z3]") {
  for (int past : {0, 1}) {
    z3::context ctx;
    z3::solver solver(ctx);
    add_fermat_cubes(ctx, solver);
    auto start = Clock::now();
    InterruptAt stop(ctx, past ? Deadline::after(std::chrono::milliseconds(0))
                               : Deadline::after(std::chrono::milliseconds(300)));
    if (past) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    CHECK(solver.check() == z3::unknown);
    INFO(solver.reason_unknown());
    CHECK(seconds_since(start) < 3.0);
  }
}

// Contract: guards on several threads at once each stop their own check (Z3's `timeout`
// parameter deadlocks here in 4.8.12); after the guard ends the context answers normally.
TEST_CASE("InterruptAt works from several threads and does not stick", "[z3]") {
  constexpr int kThreads = 4, kRounds = 6;
  std::vector<int> unknown(kThreads, 0), easy_sat(kThreads, 0);
  std::vector<std::thread> threads;
  auto start = Clock::now();
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      z3::context ctx;
      for (int r = 0; r < kRounds; ++r) {
        {
          z3::solver solver(ctx);
          add_fermat_cubes(ctx, solver);
          InterruptAt stop(ctx, Deadline::after(std::chrono::milliseconds(50 + 20 * r)));
          unknown[t] += solver.check() == z3::unknown;
        }
        z3::solver easy(ctx);
        easy.add(ctx.int_const("a") > 3);
        easy_sat[t] += easy.check() == z3::sat;
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int t = 0; t < kThreads; ++t) {
    CHECK(unknown[t] == kRounds);
    CHECK(easy_sat[t] == kRounds);
  }
  // Six rounds of at most 150 ms each per thread; minutes would mean a hang.
  CHECK(seconds_since(start) < 20.0);
}
