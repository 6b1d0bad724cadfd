// Prints the synthetic run log (test/rank/synthetic_log.h) on stdout. The shipped default model
// is trained on it until real SyGuS run logs replace it:
//   make_synthetic_log 200 7 > log.jsonl && verigen rank train log.jsonl --out
//   rank/default_model.json
#include <cstdlib>
#include <iostream>

#include "test/rank/synthetic_log.h"

int main(int argc, char** argv) {
  const int tasks = argc > 1 ? std::atoi(argv[1]) : 200;
  const unsigned long long seed = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 7;
  std::cout << verigen::test::synthetic_log(tasks, seed);
  return 0;
}
