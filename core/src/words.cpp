// Words: Vietnamese words built from syllable tokens.
//
// Longest match against the word list (set_word_list), left to right within a sentence, plus one rule for
// names: a run of two or more capitalized syllables ("Trương Thanh Huyền", "Hà Tĩnh") is one word, unless its
// last syllable starts a lexicon word with the next, lowercase syllable ("Ban Dân vận" → "Ban" + "Dân vận").
// Numbers and other tokens are words of their own.
#include <algorithm>
#include <string>
#include <unordered_set>
#include <vector>

#include "data.h"
#include "names.h"
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

namespace {
// Entries of the word list that the segmentation conventions (data/vi_segmentation_rules.tsv) split.
bool split_by_convention(const std::string& entry) {
  struct Rules {
    std::unordered_set<std::string> first, last, split, keep;
  };
  static const Rules rules = [] {
    Rules r;
    for (const auto& row : internal::data_rows("vi_segmentation_rules.tsv")) {
      if (row.size() < 2) continue;
      if (row[0] == "classifier" || row[0] == "first")
        r.first.insert(row[1]);
      else if (row[0] == "complement" || row[0] == "demonstrative")
        r.last.insert(row[1]);
      else if (row[0] == "split")
        r.split.insert(row[1]);
      else if (row[0] == "keep")
        r.keep.insert(row[1]);
    }
    return r;
  }();
  if (rules.keep.count(entry)) return false;
  if (rules.split.count(entry)) return true;
  const std::size_t first_space = entry.find(' '), last_space = entry.rfind(' ');
  if (first_space == last_space) {  // only two-syllable entries are split by class
    if (rules.first.count(entry.substr(0, first_space))) return true;
    if (rules.last.count(entry.substr(last_space + 1))) return true;
  }
  return false;
}
}  // namespace

bool set_word_list(std::string_view lines) {
  WordList& list = word_list();
  list.words.clear();
  list.longest = 1;
  // The given list, plus our own supplement of common words it lacks (data/vi_words_extra.txt).
  auto add = [&](std::string_view line) {
    int syllables = 1;
    for (char c : line) syllables += c == ' ';
    if (syllables < 2 || syllables > 6) return;
    std::string entry(line);
    if (!split_by_convention(entry)) list.words.insert(std::move(entry));
  };
  internal::for_each_data_line(lines, add);
  if (!list.words.empty()) internal::for_each_data_line(internal::data_file("vi_words_extra.txt"), add);
  for (const std::string& entry : list.words)
    list.longest = std::max(list.longest, 1 + static_cast<int>(std::count(entry.begin(), entry.end(), ' ')));
  return !list.words.empty();
}

