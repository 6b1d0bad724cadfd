#include "core/process.h"

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <boost/asio.hpp>
#include <boost/process.hpp>
#include <boost/process/extend.hpp>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <memory>
#include <mutex>

#include "core/child_groups.h"

namespace verigen {
namespace bp = boost::process;
namespace asio = boost::asio;

namespace {

constexpr std::size_t kTailBytes = 64 * 1024;
std::atomic<long long> child_time_ms{0};
constexpr auto kPollInterval = std::chrono::milliseconds(5);
// After the direct child exits, descendants that left the group may still hold our pipes;
// we stop waiting for end-of-file after this long rather than hang.
constexpr auto kPipeDrainLimit = std::chrono::milliseconds(2000);

/// Appends bytes to a capture that keeps the first `cap` bytes and a tail of the rest.
struct Capture {
  std::string head;
  std::string tail;
  bool truncated = false;
  std::size_t cap = 0;

  void add(const char* data, std::size_t n) {
    std::size_t room = head.size() < cap ? cap - head.size() : 0;
    std::size_t take = std::min(room, n);
    head.append(data, take);
    if (take < n) {
      truncated = true;
      tail.append(data + take, n - take);
      if (tail.size() > kTailBytes) tail.erase(0, tail.size() - kTailBytes);
    }
  }
};

/// Reads a pipe to end-of-file into a Capture, re-arming itself.
class PipeReader : public std::enable_shared_from_this<PipeReader> {
 public:
  PipeReader(bp::async_pipe& pipe, Capture& capture) : pipe_(pipe), capture_(capture) {}
  void start() {
    auto self = shared_from_this();
    pipe_.async_read_some(asio::buffer(buffer_),
                          [self](const boost::system::error_code& ec, std::size_t n) {
                            if (n > 0) self->capture_.add(self->buffer_.data(), n);
                            if (ec) {
                              self->done_ = true;
                              return;
                            }
                            self->start();
                          });
  }
  bool done() const { return done_; }

