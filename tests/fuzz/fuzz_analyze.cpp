// libFuzzer harness: article::analyze and article::analyze_json on arbitrary bytes (tests/fuzz/README.md).
#include <cstddef>
#include <cstdint>

#include "fuzz_common.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  load_analyzer_data();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  article::Options options;
  options.output.tokens = size % 2 == 0 ? article::ListForm::kObjects : article::ListForm::kOmitted;  // both ways, from the input's own bits
  const article::Analysis analysis = article::analyze(input, options);
  check_result(analysis, size);
  // The streaming path (the CLI, the wasm module) writes the very same document.
  std::string streamed;
  article::analyze_json(input, options, [&streamed](std::string_view piece) { streamed += piece; });
  if (streamed != article::to_json(analysis)) __builtin_trap();
  return 0;
}
