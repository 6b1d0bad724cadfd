// The builtin answer to a Dafny specify task (gen/builtin: template contracts, loop-exit
// ensures, recursion measures, Houdini-pruned by the real Dafny).

#include <catch2/catch.hpp>

#include "backends/dafny/dafny_backend.h"
#include "gen/builtin/builtin_generator.h"

using namespace verigen;
using namespace std::chrono_literals;

// Contract: a contract-less program whose recursive function shrinks its second parameter and
// whose method's loop decides its result comes back verified, with the measure Dafny's default
// lacks (`decreases b`) and the loop's exit as a postcondition the caller can use.
TEST_CASE("builtin specify: recursion measure and loop-exit ensures", "[verifier:dafny]") {
  Task task;
  task.language = Language::Dafny;
  task.kind = TaskKind::Specify;
  task.spec_path = "specify.dfy";
  task.spec_text =
      "function Gcd(a: int, b: int): int\n{\n  if b == 0 then a else Gcd(b, a % b)\n}\n"
      "method Half(x: int) returns (r: int)\n{\n  r := 0;\n"
      "  while r + r < x\n  {\n    r := r + 1;\n  }\n}\n"
      "method Main(x: int) returns (y: int)\n{\n  var r := Half(x);\n  y := Gcd(r + 1, 1);\n"
      "  assert r + r >= x;\n}\n";
  SubprocessRunner runner;
  dafny::DafnyBackend backend(runner);
  BuiltinGenerator generator(backend, nullptr);
  auto out = generator.generate(task, 1, Deadline::after(600s));
  REQUIRE(out.ok());
  REQUIRE(out->size() == 1);
  const std::string& program = (*out)[0].text;
  INFO(program << "\n" << (*out)[0].origin);
  CHECK(program.find("    decreases b\n") != std::string::npos);
  CHECK(program.find("    ensures !(r + r < x)\n") != std::string::npos);
  Candidate c;
  c.display_path = task.spec_path;
  c.text = program;
  CHECK(backend.verify(c, Deadline::after(300s)).verified());
}
