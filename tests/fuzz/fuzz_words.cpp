// libFuzzer harness: arbitrary bytes as a word list (set_word_list), compiled or text: the compiled form's
// reader half the time (the bytes after the "AAWL" magic), a text list otherwise; then an analysis that
// segments with whatever was registered (no list at all where the bytes were refused).
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_common.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  load_analyzer_data();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  if (size > 0 && data[0] % 2 == 0) bytes = "AAWL" + bytes.substr(1);
  article::set_word_list(bytes);
  // Syllables in and out of any list, a name, a number with its multiplier.
  const std::string text = "Ngôi nhà của công ty Lê Ngọc Châu ở Hà Nội được bán với giá 10 tỷ đồng.";
  check_result(article::analyze(text), text.size());
  return 0;
}
