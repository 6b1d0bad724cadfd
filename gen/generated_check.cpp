#include "gen/generated_check.h"

#include <filesystem>

#include "core/file_io.h"
#include "core/hash.h"
#include "gen/certificate.h"

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

/// `p` as an absolute path with symbolic links resolved as far as it exists; an empty `p` is
/// the current directory. Never throws: fs::absolute("") did, and aborted `check` run in the
/// certificate's own folder.
Result<fs::path> resolved(const fs::path& p) {
  fs::path absolute = p;
  if (p.is_relative()) {
    std::error_code ec;
    fs::path cwd = fs::current_path(ec);
    if (ec) return fail("cannot read the current directory: " + ec.message());
    absolute = cwd / p;
  }
  std::error_code ec;
  fs::path canonical = fs::weakly_canonical(absolute, ec);
  return ec ? absolute.lexically_normal() : canonical.lexically_normal();
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
      std::string named = trim(std::string(current.substr(at + std::string_view(kCertificateMarker).size())));
      fs::path certificate = named;
      if (certificate.is_relative()) certificate = fs::path(path).parent_path() / certificate;
      return CertificateMarker{line, certificate.lexically_normal().string()};
    }
    pos = end + 1;
    ++line;
  }
  return std::nullopt;
}

std::vector<Diagnostic> check_generated_file(const std::string& path, Backend& backend,
                                             Deadline deadline) {
  auto text = read_file(path);
  if (!text.ok()) return {error_at(path, 0, text.error())};
  auto marker = find_marker(path, *text);
  if (!marker) return {error_at(path, 1, "no verigen certificate marker in this file")};
  const int line = marker->line;

  std::error_code ec;
  if (!fs::exists(marker->certificate_path, ec))
    return {error_at(path, line, "certificate " + marker->certificate_path + " is missing")};
  auto certificate = read_certificate(marker->certificate_path);
  if (!certificate.ok()) return {error_at(path, line, certificate.error())};

  std::vector<Diagnostic> problems;
  const fs::path base = fs::path(marker->certificate_path).parent_path();
  // The certificate lists files relative to its own folder; both sides are resolved first, so
  // the answer depends neither on the current directory nor on how the paths were spelled.
  auto file_abs = resolved(path);
  auto base_abs = resolved(base);
  if (!file_abs.ok()) return {error_at(path, line, file_abs.error())};
  if (!base_abs.ok()) return {error_at(path, line, base_abs.error())};
  const std::string relative = file_abs->lexically_relative(*base_abs).string();
  auto recorded = certificate->code_sha256.find(relative);
  if (recorded == certificate->code_sha256.end()) {
    problems.push_back(error_at(path, line, "this file is not listed in its certificate " + marker->certificate_path));
  } else if (recorded->second != code_hash(*text)) {
    problems.push_back(error_at(path, line,
        "generated code was edited by hand (its hash no longer matches " + marker->certificate_path +
        "); change the spec and run verigen gen again, or restore the generated code"));
  }

  const std::string source_path = (base / certificate->source_path).lexically_normal().string();
  auto source = read_file(source_path);
  if (!source.ok()) {
    problems.push_back(error_at(path, line, "certified source " + source_path + " is missing"));
    return problems;
  }
  if (sha256_hex(*source) != certificate->source_sha256) {
    problems.push_back(error_at(path, line, "certified source " + source_path + " was changed after certification"));
    return problems;
  }
  Candidate candidate;
  candidate.display_path = source_path;
  candidate.text = *source;
  Verdict verdict = backend.verify(candidate, deadline);
  if (!verdict.verified()) {
    std::string why = !verdict.diagnostics.empty() ? format_diagnostic(verdict.diagnostics.front()) : verdict.detail;
    problems.push_back(error_at(path, line, "certified source " + source_path + " no longer verifies (" +
                                                std::string(to_string(verdict.outcome)) + "): " + why));
  }
  return problems;
}

}  // namespace verigen
