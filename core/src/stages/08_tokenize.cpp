// Stage 08: tokenize.
//
// Tokens: ICU word segments of each sentence (word_breaks.h finds most of them without calling ICU). For Vietnamese
// these are syllables (words are built from them in segment_words); numbers keep their separators ("3.600", "2,4"); a
// run of full stops is one token ("..."). In English the possessive "'s" is a token of its own, as in the Penn
// Treebank's tokenization: ICU keeps "Dvořák's" whole, and a name ends before its possessive ("Dvořák", then "'s").
#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <algorithm>
#include <memory>

#include "pipeline.h"
#include "string_table.h"
#include "word_breaks.h"

namespace article::internal {

namespace {

TokenKind punct_kind(char32_t c) {
  const int8_t type = u_charType(c);
  if (type == U_MATH_SYMBOL || type == U_CURRENCY_SYMBOL || type == U_MODIFIER_SYMBOL || type == U_OTHER_SYMBOL)
    return TokenKind::kSymbol;
  return TokenKind::kPunct;
}

// The tokens of `s` counted from above in one pass (for alphabetic scripts): ICU gives at most one token
// for each run of letters or digits (it joins "3.600" into one) and one for each other mark that is not a
// space. Reserving it keeps the token arrays from doubling past what they need on a large input.
std::size_t estimated_tokens(const std::u16string& s) {
  std::size_t count = 0;
  bool in_run = false;
  for (char16_t c : s) {
    const bool alnum = c < 0x80 ? (c >= u'0' && c <= u'9') || (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z')
                                : u_isalnum(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0;
    if (alnum) {
      count += !in_run;
    } else if (c != u' ' && c != u'\n' && c != u'\r' && c != u'\t') {
      ++count;
    }
    in_run = alnum;
  }
  return count;
}

// The length of an English possessive ending ("'s", "’s", "'S") of a word token, or 0. The word must keep a
// letter before it.
std::size_t possessive_length(std::u16string_view word) {
  if (word.size() < 3) return 0;
  const char16_t apostrophe = word[word.size() - 2], s = word[word.size() - 1];
  return (apostrophe == u'\'' || apostrophe == u'\u2019') && (s == u's' || s == u'S') ? 2 : 0;
}

}  // namespace

Tokenized tokenize(const Doc& doc, Problems& problems) {
  Tokenized result;
  const std::u16string& s = doc.text.norm;
  UErrorCode status = U_ZERO_ERROR;
  static thread_local std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  result.sentence_tokens.assign(1, 0);
  result.sentence_tokens.reserve(doc.out.sentences.size() + 1);
  const std::size_t estimate = std::min(estimated_tokens(s), kMaxTokens + 1);
  result.tokens.reserve(estimate);
  result.info.reserve(estimate);
  if (!it || U_FAILURE(status)) {
    result.sentence_tokens.resize(doc.out.sentences.size() + 1, 0);
    return result;
  }
  StringTable<std::int32_t> seen;  // kind and text of a form → its entry in `written`
  std::vector<TokenInfo> written;
  std::string key;
  const bool english = doc.out.language == "en";
  UText ut = UTEXT_INITIALIZER;
  static thread_local std::vector<WordSegment> segments;  // one sentence's, reused
  for (std::size_t si = 0; si < doc.out.sentences.size(); ++si) {
    const Span& sentence = doc.out.sentences[si].span;
    word_segments(std::u16string_view(s).substr(sentence.start, sentence.end - sentence.start), *it, segments);
    for (const WordSegment& segment : segments) {
      const std::int64_t start = sentence.start + segment.start, end = sentence.start + segment.end;
      const int32_t rule = segment.rule;
      TokenKind kind;
      if (rule >= UBRK_WORD_NUMBER && rule < UBRK_WORD_NUMBER_LIMIT) {
        kind = TokenKind::kNumber;
      } else if (rule >= UBRK_WORD_LETTER) {
        kind = TokenKind::kWord;
      } else {
        const char32_t c = code_point_at(s, static_cast<std::size_t>(start));  // whole code point: emoji are pairs
        if (u_isUWhiteSpace(c) || c == 0xFEFF || c == 0x200B) continue;
        kind = punct_kind(c);
        // "..." is one token, not three.
        if (c == '.' && !result.tokens.empty() && result.tokens.back().span.end == start && s[start - 1] == '.' &&
            result.tokens.back().kind == TokenKind::kPunct &&
            result.sentence_tokens.back() < static_cast<int>(result.tokens.size())) {
          result.tokens.back().span.end = end;
          continue;
        }
      }
      auto emit = [&](std::int64_t start, std::int64_t end) {
        DocToken t;
        t.kind = kind;
        t.span = {start, end};
        t.sentence = static_cast<int>(si);
        const auto text = s.substr(start, end - start);
        TokenInfo info;
        info.is_word = kind == TokenKind::kWord;
        info.is_number = kind == TokenKind::kNumber;
        info.is_punct = kind == TokenKind::kPunct;
        info.is_symbol = kind == TokenKind::kSymbol;
        // A form recurs: what its text gives (the lowercase form, the case flags) is worked out once per
        // distinct text and kind, looked up by the kind and the text's UTF-16 bytes. The key is hashed where it
        // lies and built only for a new form.
        const char kind_byte = static_cast<char>(kind);
        const std::string_view units = utf16_bytes(text);
        using Table = StringTable<std::int32_t>;
        const std::uint64_t h = Table::hash(units, Table::hash_byte(kind_byte, Table::kSeed));
        const std::int32_t* known = seen.find_if(h, [&](std::string_view k) {
          return k.size() == units.size() + 1 && k[0] == kind_byte && k.substr(1) == units;
        });
        if (!known) {
          key.assign(1, kind_byte);
          key += units;
          seen.try_emplace_hashed(key, h, static_cast<std::int32_t>(written.size()));
          const auto form = result.lower_forms
                                .try_emplace(info.is_word ? lower_utf8(text) : to_utf8(text),
                                             static_cast<std::int32_t>(result.lower_forms.size()))
                                .first;
          info.lower_form = &form->first;
          info.form = form->second;
          if (info.is_word) {
            info.upper_start = is_upper_start(text);
            info.all_upper = is_all_upper(text);
          }
          written.push_back(info);
        } else {
          info = written[*known];
        }
        result.tokens.push_back(t);
        result.info.push_back(std::move(info));
      };
      const std::size_t possessive = english && kind == TokenKind::kWord
                                         ? possessive_length(std::u16string_view(s).substr(start, end - start))
                                         : 0;
      if (possessive > 0) {
        emit(start, end - static_cast<std::int64_t>(possessive));
        emit(end - static_cast<std::int64_t>(possessive), end);
      } else {
        emit(start, end);
      }
    }
    result.sentence_tokens.push_back(static_cast<int>(result.tokens.size()));
    if (result.tokens.size() > kMaxTokens) {
      // Count what is left with the iterator alone, for the error message; nothing more is kept.
      std::size_t count = result.tokens.size();
      for (std::size_t rest = si + 1; rest < doc.out.sentences.size(); ++rest) {
        const Span& later = doc.out.sentences[rest].span;
        utext_openUChars(&ut, reinterpret_cast<const UChar*>(s.data() + later.start), later.end - later.start, &status);
        it->setText(&ut, status);
        for (int32_t a = it->first(), b = it->next(); b != icu::BreakIterator::DONE; a = b, b = it->next())
          count += !u_isUWhiteSpace(code_point_at(s, static_cast<std::size_t>(later.start + a)));
      }
      over_limit(problems, "tokens", count, kMaxTokens);
      break;
    }
  }
  utext_close(&ut);
  return result;
}

}  // namespace article::internal
