// Stage 04: detect_language.
//
// The language of the text, unless the options name one: Vietnamese by the letters only it uses, English
// by a text of ASCII letters, else "und" (undetermined).

#include <array>
#include <string>

#include "data.h"
#include "pipeline.h"

namespace article::internal {

std::string detect_language(const Text& text, const Options& options) {
  if (options.language == "vi" || options.language == "en") return options.language;
  // Letters that only Vietnamese uses among Latin-script languages (data/vi_letters.txt: ă â đ ê ô ơ ư) and
  // the tone-marked vowels of Latin Extended Additional.
  static const std::u32string vietnamese = [] {
    std::u32string letters;
    for (const auto& row : data_rows(data::vi_letters_txt))
      for (const char16_t c : decode_utf8_lossy(row[0])) letters += c;  // all in the BMP
    return letters;
  }();
  // The same for the letters below U+0200, by table: most of Vietnamese's marked letters are there (à, â, ă, đ,
  // ơ, ư) and would each be searched for in the list.
  static const std::array<bool, 0x200> vietnamese_below = [] {
    std::array<bool, 0x200> below{};
    for (char32_t c : vietnamese)
      if (c < below.size()) below[c] = true;
    return below;
  }();
  auto is_vietnamese = [](char32_t c) {
    if (c < vietnamese_below.size()) return vietnamese_below[c];
    return (c >= 0x1EA0 && c <= 0x1EF9) || vietnamese.find(c) != std::u32string::npos;
  };
  std::size_t letters = 0, ascii = 0, marked = 0;
  const std::u16string_view s = text.norm;
  for (std::size_t i = 0; i < s.size() && letters < 200000;) {
    if (s[i] < 0x80) {  // ASCII, most of the text: a letter or not, and no mark
      const bool letter = is_letter(s[i]);
      letters += letter, ascii += letter;
      ++i;
      continue;
    }
    std::size_t next = i;
    const char32_t c = code_point_at(s, i, &next);
    i = next;
    if (!is_letter(c)) continue;
    ++letters;
    if (c < 0x80)
      ++ascii;
    else if (is_vietnamese(c))
      ++marked;
  }
  if (letters == 0) return "und";
  if (marked * 25 >= letters) return "vi";
  if (ascii * 10 >= letters * 9) return "en";
  return "und";
}

}  // namespace article::internal