 private:
  bp::async_pipe& pipe_;
  Capture& capture_;
  std::array<char, 64 * 1024> buffer_{};
  bool done_ = false;
};

std::string signal_name(int sig) {
  const char* abbrev = sigabbrev_np(sig);
  return abbrev ? std::string("SIG") + abbrev : "signal";
}

bool is_executable_file(const std::string& path) {
  std::error_code ec;
  return std::filesystem::is_regular_file(path, ec) && ::access(path.c_str(), X_OK) == 0;
}

}  // namespace

std::string ProcessResult::describe() const {
  switch (status) {
    case Status::Exited:
      return "exited with code " + std::to_string(exit_code);
    case Status::Signaled:
      return "killed by signal " + std::to_string(signal) + " (" + signal_name(signal) + ")";
    case Status::TimedOut:
      return "timed out after " + std::to_string(elapsed.count()) + " ms";
    case Status::NotFound:
      return error.empty() ? "program not found" : error;
    case Status::StartFailed:
      return error.empty() ? "could not start" : error;
  }
  return "unknown";
}

struct InteractiveProcess::State {
  bp::pipe in;
  bp::pipe out;
  bp::child child;
  pid_t group = 0;
};

Result<std::unique_ptr<InteractiveProcess>> InteractiveProcess::start(const ProcessSpec& spec) {
  const std::string exe = spec.argv.empty() ? std::string() : find_program(spec.argv[0]);
  if (exe.empty()) {
    return fail(spec.argv.empty() ? "empty command" : "'" + spec.argv[0] + "' not found");
  }
  // A write to a child that died would otherwise kill us with SIGPIPE; write() reports it.
  static std::once_flag ignore_sigpipe;
  std::call_once(ignore_sigpipe, [] { std::signal(SIGPIPE, SIG_IGN); });
  auto process = std::unique_ptr<InteractiveProcess>(new InteractiveProcess());
  process->state_ = std::make_unique<State>();
  State& st = *process->state_;
  bp::environment env = boost::this_process::environment();
  for (const auto& [key, value] : spec.environment) env[key] = value;
  std::vector<std::string> args(spec.argv.begin() + 1, spec.argv.end());
  std::error_code ec;
  try {
    auto own_group = bp::extend::on_exec_setup([](auto&) { ::setpgid(0, 0); });
    if (spec.working_directory.empty()) {
      st.child = bp::child(bp::exe = exe, bp::args = args, bp::std_in<st.in, bp::std_out> st.out,
                           bp::std_err > bp::null, env, own_group, ec);
    } else {
      st.child = bp::child(bp::exe = exe, bp::args = args, bp::std_in<st.in, bp::std_out> st.out,
                           bp::std_err > bp::null, env, own_group,
                           bp::start_dir = spec.working_directory, ec);
    }
  } catch (const std::exception& e) {
    return fail(e.what());
  }
  if (ec || !st.child.valid()) {
    return fail("could not start '" + spec.argv[0] + "': " + ec.message());
  }
  st.group = st.child.id();
  register_child_group(st.group);
  // Our copies of the child's ends must be closed, or end-of-file never comes.
  ::close(st.in.native_source());
  st.in.assign_source(-1);
  ::close(st.out.native_sink());
  st.out.assign_sink(-1);
  return process;
}

InteractiveProcess::~InteractiveProcess() { kill(); }

bool InteractiveProcess::write(std::string_view bytes) {
  if (!state_) return false;
  const int fd = state_->in.native_sink();
  std::size_t written = 0;
  while (written < bytes.size()) {
    auto n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    written += static_cast<std::size_t>(n);
  }
  return true;
}

InteractiveProcess::ReadStatus InteractiveProcess::read(std::string& out, Deadline deadline) {
  if (!state_) return ReadStatus::Closed;
  const int fd = state_->out.native_source();
  while (true) {
    auto left = deadline.remaining();
    pollfd p{fd, POLLIN, 0};
    int ready = ::poll(&p, 1, static_cast<int>(std::min<long long>(left.count(), 60000)));
    if (ready < 0 && errno == EINTR) continue;
    if (ready == 0) {
      if (deadline.expired()) return ReadStatus::Timeout;
      continue;
    }
    char buffer[65536];
    auto n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return ReadStatus::Closed;
    out.append(buffer, static_cast<std::size_t>(n));
    return ReadStatus::Data;
  }
}

bool InteractiveProcess::alive() {
  if (!state_) return false;
  std::error_code ec;
  return state_->child.running(ec);
}

void InteractiveProcess::kill() {
  if (!state_) return;
  ::kill(-state_->group, SIGKILL);
  std::error_code ec;
  state_->child.wait(ec);
  unregister_child_group(state_->group);
  state_.reset();
}

std::chrono::milliseconds total_child_time() {
  return std::chrono::milliseconds(child_time_ms.load());
}

std::string find_program(const std::string& name) {
  if (name.empty()) return {};
  if (name.find('/') != std::string::npos) return is_executable_file(name) ? name : std::string();
  auto found = bp::search_path(name);
  if (found.empty()) return {};
  return found.string();
}

ProcessResult SubprocessRunner::run(const ProcessSpec& spec) {
  ProcessResult result;
  const auto started = std::chrono::steady_clock::now();
  auto finish = [&]() -> ProcessResult {
    result.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - started);
    child_time_ms += result.elapsed.count();
    return result;
  };

  if (spec.argv.empty()) {
    result.status = ProcessResult::Status::StartFailed;
    result.error = "empty command";
    return finish();
  }
  const std::string exe = find_program(spec.argv[0]);
  if (exe.empty()) {
    result.status = ProcessResult::Status::NotFound;
    result.error = "'" + spec.argv[0] + "' not found" +
                   (spec.argv[0].find('/') == std::string::npos ? " on PATH" : "");
    return finish();
  }

