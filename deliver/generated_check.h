#pragma once
/// Re-checking generated code against its certificate (the pre-commit hook's work).

#include <optional>
#include <string>
#include <vector>

#include "core/backend.h"
#include "core/diagnostic.h"
#include "deliver/certificate_key.h"
#include "deliver/file_tree.h"

namespace verigen {

/// Where a file's certificate marker is: its 1-based line and the certificate path it names
/// (resolved against the file's directory).
struct CertificateMarker {
  int line = 0;
  std::string certificate_path;
};

/// The marker of `text` (a file at `path`), if it has one.
std::optional<CertificateMarker> find_marker(const std::string& path, const std::string& text);

/// Checks one generated file, reading it, its certificate and the certified source from
/// `tree` (the working tree, or git's index for a pre-commit check): its marker names a
/// readable, unaltered certificate that lists the file; the file's code hash matches the
/// certificate; the certified Dafny source is unchanged and still verifies with `backend`.
/// With a `key`, the certificate must carry a MAC made with it; without one, a keyed
/// certificate is refused (see parse_certificate).
/// Returns one error diagnostic per problem (`file:line: error: ...`), empty when the file
/// passes. A file without a marker gives an error too (callers scanning a repository skip
/// unmarked files themselves). Never throws.
std::vector<Diagnostic> check_generated_file(const std::string& path, FileTree& tree,
                                             Backend& backend, Deadline deadline,
                                             const CertificateKey* key = nullptr);

/// check_generated_file() on the working tree.
std::vector<Diagnostic> check_generated_file(const std::string& path, Backend& backend,
                                             Deadline deadline);

}  // namespace verigen
