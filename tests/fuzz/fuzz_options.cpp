// libFuzzer harness: the options parser (the JSON the JS API passes), then an analysis with what it parsed.
#include <cstddef>
#include <cstdint>

#include "fuzz_common.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  load_analyzer_data();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view json(reinterpret_cast<const char*>(data), size);
  std::string error;
  const article::Options options = article::options_from_json(json, &error);
  static const std::string text = "Sáng 29/12, ông Lê Văn Sơn cho biết: “Chúng tôi sẽ làm tốt hơn”.\nThu Hà";
  check_result(article::analyze(text, options), text.size());
  return 0;
}
