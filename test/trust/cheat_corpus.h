#pragma once
// The cheat corpus (test/fixtures/cheats, see its README): each case's spec, kind and legs.

#include <string>
#include <vector>

namespace verigen::test {

struct CorpusCase {
  std::string path;               ///< the answer file
  std::string name;               ///< its file name
  std::string what;               ///< the "cheat:" or "honest:" line
  std::string spec;               ///< path of the spec it answers
  std::string kind;               ///< implement, annotate, specify
  std::vector<std::string> legs;  ///< verify, against, gen
  std::string text;               ///< the whole answer
  bool honest = false;

  bool has_leg(const std::string& leg) const;
};

/// The cases of the corpus ("cases/" for cheats, "honest/" for honest answers), sorted by name.
/// A case whose header is malformed fails the calling test.
std::vector<CorpusCase> load_corpus(const std::string& folder);

/// The corpus's root folder in the source tree.
std::string corpus_root();

}  // namespace verigen::test
