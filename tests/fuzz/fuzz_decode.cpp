// libFuzzer harness: article::decode with every encoding, then the analysis of what it decoded.
#include <cstddef>
#include <cstdint>

#include "fuzz_common.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  load_analyzer_data();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  static const char* const encodings[] = {"auto", "utf-8", "utf-16le", "utf-16be", "windows-1258", "windows-1252"};
  const char* encoding = encodings[size % 6];
  const article::Decoded decoded = article::decode(bytes, encoding);
  if (article::decoded_to_json(decoded).empty()) __builtin_trap();
  if (decoded.ok) check_result(article::analyze(decoded.text), decoded.text.size());
  return 0;
}
