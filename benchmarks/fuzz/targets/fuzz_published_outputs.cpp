// libFuzzer target: the replay-outputs reader (benchmarks/harness/published_outputs: DafnyBench's
// `<model>.json` and `<model>_results.csv`) and the code-block extraction its generator runs on
// each output. The part of the input before a NUL byte is the JSON, the part after it the CSV.

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "benchmarks/harness/published_outputs.h"
#include "fuzz_input.h"

namespace {

namespace fs = std::filesystem;

/// A private folder for the two files, made once per fuzzing process.
const fs::path& folder() {
  static const fs::path dir = [] {
    auto d = fs::temp_directory_path() / ("verigen-fuzz-outputs-" + std::to_string(::getpid()));
    fs::create_directories(d);
    return d;
  }();
  return dir;
}

void write(const fs::path& path, std::string_view text) {
  std::ofstream(path, std::ios::binary | std::ios::trunc)
      .write(text.data(), static_cast<std::streamsize>(text.size()));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace verigen;
  auto [json, csv] = fuzz::split_at_nul(fuzz::as_text(data, size));
  const auto json_path = folder() / "model.json";
  const auto csv_path = folder() / "model_results.csv";
  write(json_path, json);
  std::error_code ignored;
  if (csv.empty())
    fs::remove(csv_path, ignored);
  else
    write(csv_path, csv);

  auto outputs = bench::load_published_outputs(json_path.string());
  if (!outputs.ok()) {
    fuzz::require(outputs.error().rfind(json_path.string(), 0) == 0 ||
                      outputs.error().rfind(csv_path.string(), 0) == 0,
                  "an error names the file");
    fuzz::require(outputs.error().find('\n') == std::string::npos, "an error is one line");
    return 0;
  }
  Task task;
  for (const auto& [file, output] : outputs->by_file) {
    auto generator = bench::make_published_generator(outputs->model, output);
    auto raw = generator->generate(task, 1, Deadline::never());
    fuzz::require(raw.ok() && raw->size() == 1, "one candidate per output");
  }
  return 0;
}
