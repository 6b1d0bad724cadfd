// verigen_sygus_to_dafny PROBLEM.sl [--invariant BODY]: prints the problem as the Dafny loop of
// specs/sygus/to_dafny.h, or with --invariant (a SyGuS body or define-fun, as `verigen inv`
// prints it) that invariant as a Dafny expression over the loop's variables. For
// benchmarks/annotate/run.py --sygus, which runs `verigen gen` on the loop beside `verigen inv`
// on the problem. Exit 2 with one line naming the file and place when the problem cannot be
// read or translated.
#include <iostream>
#include <string>

#include "specs/sygus/problem.h"
#include "specs/sygus/to_dafny.h"

int main(int argc, char** argv) {
  using namespace verigen::sygus;
  if (argc != 2 && !(argc == 4 && std::string(argv[2]) == "--invariant")) {
    std::cerr << "usage: verigen_sygus_to_dafny PROBLEM.sl [--invariant BODY]\n";
    return 2;
  }
  auto problem = load_problem(argv[1]);
  if (!problem.ok()) {
    std::cerr << problem.error() << "\n";
    return 2;
  }
  verigen::Result<std::string> out = std::string();
  if (argc == 2) {
    out = to_dafny(*problem);
  } else {
    auto body = parse_invariant(argv[3], *problem, "--invariant");
    if (!body.ok()) {
      std::cerr << body.error() << "\n";
      return 2;
    }
    out = invariant_to_dafny(*problem, *body);
  }
  if (!out.ok()) {
    std::cerr << out.error() << "\n";
    return 2;
  }
  std::cout << *out << (argc == 2 ? "" : "\n");
  return 0;
}
