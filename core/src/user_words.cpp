#include "user_words.h"

#include <algorithm>
#include <string>
#include <unordered_map>

#include <unicode/uchar.h>
#include <unicode/utf16.h>

#include "text.h"

namespace article::internal {

namespace {

// A user word as the matcher reads it: its lowercase pieces (the text between spaces).
struct Pattern {
  std::vector<std::string> pieces;
  std::size_t length = 0;  // bytes of the pieces, to try the longest first
  int word = 0;
};

// The lowercase text of token t.
const std::string& lower_of(const Doc& doc, int t, std::string& scratch) {
  if (!doc.info[t].lower().empty()) return doc.info[t].lower();
  scratch = lower_utf8(doc.slice(doc.tokens[t].span));
  return scratch;
}

// Whether the pattern matches from token t; its end token when it does (0 otherwise).
int match_at(const Doc& doc, const Pattern& p, int t, int sentence_end) {
  std::string scratch;
  int k = t;
  for (std::size_t i = 0; i < p.pieces.size(); ++i) {
    const std::string& piece = p.pieces[i];
    if (k >= sentence_end) return 0;
    if (i > 0) {
      // Pieces are one space apart.
      const std::int64_t gap = doc.tokens[k].span.start - doc.tokens[k - 1].span.end;
      if (gap != 1 || !is_space(doc.text.norm[doc.tokens[k - 1].span.end])) return 0;
    }
    std::size_t at = 0;
    while (at < piece.size()) {
      if (k >= sentence_end) return 0;
      if (at > 0 && doc.tokens[k].span.start != doc.tokens[k - 1].span.end) return 0;  // tokens of a piece touch
      const std::string& form = lower_of(doc, k, scratch);
      if (form.empty() || piece.compare(at, form.size(), form) != 0) return 0;
      at += form.size();
      ++k;
    }
  }
  return k;
}

// Patterns by the lowercase form of their first token: the first piece's leading letters and digits (the
// tokenizer ends a token where letters meet other characters), or its first character.
using PatternIndex = std::unordered_map<std::string, std::vector<Pattern>>;

PatternIndex index_patterns(const std::vector<UserWord>& words) {
  PatternIndex by_first;
  for (std::size_t w = 0; w < words.size(); ++w) {
    Pattern p;
    p.word = static_cast<int>(w);
    Text text;  // the word in NFC, as the document's text is
    text.input = decode_utf8_lossy(words[w].text);
    if (!normalize(text)) text.norm = text.input;
    const std::string lower = lower_utf8(text.norm);
    std::size_t from = 0;
    while (from < lower.size()) {
      std::size_t space = lower.find(' ', from);
      if (space == std::string::npos) space = lower.size();
      if (space > from) p.pieces.push_back(lower.substr(from, space - from)), p.length += space - from;
      from = space + 1;
    }
    if (p.pieces.empty()) continue;
    const std::u16string first = decode_utf8_lossy(p.pieces[0]);
    std::size_t end = 0;
    while (end < first.size() && (u_isalnum(code_point_at(first, end)) || U16_IS_TRAIL(first[end]))) ++end;
    const std::string key = to_utf8(std::u16string_view(first).substr(0, end == 0 ? 1 : end));
    by_first[key].push_back(std::move(p));
  }
  for (auto& [key, patterns] : by_first)
    std::stable_sort(patterns.begin(), patterns.end(),
                     [](const Pattern& a, const Pattern& b) { return a.length > b.length; });
  return by_first;
}

// The index of the words, built once per thread for as long as the words stay the same: a batch run passes
// one list with every article, and comparing it costs far less than normalizing and indexing it again.
const PatternIndex& patterns_of(const std::vector<UserWord>& words) {
  struct Cache {
    std::vector<UserWord> words;
    PatternIndex index;
  };
  thread_local Cache cache;
  const bool same = cache.words.size() == words.size() && std::equal(words.begin(), words.end(), cache.words.begin(),
                                                                     [](const UserWord& a, const UserWord& b) {
                                                                       return a.text == b.text && a.type == b.type;
                                                                     });
  if (!same) {
    cache.index = index_patterns(words);
    cache.words = words;
  }
  return cache.index;
}

}  // namespace

std::vector<UserWordMatch> match_user_words(const Doc& doc) {
  std::vector<UserWordMatch> out;
  if (doc.options.words.empty() || doc.tokens.empty()) return out;
  const PatternIndex& by_first = patterns_of(doc.options.words);
  std::string scratch;
  for (std::size_t s = 0; s < doc.out.sentences.size(); ++s) {
    const int end = doc.sentence_token_end(static_cast<int>(s));
    for (int t = doc.sentence_token_begin(static_cast<int>(s)); t < end;) {
      const auto found = by_first.find(lower_of(doc, t, scratch));
      int matched = 0, word = 0;
      if (found != by_first.end())
        for (const Pattern& p : found->second)
          if (const int e = match_at(doc, p, t, end)) {
            matched = e, word = p.word;
            break;
          }
      if (matched > t) {
        out.push_back({t, matched, word});
        t = matched;
      } else {
        ++t;
      }
    }
  }
  return out;
}

void segment_user_words(const Doc& doc, Words& segmented) {
  if (segmented.user_words.empty()) return;
  std::vector<int>& length = segmented.word_length;
  const int n = static_cast<int>(doc.tokens.size());
  auto word_start_before = [&](int t) {  // the start of the word holding token t
    while (t > 0 && length[t] == 0) --t;
    return t;
  };
  for (const UserWordMatch& m : segmented.user_words) {
    // A word of one token is a word already; it cuts no word it is part of ("phát" in "bùng phát").
    if (m.end - m.begin < 2) continue;
    // The word that holds the match's first token ends before it; the one holding its last token resumes
    // after it.
    const int first = word_start_before(m.begin);
    const int last_start = word_start_before(m.end - 1);
    const int last_end = last_start + std::max(1, length[last_start]);
    if (first < m.begin) length[first] = m.begin - first;
    length[m.begin] = m.end - m.begin;
    for (int k = m.begin + 1; k < m.end; ++k) length[k] = 0;
    if (last_end > m.end && m.end < n) length[m.end] = last_end - m.end;
  }
  // The word list again, from the lengths (a word of syllables or numbers only; punctuation is none).
  std::vector<Word> words;
  const std::vector<Word>& before = segmented.words;
  words.reserve(before.size());
  std::size_t old = 0;
  for (int t = 0; t < n; ++t) {
    if (length[t] == 0 || (!doc.info[t].is_word && !doc.info[t].is_number)) continue;
    const int e = std::min(n, t + length[t]);
    Word w{doc.span(doc.tokens[t].span.start, doc.tokens[e - 1].span.end), e - t, false};
    // A word the segmentation already had keeps what it said of it; a new one is proper when capitalized.
    while (old < before.size() && before[old].span.start < w.span.start) ++old;
    if (old < before.size() && before[old].span.start == w.span.start && before[old].span.end == w.span.end) {
      w.proper = before[old].proper;
    } else {
      w.proper = e - t >= 2;
      for (int k = t; k < e && w.proper; ++k) w.proper = doc.info[k].is_word && doc.info[k].upper_start;
    }
    words.push_back(std::move(w));
  }
  segmented.words = std::move(words);
}

}  // namespace article::internal
