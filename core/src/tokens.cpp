// Tokens: ICU word segments of each sentence. For Vietnamese these are syllables (words are built from them
// in words.cpp); numbers keep their separators ("3.600", "2,4"); a run of full stops is one token ("...").
#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <memory>

#include "pipeline.h"

namespace article::internal {

namespace {

std::string punct_kind(char32_t c) {
  const int8_t type = u_charType(c);
  if (type == U_MATH_SYMBOL || type == U_CURRENCY_SYMBOL || type == U_MODIFIER_SYMBOL || type == U_OTHER_SYMBOL)
    return "symbol";
  return "punct";
}

}  // namespace

void tokenize(Doc& doc) {
  const std::u16string& s = doc.text.norm;
  UErrorCode status = U_ZERO_ERROR;
  static thread_local std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  doc.sentence_tokens.assign(1, 0);
  if (!it || U_FAILURE(status)) {
    doc.sentence_tokens.resize(doc.out.sentences.size() + 1, 0);
    return;
  }
  UText ut = UTEXT_INITIALIZER;
  for (std::size_t si = 0; si < doc.out.sentences.size(); ++si) {
    const Span& sentence = doc.out.sentences[si].span;
    utext_openUChars(&ut, reinterpret_cast<const UChar*>(s.data() + sentence.start), sentence.end - sentence.start,
                     &status);
    it->setText(&ut, status);
    for (int32_t a = it->first(), b = it->next(); b != icu::BreakIterator::DONE; a = b, b = it->next()) {
      const std::int64_t start = sentence.start + a, end = sentence.start + b;
      const int32_t rule = it->getRuleStatus();
      std::string kind;
      if (rule >= UBRK_WORD_NUMBER && rule < UBRK_WORD_NUMBER_LIMIT) {
        kind = "number";
      } else if (rule >= UBRK_WORD_LETTER) {
        kind = "word";
      } else {
        const char32_t c = code_point_at(s, static_cast<std::size_t>(start));  // whole code point: emoji are pairs
        if (u_isUWhiteSpace(c) || c == 0xFEFF || c == 0x200B) continue;
        kind = punct_kind(c);
        // "..." is one token, not three.
        if (c == '.' && !doc.tokens.empty() && doc.tokens.back().span.end == start && s[start - 1] == '.' &&
            doc.tokens.back().kind == "punct" && doc.sentence_tokens.back() < static_cast<int>(doc.tokens.size())) {
          doc.tokens.back().span.end = end;
          continue;
        }
      }
      Token t;
      t.kind = std::move(kind);
      t.span = doc.span(start, end);
      t.sentence = static_cast<int>(si);
      const auto text = s.substr(start, end - start);
      TokenInfo info;
      info.is_word = t.kind == "word";
      info.is_number = t.kind == "number";
      info.is_punct = t.kind == "punct";
      info.is_symbol = t.kind == "symbol";
      if (info.is_word) {
        info.lower = lower_utf8(text);
        info.upper_start = is_upper_start(text);
        info.all_upper = is_all_upper(text);
      } else {
        info.lower = to_utf8(text);
      }
      doc.tokens.push_back(std::move(t));
      doc.info.push_back(std::move(info));
    }
    doc.sentence_tokens.push_back(static_cast<int>(doc.tokens.size()));
  }
  utext_close(&ut);
}

}  // namespace article::internal
