#include "deliver/git_index.h"

#include <cstdlib>

namespace verigen {
namespace fs = std::filesystem;

namespace {

// Staged files larger than this are not generated code worth reading whole.
constexpr std::size_t kBlobCap = 64u << 20;

std::string first_line(const std::string& text) {
  std::string line = text.substr(0, text.find('\n'));
  while (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

/// Splits git's -z output.
std::vector<std::string> split_nul(const std::string& text) {
  std::vector<std::string> parts;
  std::size_t pos = 0;
  while (pos < text.size()) {
    auto end = text.find('\0', pos);
    if (end == std::string::npos) end = text.size();
    if (end > pos) parts.push_back(text.substr(pos, end - pos));
    pos = end + 1;
  }
  return parts;
}

/// An absolute path relative to `top` (symbolic links resolved as far as the path exists, as
/// git resolved them in `top`).
fs::path relative_to(const fs::path& absolute, const fs::path& top) {
  std::error_code ec;
  fs::path canonical = fs::weakly_canonical(absolute, ec);
  return (ec ? absolute : canonical).lexically_normal().lexically_relative(top);
}

}  // namespace

Result<std::string> GitIndex::git(const std::vector<std::string>& args, std::size_t cap) const {
  ProcessSpec spec;
  spec.argv = {"git"};
  spec.argv.insert(spec.argv.end(), args.begin(), args.end());
  spec.working_directory = top_.string();
  spec.deadline = Deadline::after(std::chrono::seconds(60));
  spec.output_cap = cap;
  auto r = runner_.run(spec);
  if (r.status == ProcessResult::Status::NotFound) return fail("git: error: git is not installed");
  if (!r.exited()) return fail("git " + args.front() + ": error: " + r.describe());
  if (r.exit_code != 0) return fail("git " + args.front() + ": error: " + first_line(r.err));
  if (r.out_truncated)
    return fail("git " + args.front() + ": error: output larger than " + std::to_string(cap >> 20) +
                " MiB");
  return r.out;
}

Result<std::unique_ptr<GitIndex>> GitIndex::open(ProcessRunner& runner) {
  ProcessSpec spec;
  spec.argv = {"git", "rev-parse", "--show-toplevel", "--show-prefix"};
  spec.deadline = Deadline::after(std::chrono::seconds(60));
  auto r = runner.run(spec);
  if (r.status == ProcessResult::Status::NotFound) return fail("git: error: git is not installed");
  if (!r.exited() || r.exit_code != 0)
    return fail("verigen check: error: --staged needs a git work tree (" + first_line(r.err) + ")");
  auto newline = r.out.find('\n');
  std::string top = r.out.substr(0, newline);
  std::string prefix = newline == std::string::npos ? "" : first_line(r.out.substr(newline + 1));
  std::unique_ptr<GitIndex> index(new GitIndex(runner, fs::path(top), prefix));
  if (auto loaded = index->load_entries(); !loaded.ok()) return fail(loaded.error());
  return index;
}

Result<void> GitIndex::load_entries() {
  // One listing of the whole index: "<mode> <blob> <stage>\t<path>", NUL-terminated.
  auto listing = git({"ls-files", "--stage", "-z"}, 256u << 20);
  if (!listing.ok()) return fail(listing.error());
  for (const std::string& record : split_nul(*listing)) {
    auto tab = record.find('\t');
    auto first = record.find(' ');
    auto second = record.find(' ', first + 1);
    if (tab == std::string::npos || first == std::string::npos || second == std::string::npos ||
        second > tab)
      return fail("git ls-files: error: unexpected line '" + record + "'");
    Entry entry{record.substr(0, first), record.substr(first + 1, second - first - 1),
                std::atoi(record.c_str() + second + 1)};
    // An unmerged path has several stages; stage 0 never coexists with them.
    auto [it, inserted] = entries_.emplace(record.substr(tab + 1), entry);
    if (!inserted && entry.stage > it->second.stage) it->second = entry;
  }
  return {};
}

Result<std::vector<std::string>> GitIndex::files_containing(const std::string& needle) {
  ProcessSpec spec;
  // --cached searches the staged blobs; exit 1 means no file matched.
  spec.argv = {"git", "grep", "--cached", "-l", "-z", "-F", "-e", needle};
  spec.working_directory = top_.string();
  spec.deadline = Deadline::after(std::chrono::minutes(5));
  spec.output_cap = 64u << 20;
  auto r = runner_.run(spec);
  if (!r.exited() || (r.exit_code != 0 && r.exit_code != 1) || r.out_truncated)
    return fail("git grep: error: " + (r.exited() ? first_line(r.err) : r.describe()));
  return split_nul(r.out);
}

Result<std::string> GitIndex::from_command_line(const std::string& path) const {
  fs::path p = path;
  if (p.is_relative()) {
    p = (fs::path(prefix_) / p).lexically_normal();
  } else {
    p = relative_to(p, top_);
  }
  std::string s = p.string();
  if (s.empty() || s == "." || s.rfind("..", 0) == 0)
    return fail(path + ": error: not inside the git work tree " + top_.string());
  return s;
}

Result<fs::path> GitIndex::locate(const std::string& path) {
  fs::path p =
      fs::path(path).is_absolute() ? relative_to(path, top_) : fs::path(path).lexically_normal();
  std::string s = p.string();
  if (s.empty() || s.rfind("..", 0) == 0)
    return fail(path + " is outside the git work tree " + top_.string() +
                ", so no commit can hold it");
  return p;
}

Result<std::optional<std::string>> GitIndex::read(const std::string& path) {
  auto located = locate(path);
  if (!located.ok()) return fail(located.error());
  auto it = entries_.find(located->generic_string());
  if (it == entries_.end()) return std::optional<std::string>();
  const Entry& e = it->second;
  if (e.stage != 0)
    return fail(path + ": error: unmerged in the index (resolve the conflict first)");
  if (e.mode == "120000") return fail(path + ": error: a symbolic link in the index, not a file");
  if (e.mode == "160000") return fail(path + ": error: a submodule in the index, not a file");
  auto blob = git({"cat-file", "blob", e.blob}, kBlobCap);
  if (!blob.ok()) return fail(path + ": error: cannot read the staged content: " + blob.error());
  return std::optional<std::string>(std::move(*blob));
}

}  // namespace verigen
