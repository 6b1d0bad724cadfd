#include "deliver/generated_check.h"

#include <filesystem>

#include "core/hash.h"
#include "deliver/certificate.h"

namespace verigen {
namespace fs = std::filesystem;

namespace {

Diagnostic error_at(const std::string& file, int line, std::string message) {
  Diagnostic d;
  d.where.file = file;
  d.where.line = line;
  d.message = std::move(message);
  d.rule = "verigen.check";
  return d;
}

std::string trim(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r' || s.back() == '\t' ||
                        s.back() == '/' || s.back() == '*'))
    s.pop_back();
  return s;
}

/// "missing" or "missing from the index (not staged)".
std::string missing(const FileTree& tree) {
  return tree.where().empty() ? "missing" : "missing " + tree.where();
}

}  // namespace

std::optional<CertificateMarker> find_marker(const std::string& path, const std::string& text) {
  std::size_t pos = 0;
  int line = 1;
  while (pos < text.size()) {
    auto end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string_view current(text.data() + pos, end - pos);
    auto at = current.find(kCertificateMarker);
    if (at != std::string_view::npos) {
      std::string named =
          trim(std::string(current.substr(at + std::string_view(kCertificateMarker).size())));
      fs::path certificate = named;
      if (certificate.is_relative()) certificate = fs::path(path).parent_path() / certificate;
      return CertificateMarker{line, certificate.lexically_normal().string()};
    }
    pos = end + 1;
    ++line;
  }
  return std::nullopt;
}

std::vector<Diagnostic> check_generated_file(const std::string& path, FileTree& tree,
                                             Backend& backend, Deadline deadline,
                                             const CertificateKey* key) {
  auto text = tree.read(path);
  if (!text.ok()) return {error_at(path, 0, text.error())};
  if (!*text) return {error_at(path, 0, "this file is " + missing(tree))};
  auto marker = find_marker(path, **text);
  if (!marker) return {error_at(path, 1, "no verigen certificate marker in this file")};
  const int line = marker->line;
  const std::string& certificate_path = marker->certificate_path;

  auto certificate_text = tree.read(certificate_path);
  if (!certificate_text.ok()) return {error_at(path, line, certificate_text.error())};
  if (!*certificate_text)
    return {error_at(path, line, "certificate " + certificate_path + " is " + missing(tree))};
  auto certificate = parse_certificate(certificate_path, **certificate_text, key);
  if (!certificate.ok()) return {error_at(path, line, certificate.error())};

  std::vector<Diagnostic> problems;
  // The certificate lists files relative to its own folder; both sides are located in the tree
  // first, so the answer depends neither on the current directory nor on the paths' spelling.
  auto file_located = tree.locate(path);
  if (!file_located.ok()) return {error_at(path, line, file_located.error())};
  auto certificate_located = tree.locate(certificate_path);
  if (!certificate_located.ok()) return {error_at(path, line, certificate_located.error())};
  const std::string relative =
      file_located->lexically_relative(certificate_located->parent_path()).generic_string();
  auto recorded = certificate->code_sha256.find(relative);
  if (recorded == certificate->code_sha256.end()) {
    problems.push_back(
        error_at(path, line, "this file is not listed in its certificate " + certificate_path));
  } else if (recorded->second != code_hash(**text)) {
    problems.push_back(error_at(
        path, line,
        "generated code was edited by hand (its hash no longer matches " + certificate_path +
            "); change the spec and run verigen gen again, or restore the generated code"));
  }

  const std::string source_path =
      (fs::path(certificate_path).parent_path() / certificate->source_path)
          .lexically_normal()
          .string();
  auto source = tree.read(source_path);
  if (!source.ok()) {
    problems.push_back(error_at(path, line, source.error()));
    return problems;
  }
  if (!*source) {
    problems.push_back(
        error_at(path, line, "certified source " + source_path + " is " + missing(tree)));
    return problems;
  }
  if (sha256_hex(**source) != certificate->source_sha256) {
    problems.push_back(error_at(
        path, line, "certified source " + source_path + " was changed after certification"));
    return problems;
  }
  Candidate candidate;
  candidate.display_path = source_path;
  candidate.text = **source;
  // Trusted then, trusted now — and nothing else: an assumption the certificate does not
  // record makes the source fail here.
  candidate.assumption_policy = certified_policy(*certificate);
  Verdict verdict = backend.verify(candidate, deadline);
  if (!verdict.verified()) {
    std::string why = !verdict.diagnostics.empty() ? format_diagnostic(verdict.diagnostics.front())
                                                   : verdict.detail;
    problems.push_back(error_at(path, line,
                                "certified source " + source_path + " no longer verifies (" +
                                    std::string(to_string(verdict.outcome)) + "): " + why));
  }
  return problems;
}

std::vector<Diagnostic> check_generated_file(const std::string& path, Backend& backend,
                                             Deadline deadline) {
  WorkingTree tree;
  return check_generated_file(path, tree, backend, deadline);
}

}  // namespace verigen
