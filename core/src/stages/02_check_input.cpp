// Stage 02, check_input: the bytes as given, before anything is decoded. Unusable input (too large, UTF-16,
// binary, not UTF-8, empty) gets an error and no analysis; stray NUL bytes get a warning. Nothing is ever
// truncated silently.
#include <unicode/uchar.h>

#include <algorithm>
#include <string>

#include "pipeline.h"

namespace article::internal {

bool is_binary(std::string_view utf8, std::size_t* nul_count, std::size_t* control_count) {
  std::size_t nuls = 0, controls = 0;
  for (unsigned char c : utf8) {
    if (c == 0)
      ++nuls;
    else if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v')
      ++controls;
  }
  if (nul_count) *nul_count = nuls;
  if (control_count) *control_count = controls;
  return !utf8.empty() && (nuls + controls) * 20 > utf8.size();
}

std::u16string check_input(std::string_view utf8, Problems& problems) {
  auto& errors = problems.errors;
  std::u16string input;
  if (utf8.size() > kMaxInputBytes) {
    add_message(errors, "input_too_large",
                "The input is " + std::to_string(utf8.size()) + " bytes; the limit is " +
                    std::to_string(kMaxInputBytes) + " bytes. Split the text and analyse the parts.");
    return {};
  }
  if (utf8.size() >= 2 &&
      ((static_cast<unsigned char>(utf8[0]) == 0xFF && static_cast<unsigned char>(utf8[1]) == 0xFE) ||
       (static_cast<unsigned char>(utf8[0]) == 0xFE && static_cast<unsigned char>(utf8[1]) == 0xFF))) {
    add_message(errors, "utf16_input", "The input starts with a UTF-16 byte-order mark; decode it to text first.");
    return {};
  }
  std::size_t nuls = 0, controls = 0;
  if (is_binary(utf8, &nuls, &controls)) {
    add_message(errors, "binary_input",
                "The input looks like binary data, not text (" + std::to_string(nuls + controls) +
                    " control bytes), and was not analysed.");
    return {};
  }
  std::size_t bad = 0;
  if (!decode_utf8(utf8, input, bad)) {
    add_message(errors, "invalid_utf8",
                "The input is not valid UTF-8 (first invalid byte at offset " + std::to_string(bad) +
                    "). It may be in a legacy encoding such as Windows-1258; convert it to UTF-8 first.");
    return {};
  }
  if (nuls > 0)
    add_message(problems.warnings, "nul_characters",
                std::to_string(nuls) + " NUL character(s) in the input were treated as spaces.");
  bool blank = true;
  for (char16_t c : input)
    if (!is_space(c) && !is_line_break(c) && c != 0) {
      blank = false;
      break;
    }
  if (blank) add_message(errors, "empty_input", "The input is empty or holds only white space.");
  return input;
}

}  // namespace article::internal