  asio::io_context io;
  bp::async_pipe out_pipe(io), err_pipe(io);
  Capture out_capture, err_capture;
  out_capture.cap = err_capture.cap = spec.output_cap;
  bp::environment env = boost::this_process::environment();
  for (const auto& [key, value] : spec.environment) env[key] = value;
  std::vector<std::string> args(spec.argv.begin() + 1, spec.argv.end());

  std::error_code start_error;
  bp::child child;
  try {
    // setpgid in the child before exec: the child leads a new process group, so one kill(-pgid)
    // reaches every descendant that stayed in it (Dafny's z3, a shell's sleep ...).
    auto own_group = bp::extend::on_exec_setup([](auto&) { ::setpgid(0, 0); });
    if (spec.working_directory.empty()) {
      child = bp::child(bp::exe = exe, bp::args = args, bp::std_in<bp::null, bp::std_out> out_pipe,
                        bp::std_err > err_pipe, env, own_group, io, start_error);
    } else {
      child = bp::child(bp::exe = exe, bp::args = args, bp::std_in<bp::null, bp::std_out> out_pipe,
                        bp::std_err > err_pipe, env, own_group,
                        bp::start_dir = spec.working_directory, io, start_error);
    }
  } catch (const std::exception& e) {
    result.status = ProcessResult::Status::StartFailed;
    result.error = std::string("could not start '") + spec.argv[0] + "': " + e.what();
    return finish();
  }
  if (start_error || !child.valid()) {
    result.status = ProcessResult::Status::StartFailed;
    result.error = "could not start '" + spec.argv[0] + "': " + start_error.message();
    return finish();
  }
  const pid_t group = child.id();
  register_child_group(group);

  auto out_reader = std::make_shared<PipeReader>(out_pipe, out_capture);
  auto err_reader = std::make_shared<PipeReader>(err_pipe, err_capture);
  out_reader->start();
  err_reader->start();

  bool exited = false;
  bool timed_out = false;
  int raw_status = 0;
  std::chrono::steady_clock::time_point kill_at{}, exited_at{};
  asio::steady_timer tick(io);

  std::function<void()> poll = [&]() {
    const auto now = std::chrono::steady_clock::now();
    if (!exited) {
      std::error_code ec;
      if (!child.running(ec)) {
        exited = true;
        exited_at = now;
        raw_status = child.native_exit_code();
        // The direct child is gone; whatever it left in its group must not outlive it.
        ::kill(-group, SIGKILL);
      } else if (!timed_out && spec.deadline.expired()) {
        timed_out = true;
        ::kill(-group, SIGTERM);
        kill_at = now + spec.grace;
      } else if (timed_out && now >= kill_at) {
        ::kill(-group, SIGKILL);
      }
    }
    if (exited && out_reader->done() && err_reader->done()) return;  // all done: let run() end
    if (exited && now - exited_at > kPipeDrainLimit) {
      boost::system::error_code ignored;
      out_pipe.close(ignored);
      err_pipe.close(ignored);
      return;
    }
    tick.expires_after(kPollInterval);
    tick.async_wait([&](const boost::system::error_code&) { poll(); });
  };
  poll();
  io.run();
  unregister_child_group(group);

  result.out = std::move(out_capture.head);
  result.out_tail = std::move(out_capture.tail);
  result.out_truncated = out_capture.truncated;
  result.err = std::move(err_capture.head);
  result.err_truncated = err_capture.truncated;

  if (timed_out) {
    result.status = ProcessResult::Status::TimedOut;
  } else if (WIFSIGNALED(raw_status)) {
    result.status = ProcessResult::Status::Signaled;
    result.signal = WTERMSIG(raw_status);
  } else if (WIFEXITED(raw_status)) {
    result.status = ProcessResult::Status::Exited;
    result.exit_code = WEXITSTATUS(raw_status);
  } else {
    result.status = ProcessResult::Status::StartFailed;
    result.error = "unrecognised wait status " + std::to_string(raw_status);
  }
  return finish();
}

}  // namespace verigen
