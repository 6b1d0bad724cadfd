#pragma once
/// Running independent work items on a fixed number of threads.

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <functional>
#include <thread>
#include <vector>

namespace verigen {

/// Calls work(i) for every i in [0, count) on up to `jobs` threads (at least 1) and returns
/// when all calls have finished. Items are taken in index order. `work` must not throw.
inline void parallel_for(std::size_t count, int jobs,
                         const std::function<void(std::size_t)>& work) {
  const std::size_t threads =
      std::min<std::size_t>(count, static_cast<std::size_t>(std::max(1, jobs)));
  if (threads <= 1) {
    for (std::size_t i = 0; i < count; ++i) work(i);
    return;
  }
  std::atomic<std::size_t> next{0};
  std::vector<std::thread> pool;
  pool.reserve(threads);
  for (std::size_t t = 0; t < threads; ++t) {
    pool.emplace_back([&] {
      for (std::size_t i = next++; i < count; i = next++) work(i);
    });
  }
  for (auto& thread : pool) thread.join();
}

}  // namespace verigen
