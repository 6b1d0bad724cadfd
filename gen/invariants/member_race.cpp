#include "gen/invariants/member_race.h"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>

namespace verigen::inv {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// How often a member waiting for its start looks at its deadline: the start must not be missed
// by much, and a cancel before it must stop the wait.
constexpr milliseconds kStartPoll{10};

milliseconds since(Clock::time_point t) {
  return std::chrono::duration_cast<milliseconds>(Clock::now() - t);
}

}  // namespace

std::vector<RaceRun> run_race(const std::vector<RaceEntry>& entries, const sygus::Problem& problem,
                              const std::string& problem_text, Deadline deadline,
                              const RaceJudge& judge) {
  const auto began = Clock::now();
  std::vector<RaceRun> runs(entries.size());
  std::vector<std::unique_ptr<CancelSource>> sources;
  for (std::size_t i = 0; i < entries.size(); ++i)
    sources.push_back(std::make_unique<CancelSource>(deadline));

  std::mutex mutex;
  std::condition_variable arrived;
  std::deque<std::size_t> finished;

  std::vector<std::thread> threads;
  // Every thread is joined before this returns, also when the judge (or starting a thread)
  // throws: a std::thread destroyed while joinable would end the program.
  struct JoinAll {
    std::vector<std::unique_ptr<CancelSource>>& sources;
    std::vector<std::thread>& threads;
    ~JoinAll() {
      for (auto& t : threads) {
        if (!t.joinable()) continue;
        for (auto& s : sources) s->cancel();
        t.join();
      }
    }
  } join_all{sources, threads};

  for (std::size_t i = 0; i < entries.size(); ++i) {
    threads.emplace_back([&, i] {
      const Deadline mine = sources[i]->deadline();
      const auto start_at = began + entries[i].start;
      while (Clock::now() < start_at && !mine.expired())
        std::this_thread::sleep_for(std::min(
            kStartPoll,
            std::chrono::duration_cast<milliseconds>(start_at - Clock::now()) + milliseconds(1)));
      RaceRun run;
      if (entries[i].niceness > 0) {
        // On Linux the nice value belongs to the thread, and a process it starts inherits it.
        const auto tid = static_cast<id_t>(::syscall(SYS_gettid));
        errno = 0;
        const int current = ::getpriority(PRIO_PROCESS, tid);
        if (errno == 0) ::setpriority(PRIO_PROCESS, tid, current + entries[i].niceness);
      }
      if (!mine.expired()) {
        run.started = true;
        run.start = since(began);
        const auto t0 = Clock::now();
        const Deadline own = entries[i].limit.count() > 0 ? mine.capped(entries[i].limit) : mine;
        run.claim = entries[i].member->run(problem, problem_text, own);
        run.elapsed = since(t0);
      }
      std::lock_guard<std::mutex> lock(mutex);
      runs[i] = std::move(run);
      finished.push_back(i);
      arrived.notify_one();
    });
  }

  std::size_t remaining = entries.size();
  bool decided = false;
  while (remaining > 0) {
    std::size_t i;
    {
      std::unique_lock<std::mutex> lock(mutex);
      arrived.wait(lock, [&] { return !finished.empty(); });
      i = finished.front();
      finished.pop_front();
    }
    --remaining;
    // Another member's win (or the deadline) may have stopped this one: only a member that ran
    // to an answer of its own is judged.
    if (sources[i]->cancelled()) {
      runs[i].cancelled = true;
      continue;
    }
    if (!runs[i].started) continue;
    runs[i].judged = true;
    if (decided || !judge(i, runs[i].claim)) continue;
    decided = true;
    runs[i].won = true;
    for (std::size_t j = 0; j < entries.size(); ++j)
      if (j != i && entries[j].stop_when_another_wins) sources[j]->cancel();
  }
  for (auto& t : threads) t.join();
  return runs;
}

}  // namespace verigen::inv
