#include "benchmarks/suites/dafny_strip.h"

#include <algorithm>
#include <set>
#include <utility>
#include <vector>

#include "specs/dafny/structure.h"

namespace verigen::bench {
namespace {

using ByteRange = std::pair<std::size_t, std::size_t>;

bool blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

/// Widens [begin, end) to its whole lines when nothing but blanks shares them, so a removed
/// clause does not leave an empty line behind; otherwise takes the blanks before it, so
/// `while c invariant p {` becomes `while c {`.
ByteRange widen(const std::string& text, ByteRange r) {
  auto [begin, end] = r;
  std::size_t line_start = begin;
  while (line_start > 0 && blank(text[line_start - 1])) --line_start;
  std::size_t line_end = end;
  while (line_end < text.size() && blank(text[line_end])) ++line_end;
  bool alone_before = line_start == 0 || text[line_start - 1] == '\n';
  bool alone_after = line_end == text.size() || text[line_end] == '\n';
  if (alone_before && alone_after) return {line_start, std::min(text.size(), line_end + 1)};
  return {line_start, end};
}

}  // namespace

Result<std::string> strip_dafny_annotations(const std::string& path, const std::string& text) {
  dafny::Structure s = dafny::parse_structure(text);
  if (s.error) return fail(path + ": error: cannot strip annotations: " + *s.error);
  const auto& tokens = s.lexed.tokens;
  std::vector<ByteRange> raw;
  auto add = [&](dafny::TokenRange r) {
    if (r.empty() || r.last > tokens.size()) return;
    // `decreases *` is no proof hint: it lets a method diverge, and its callers must say it too.
    if (r.last - r.first >= 2 && tokens[r.first].text == "decreases" &&
        tokens[r.first + 1].text == "*")
      return;
    raw.push_back({tokens[r.first].begin, tokens[r.last - 1].end});
  };
  static const std::set<std::string> kDeclarationClauses = {"requires", "ensures", "decreases"};
  static const std::set<std::string> kLoopClauses = {"invariant", "decreases"};
  for (const auto& d : s.declarations)
    for (const auto& c : d.contracts)
      if (kDeclarationClauses.count(c.keyword)) add(c.tokens);
  for (const auto& loop : s.loops)
    for (const auto& c : loop.clauses)
      if (kLoopClauses.count(c.keyword)) add(c.tokens);
  for (const auto& p : s.proof_statements)
    if (p.keyword == "assert") add(p.tokens);

  // Clauses separated by blanks on one line (`ensures p decreases n`) go as one range, so the
  // line they leave empty goes too; then ranges may touch or nest once widened.
  std::sort(raw.begin(), raw.end());
  std::vector<ByteRange> cut;
  for (std::size_t i = 0; i < raw.size();) {
    ByteRange r = raw[i++];
    while (i < raw.size() && raw[i].first >= r.second &&
           std::all_of(text.begin() + r.second, text.begin() + raw[i].first, blank))
      r.second = std::max(r.second, raw[i++].second);
    cut.push_back(widen(text, r));
  }
  std::sort(cut.begin(), cut.end());
  std::string out;
  out.reserve(text.size());
  std::size_t at = 0;
  for (const auto& [begin, end] : cut) {
    if (begin > at) out.append(text, at, begin - at);
    at = std::max(at, end);
  }
  if (at < text.size()) out.append(text, at, std::string::npos);
  return out;
}

}  // namespace verigen::bench
