#pragma once
/// `dafny audit`: Dafny's own list of the assumptions a program rests on, the first source of
/// truth for what a Dafny proof takes on trust.

#include <string>
#include <string_view>
#include <vector>

#include "core/assumption.h"
#include "core/diagnostic.h"
#include "core/process.h"
#include "core/result.h"

namespace verigen::dafny {

/// The argv that audits `files` with the Dafny command `dafny`.
std::vector<std::string> audit_command(std::vector<std::string> dafny,
                                       const std::vector<std::string>& files);

/// Reads the text `dafny audit` prints. Every finding line (`FILE(L,C): Warning: NAME: ISSUE.
/// Possible mitigation: ...`) is an assumption, whatever its issue says: the kind is read from
/// the construct the issue quotes (`{:axiom}`, `decreases *` ...) and is "other" when none is
/// recognised. Warnings of the resolver that mark an assumption (an `assume` without {:axiom},
/// an extern contract, @VerifyOnly, {:verify false}, a loop without a body) are assumptions
/// too. Fails, so that nothing is verified on a misreading, when the run did not end with
/// "Dafny auditor completed with N findings" or N differs from the finding lines read.
Result<std::vector<Assumption>> parse_audit_output(std::string_view out, const PathMapping& paths);

/// Runs `dafny audit` on `files` (the first is the candidate; paths map through `paths`)
/// before `deadline`. A failed run (a crash, a time-out, resolution errors) is a Failure.
Result<std::vector<Assumption>> run_dafny_audit(ProcessRunner& runner,
                                                const std::vector<std::string>& dafny,
                                                const std::vector<std::string>& files,
                                                const PathMapping& paths, Deadline deadline);

}  // namespace verigen::dafny
