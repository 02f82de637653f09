// Words: Vietnamese words built from syllable tokens.
//
// Longest match against the word list (set_word_list), left to right within a sentence, plus one rule for
// names: a run of two or more capitalized syllables ("Trương Thanh Huyền", "Hà Tĩnh") is one word, unless its
// last syllable starts a lexicon word with the next, lowercase syllable ("Ban Dân vận" → "Ban" + "Dân vận").
// Numbers and other tokens are words of their own.
#include <string>
#include <unordered_set>

#include "pipeline.h"
#include "text.h"

namespace article {

namespace {
struct WordList {
  std::unordered_set<std::string> words;
  int longest = 1;
};
WordList& word_list() {
  static WordList list;
  return list;
}
}  // namespace

bool set_word_list(std::string_view lines) {
  WordList& list = word_list();
  list.words.clear();
  list.longest = 1;
  while (!lines.empty()) {
    const std::size_t eol = lines.find('\n');
    std::string_view line = lines.substr(0, eol);
    lines = eol == std::string_view::npos ? std::string_view() : lines.substr(eol + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    int syllables = 1;
    for (char c : line) syllables += c == ' ';
    if (syllables < 2 || syllables > 6) continue;
    list.words.emplace(line);
    if (syllables > list.longest) list.longest = syllables;
  }
  return !list.words.empty();
}

namespace internal {

namespace {

bool adjacent(const Doc& doc, int a, int b) {
  // Syllables of one word are separated by exactly one space.
  return doc.tokens[b].span.start - doc.tokens[a].span.end == 1 && doc.text.norm[doc.tokens[a].span.end] == ' ';
}

bool is_syllable(const Doc& doc, int t) { return doc.tokens[t].kind == "word"; }

// Longest lexicon word starting at token i (in tokens), at least 1.
int lexicon_match(const Doc& doc, int i, int end) {
  const WordList& list = word_list();
  std::string key = doc.info[i].lower;
  int best = 1;
  for (int n = 2; n <= list.longest && i + n <= end; ++n) {
    const int t = i + n - 1;
    if (!is_syllable(doc, t) || !adjacent(doc, t - 1, t)) break;
    key += ' ';
    key += doc.info[t].lower;
    if (list.words.count(key)) best = n;
  }
  return best;
}

int capitalized_run(const Doc& doc, int i, int end) {
  int n = 0;
  while (i + n < end && is_syllable(doc, i + n) && doc.info[i + n].upper_start && !doc.info[i + n].all_upper &&
         (n == 0 || adjacent(doc, i + n - 1, i + n)))
    ++n;
  return n;
}

}  // namespace

void segment_words(Doc& doc) {
  doc.word_length.assign(doc.tokens.size(), 1);
  if (doc.out.language == "en") return;  // English words are its tokens
  for (std::size_t s = 0; s < doc.out.sentences.size(); ++s) {
    const int end = doc.sentence_token_end(static_cast<int>(s));
    for (int i = doc.sentence_token_begin(static_cast<int>(s)); i < end;) {
      if (!is_syllable(doc, i)) {
        if (doc.tokens[i].kind == "number") doc.out.words.push_back({doc.tokens[i].span, 1, false});
        ++i;
        continue;
      }
      int n = lexicon_match(doc, i, end);
      bool proper = false;
      int run = capitalized_run(doc, i, end);
      // A run whose last syllable begins a lexicon word with the following syllable gives that syllable back.
      while (run >= 2 && i + run < end && is_syllable(doc, i + run) && !doc.info[i + run].upper_start &&
             lexicon_match(doc, i + run - 1, end) > 1)
        --run;
      if (run >= 2 && run > n) {
        n = run;
        proper = true;
      }
      doc.word_length[i] = n;
      for (int k = 1; k < n; ++k) doc.word_length[i + k] = 0;
      Span span = doc.span(doc.tokens[i].span.start, doc.tokens[i + n - 1].span.end);
      doc.out.words.push_back({std::move(span), n, proper});
      i += n;
    }
  }
}

}  // namespace internal
}  // namespace article
