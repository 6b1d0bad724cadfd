#include "deliver/gen_output.h"

#include <algorithm>
#include <filesystem>

#include "backends/dafny/dafny_compiler.h"
#include "core/file_io.h"
#include "core/hash.h"

namespace verigen {
namespace fs = std::filesystem;

namespace {

/// Comment syntax of the targets whose generated sources can carry a marker.
std::string comment_prefix(const std::string& target) {
  if (target == "py") return "# ";
  if (target == "js" || target == "go" || target == "java" || target == "cs") return "// ";
  return {};
}

std::string source_extension(const std::string& target) {
  if (target == "py") return ".py";
  if (target == "js") return ".js";
  return {};
}

/// Dafny's runtime libraries are copied next to the program; they are not generated from the
/// spec and carry no marker.
bool is_runtime_path(const fs::path& relative) {
  for (const auto& part : relative) {
    auto name = part.string();
    if (name == "_dafny" || name == "System_" || name == "__pycache__" || name == "node_modules")
      return true;
  }
  return false;
}

}  // namespace

Result<GenArtifacts> write_gen_program(ProcessRunner& runner, const std::string& out_dir,
                                       const Task& task, const std::string& program,
                                       const std::string& target, Deadline deadline) {
  GenArtifacts artifacts;
  std::string stem = fs::path(task.spec_path).stem().string();
  if (stem.empty()) stem = "program";
  std::string source_ext = fs::path(task.spec_path).extension().string();
  if (source_ext.empty()) source_ext = ".dfy";
  const std::string certificate_path = (fs::path(out_dir) / "certificate.json").string();
  std::error_code ec;
  // An earlier run's certificate must not vouch for what this run writes.
  fs::remove(certificate_path, ec);
  if (ec)
    return fail(certificate_path +
                ": error: cannot remove the earlier run's certificate: " + ec.message());
  artifacts.verified_source = (fs::path(out_dir) / (stem + source_ext)).string();
  if (auto written = write_file_atomic(artifacts.verified_source, program); !written.ok())
    return fail(written.error());

  const fs::path target_dir = fs::path(out_dir) / target;
  if (!target.empty()) {
    fs::remove_all(target_dir, ec);  // stale files of an earlier run must not be certified
    auto compiled = dafny::compile_dafny(runner, artifacts.verified_source, target,
                                         target_dir.string(), deadline);
    if (!compiled.ok()) return fail(compiled.error());
    artifacts.entry_point = compiled->entry_point;
    artifacts.run_command = compiled->run_command;
  }

  const std::string prefix = comment_prefix(target);
  const std::string extension = source_extension(target);
  std::vector<fs::path> files;
  if (!target.empty())
    for (auto& entry : fs::recursive_directory_iterator(target_dir))
      if (entry.is_regular_file()) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    fs::path relative_to_target = fs::relative(file, target_dir);
    if (is_runtime_path(relative_to_target)) continue;
    auto text = read_file(file.string());
    if (!text.ok()) return fail(text.error());
    std::string content = *text;
    if (!prefix.empty() && file.extension() == extension) {
      fs::path to_certificate = fs::relative(certificate_path, file.parent_path());
      content = prefix + kCertificateMarker + to_certificate.string() + "\n" + content;
      if (auto written = write_file_atomic(file.string(), content); !written.ok())
        return fail(written.error());
      artifacts.marked_files.push_back(file.string());
    }
    artifacts.code_sha256[fs::relative(file, out_dir).string()] = code_hash(content);
  }
  return artifacts;
}

Result<void> write_gen_certificate(const Task& task, const std::string& program,
                                   const std::string& target, const GenProvenance& provenance,
                                   GenArtifacts& artifacts, const CertificateKey* key) {
  Certificate certificate;
  certificate.spec_path = task.spec_path;
  certificate.spec_sha256 = sha256_hex(task.spec_text);
  certificate.source_path = fs::path(artifacts.verified_source).filename().string();
  certificate.source_sha256 = sha256_hex(program);
  certificate.target = target;
  certificate.verifier = provenance.verifier;
  certificate.dafny_version = provenance.dafny_version;
  certificate.z3_version = provenance.z3_version;
  certificate.verifier_options = provenance.verifier_options;
  certificate.provider = provenance.provider;
  certificate.model = provenance.model;
  certificate.created_at = utc_timestamp();
  certificate.timings = provenance.timings;
  certificate.generation = provenance.generation;
  certificate.assumptions = provenance.assumptions;
  certificate.code_sha256 = artifacts.code_sha256;
  const std::string path =
      (fs::path(artifacts.verified_source).parent_path() / "certificate.json").string();
  if (auto written = write_file_atomic(path, certificate_to_json(certificate, key).dump(2) + "\n");
      !written.ok())
    return fail(written.error());
  artifacts.certificate = path;
  return {};
}

Result<GenArtifacts> write_gen_output(ProcessRunner& runner, const std::string& out_dir,
                                      const Task& task, const std::string& program,
                                      const std::string& target, const GenProvenance& provenance,
                                      Deadline deadline, const CertificateKey* key) {
  auto artifacts = write_gen_program(runner, out_dir, task, program, target, deadline);
  if (!artifacts.ok()) return artifacts;
  if (auto written = write_gen_certificate(task, program, target, provenance, *artifacts, key);
      !written.ok())
    return fail(written.error());
  return artifacts;
}

}  // namespace verigen