namespace internal {

namespace {

bool adjacent(const Doc& doc, int a, int b) {
  // Syllables of one word are separated by exactly one space.
  return doc.tokens[b].span.start - doc.tokens[a].span.end == 1 && doc.text.norm[doc.tokens[a].span.end] == ' ';
}

bool is_syllable(const Doc& doc, int t) { return doc.info[t].is_word; }

// Longest lexicon word starting at token i (in tokens), at least 1.
int lexicon_match(const Doc& doc, int i, int end) {
  const WordList& list = word_list();
  std::string key = doc.info[i].lower();
  int best = 1;
  for (int n = 2; n <= list.longest && i + n <= end; ++n) {
    const int t = i + n - 1;
    if (!is_syllable(doc, t) || !adjacent(doc, t - 1, t)) break;
    key += ' ';
    key += doc.info[t].lower();
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

// Segments the lowercase stretch of syllables [b, e) with the word list: forward and backward longest
// matching, keeping the one with fewer words, then fewer single syllables, then the backward one (it
// handles "của công ty" → "của | công ty", where forward matching takes "của công").
std::vector<int> match_stretch(const Doc& doc, int b, int e) {
  std::vector<int> forward, backward;
  for (int i = b; i < e;) {
    const int n = lexicon_match(doc, i, e);
    forward.push_back(n);
    i += n;
  }
  const WordList& list = word_list();
  for (int j = e; j > b;) {
    int best = 1;
    std::string key = doc.info[j - 1].lower();
    for (int n = 2; n <= list.longest && j - n >= b; ++n) {
      key = doc.info[j - n].lower() + ' ' + key;
      if (list.words.count(key)) best = n;
    }
    backward.push_back(best);
    j -= best;
  }
  std::reverse(backward.begin(), backward.end());
  auto singles = [](const std::vector<int>& v) { return std::count(v.begin(), v.end(), 1); };
  if (forward.size() < backward.size() || (forward.size() == backward.size() && singles(forward) < singles(backward)))
    return forward;
  return backward;
}

void segment_words(Doc& doc) {
  doc.word_length.assign(doc.tokens.size(), 1);
  if (doc.out.language == "en") return;  // English words are its tokens
  auto emit = [&](int i, int n, bool proper) {
    doc.word_length[i] = n;
    for (int k = 1; k < n; ++k) doc.word_length[i + k] = 0;
    doc.out.words.push_back({doc.span(doc.tokens[i].span.start, doc.tokens[i + n - 1].span.end), n, proper});
  };
  // Lowercase-led syllables [b, e) as word-list words.
  auto emit_stretch = [&](int b, int e) {
    if (b >= e) return;
    int at = b;
    for (int len : match_stretch(doc, b, e)) {
      emit(at, len, false);
      at += len;
    }
  };
  for (std::size_t s = 0; s < doc.out.sentences.size(); ++s) {
    const int end = doc.sentence_token_end(static_cast<int>(s));
    for (int i = doc.sentence_token_begin(static_cast<int>(s)); i < end;) {
      if (!is_syllable(doc, i)) {
        if (doc.info[i].is_number) {
          // A number and its multiplier are one word ("10 triệu", "4.385 tỉ").
          static const auto& multipliers = data_map("units.tsv");
          const bool multiplied = i + 1 < end && is_syllable(doc, i + 1) && adjacent(doc, i, i + 1) &&
                                  multipliers.count(doc.info[i + 1].lower()) &&
                                  multipliers.at(doc.info[i + 1].lower()) == "multiplier";
          emit(i, multiplied ? 2 : 1, false);
          i += multiplied ? 2 : 1;
          continue;
        }
        ++i;
        continue;
      }
      // A stretch of syllables separated by single spaces, cut at name runs.
      int stretch_end = i + 1;
      while (stretch_end < end && is_syllable(doc, stretch_end) && adjacent(doc, stretch_end - 1, stretch_end))
        ++stretch_end;
      int plain = i;
      for (int k = i; k < stretch_end;) {
        int run = capitalized_run(doc, k, stretch_end);
        // Forms of address are words of their own, not part of the name ("Bà Liễu"); so is a function word
        // capitalized only because it opens the sentence ("Nếu Tùng …", "Tại Hà Nội …").
        const bool opens_sentence = k == doc.sentence_token_begin(static_cast<int>(s));
        if (run >= 2 && (match_phrase(doc, "honorifics.tsv", k, k + 1) == 1 ||
                         (opens_sentence && (match_phrase(doc, "sentence_starters.txt", k, k + 1) == 1 ||
                                             match_phrase(doc, "stopwords.txt", k, k + 1) == 1))))
          run = 0;
        while (run >= 2 && k + run < stretch_end && !doc.info[k + run].upper_start &&
               lexicon_match(doc, k + run - 1, stretch_end) > 1)
          --run;
        // A run that ends in a known place name is two words: "Hàng Mành | Hà Nội". No place name is longer
        // than the longest entry, so the tails tried are no longer either.
        static const int longest_place = max_syllables("places.tsv");
        for (int tail = 2; run >= 4 && tail <= run - 2 && tail <= longest_place; ++tail)
          if (data_map("places.tsv").count(to_utf8(doc.slice(doc.tokens[k + run - tail].span.start,
                                                             doc.tokens[k + run - 1].span.end)))) {
            run -= tail;
            break;
          }
        if (run >= 2 && lexicon_match(doc, k, stretch_end) < run) {
          emit_stretch(plain, k);
          emit(k, run, true);
          k += run;
          plain = k;
        } else {
          ++k;
        }
      }
      emit_stretch(plain, stretch_end);
      i = stretch_end;
    }
  }
  // Words live to the end of the analysis: give back what doubling reserved (up to half on a large input).
  doc.out.words.shrink_to_fit();
}

}  // namespace internal
}  // namespace article
