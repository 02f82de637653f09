// The language of the text, unless the options name one: Vietnamese by the letters only it uses, English
// by a text of ASCII letters, else "und" (undetermined).
#include <unicode/uchar.h>

#include <string>

#include "pipeline.h"

namespace article::internal {

void detect_language(Doc& doc) {
  if (doc.options.language == "vi" || doc.options.language == "en") {
    doc.out.language = doc.options.language;
    return;
  }
  // Letters that only Vietnamese uses among Latin-script languages: ă â đ ê ô ơ ư and the tone-marked
  // vowels of Latin Extended Additional.
  static const std::u32string vietnamese = U"ăâđêôơưĂÂĐÊÔƠƯ";
  std::size_t letters = 0, ascii = 0, marked = 0;
  const std::u16string_view s = doc.text.norm;
  for (std::size_t i = 0; i < s.size() && letters < 200000;) {
    std::size_t next = i;
    const char32_t c = code_point_at(s, i, &next);
    i = next;
    if (!u_isalpha(c)) continue;
    ++letters;
    if (c < 0x80)
      ++ascii;
    else if ((c >= 0x1EA0 && c <= 0x1EF9) || vietnamese.find(c) != std::u32string::npos)
      ++marked;
  }
  if (letters == 0)
    doc.out.language = "und";
  else if (marked * 25 >= letters)
    doc.out.language = "vi";
  else if (ascii * 10 >= letters * 9)
    doc.out.language = "en";
  else
    doc.out.language = "und";
}

}  // namespace article::internal
