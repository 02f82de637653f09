// Stage 21: compute_stats.
//
// Statistics. Reading time assumes 220 syllables a minute for Vietnamese (adult silent reading of news,
// counted in syllables) and 230 words a minute for English.
#include "pipeline.h"

namespace article::internal {

Stats compute_stats(const Doc& doc) {
  Stats st;
  for (std::size_t i = 0; i < doc.text.input.size(); ++i) {
    const char16_t c = doc.text.input[i];
    if (!(c >= 0xDC00 && c <= 0xDFFF && i > 0 && doc.text.input[i - 1] >= 0xD800 && doc.text.input[i - 1] <= 0xDBFF))
      ++st.characters;
  }
  // English "'s" is a token of its own (tokenize) but no word of its own: "city's" is one word.
  for (std::size_t k = 0; k < doc.tokens.size(); ++k) {
    const DocToken& t = doc.tokens[k];
    const char16_t first = doc.text.norm[static_cast<std::size_t>(t.span.start)];
    const bool possessive =
        k > 0 && doc.tokens[k - 1].span.end == t.span.start && (first == u'\'' || first == u'\u2019');
    st.syllables += t.kind == TokenKind::kWord && !possessive;
  }
  st.words = doc.out.words.empty() ? st.syllables : 0;
  for (const Word& w : doc.out.words) st.words += w.span.end > w.span.start;
  st.sentences = static_cast<std::int64_t>(doc.out.sentences.size());
  st.paragraphs = static_cast<std::int64_t>(doc.paragraphs.size());
  const double per_minute = doc.out.language == "en" ? 230.0 : 220.0;
  st.reading_time_seconds = static_cast<double>(doc.out.language == "en" ? st.words : st.syllables) * 60.0 / per_minute;
  return st;
}

}  // namespace article::internal
