#pragma once
/// What `verigen gen` leaves in --out DIR: the verified Dafny program, the compiled target code
/// (each generated file marked with its certificate), and certificate.json.

#include <map>
#include <string>
#include <vector>

#include "core/process.h"
#include "core/result.h"
#include "core/task.h"
#include "deliver/certificate.h"

namespace verigen {

/// Facts recorded in the certificate beyond the files themselves.
struct GenProvenance {
  std::string verifier;
  std::string dafny_version;
  std::string z3_version;
  std::string verifier_options;
  std::string provider;
  std::string model;
  nlohmann::json timings = nlohmann::json::object();
  nlohmann::json generation = nlohmann::json::object();
  std::vector<Assumption> assumptions;  ///< the winner's trusted assumptions
};

struct GenArtifacts {
  std::string verified_source;  ///< DIR/<stem>.dfy
  std::string certificate;      ///< DIR/certificate.json; empty until it is written
  std::string entry_point;      ///< the program to run (DIR/py/<stem>-py/__main__.py)
  std::string run_command;
  std::vector<std::string> marked_files;  ///< generated code carrying the certificate marker
  std::map<std::string, std::string> code_sha256;  ///< generated file (relative to DIR) → code hash
};

/// Writes the verified `program` for `task` into `out_dir` (keeping the spec's file name and
/// extension), compiles it to `target` (py, js, cs, java, go; Dafny only; "" for none) and marks
/// the generated source files with the certificate's name. Writes no certificate, and first
/// removes one an earlier run left in `out_dir`: until write_gen_certificate() issues one, the
/// marked files name a certificate that does not exist, and `verigen check` refuses them.
Result<GenArtifacts> write_gen_program(ProcessRunner& runner, const std::string& out_dir,
                                       const Task& task, const std::string& program,
                                       const std::string& target, Deadline deadline);

/// Writes certificate.json for what write_gen_program() wrote (`artifacts`, whose `certificate`
/// it sets). Call it only once everything the run checks has passed.
/// With a `key` the certificate carries its HMAC (keyed mode).
Result<void> write_gen_certificate(const Task& task, const std::string& program,
                                   const std::string& target, const GenProvenance& provenance,
                                   GenArtifacts& artifacts, const CertificateKey* key = nullptr);

/// write_gen_program() then write_gen_certificate(): the certificate comes last, so it never
/// names files that were not fully written.
Result<GenArtifacts> write_gen_output(ProcessRunner& runner, const std::string& out_dir,
                                      const Task& task, const std::string& program,
                                      const std::string& target, const GenProvenance& provenance,
                                      Deadline deadline, const CertificateKey* key = nullptr);

}  // namespace verigen
