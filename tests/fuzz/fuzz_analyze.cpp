// libFuzzer harness: article::analyze on arbitrary bytes (tests/fuzz/README.md).
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
  options.include_tokens = size % 2 == 0;  // both ways, from the input's own bits
  check_result(article::analyze(input, options), size);
  return 0;
}
