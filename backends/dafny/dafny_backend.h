#pragma once
/// The Dafny 4 back-end: `dafny verify --json-output` (through warm servers or one child
/// process per candidate) for the proof, then `dafny audit` and verigen's own scan for what the
/// proof rests on. Included files are verified and audited with the program.

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "backends/dafny/dafny_assumptions.h"
#include "backends/dafny/dafny_includes.h"
#include "backends/dafny/dafny_server.h"
#include "backends/dafny/dafny_tool.h"
#include "core/backend.h"
#include "core/process.h"

namespace verigen::dafny {

/// Options that change what Dafny concludes; all of them enter the cache key.
struct DafnyOptions {
  /// Seconds per assertion batch (`--verification-time-limit`); 0 keeps Dafny's default (30).
  int verification_time_limit = 20;
  /// Pass `--allow-warnings` (the default): Dafny 4 otherwise fails programs over benign warnings
  /// (missing triggers). Escape-hatch warnings are still refused by interpret_verify_run.
  /// false keeps Dafny's own policy, where every warning fails the run.
  bool allow_warnings = true;
  /// `--resource-limit`, a deterministic alternative to time; 0 = none.
  long resource_limit = 0;
  /// `--cores` for one Dafny process.
  int cores = 1;
  /// Verify through warm `dafny server` processes (one per concurrent caller) instead of one
  /// `dafny verify` process per candidate; any server trouble falls back to the process.
  /// VERIGEN_DAFNY_SERVER=0 in the environment turns it off. Not part of the fingerprint: both
  /// paths give the same verdicts.
  bool use_server = true;
  /// Where detected tool versions are remembered (see detect_dafny); empty: always ask Dafny.
  /// Not part of the fingerprint: it changes how fast, not what, Dafny answers.
  std::string version_memo_dir;
};

/// Makes a warm server for the back-end's pool (one per concurrent caller).
using WarmServerFactory = std::function<std::unique_ptr<WarmServer>()>;

class DafnyBackend : public Backend {
 public:
  /// `runner` must outlive the back-end. Dafny is located and its version checked lazily, once.
  /// `make_server` makes the warm servers; empty (the default) starts `dafny server` processes.
  DafnyBackend(ProcessRunner& runner, DafnyOptions options = {},
               WarmServerFactory make_server = {});

  std::string name() const override { return "dafny"; }
  /// "4.11.0", or "" when Dafny is missing or older than 4 (see tool_error()).
  std::string version() override;
  std::string options_fingerprint() const override;
  /// The z3 on PATH that Dafny runs.
  std::string solver_version() override;
  /// The included files' paths and contents.
  std::string dependency_fingerprint(const Candidate& candidate) override;
  /// Why Dafny cannot be used (missing, too old); "" when it can.
  std::string tool_error();

  /// The argv for verifying `file` (exposed for the benchmark, which runs plain Dafny the same
  /// way).
  std::vector<std::string> verify_command(const std::string& file, const std::string& symbol,
                                          const std::vector<IncludedFile>& included = {}) const;

  /// Verdicts answered by a warm server, and candidates that fell back to a process.
  int served() const { return served_; }
  int fallbacks() const { return fallbacks_; }

 protected:
  Verdict do_verify(const Candidate& candidate, Deadline deadline) override;

 private:
  void detect();
  /// The verification options both paths pass to Dafny.
  std::vector<std::string> verification_options() const;
  /// The proof alone: Dafny's verdict on `candidate` and its included files.
  Verdict prove(const Candidate& candidate, const std::vector<IncludedFile>& included,
                Deadline deadline);
  /// What a verified proof rests on, each assumption judged by the candidate's policy; a
  /// Failure when that cannot be established.
  Result<std::vector<Assumption>> assumptions_of(const Candidate& candidate,
                                                 const std::vector<IncludedFile>& included,
                                                 Deadline deadline);
  /// An assumption when the proof needs an `expect` the policy does not allow (Dafny assumes
  /// what an `expect` checks at run time): the program is verified again without them.
  std::optional<Assumption> needed_expect(const Candidate& candidate,
                                          const std::vector<IncludedFile>& included,
                                          Deadline deadline);
  /// The server path; nullopt when the candidate must go to a process instead.
  std::optional<Verdict> verify_with_server(const Candidate& candidate, Deadline deadline);
  std::unique_ptr<WarmServer> take_server();
  void give_back(std::unique_ptr<WarmServer> server);

  ProcessRunner& runner_;
  DafnyOptions options_;
  WarmServerFactory make_server_;
  std::once_flag detected_;
  std::vector<std::string> command_;
  std::string version_;
  std::string tool_error_;
  std::mutex pool_mutex_;
  std::vector<std::unique_ptr<WarmServer>> idle_servers_;
  std::unique_ptr<AssumptionFinder> finder_;
  std::atomic<int> served_{0};
  std::atomic<int> fallbacks_{0};
};

}  // namespace verigen::dafny
