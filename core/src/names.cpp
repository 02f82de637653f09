#include "names.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "data.h"
#include "once.h"
#include "string_table.h"

namespace article::internal {

namespace {
// A lowercase phrase list with what match_phrase needs.
struct PhraseList {
  // Every phrase, every first syllable of one and every run of syllables a phrase goes on from, with what it
  // is: a phrase match stops growing once its key is no phrase's beginning.
  enum Flag : std::uint8_t { kPhrase = 1, kFirstSyllable = 2, kContinues = 4 };
  StringTable<std::uint8_t> keys;
  int longest = 1;
  std::size_t number = 0;  // index of the list's memo in Doc::phrase_starts: the file's index
};

// Built once per file, by the first thread that asks (once.h), and never moved. At namespace scope, so that
// the lists, made at start-up, are not behind a guard that match_phrase would test at every call.
PhraseList phrase_lists[kDataFileCount];
Once phrase_lists_built[kDataFileCount];
const PhraseList& phrase_list(DataFile file) {
  PhraseList& list = phrase_lists[file.index];
  phrase_lists_built[file.index].run([&list, file] {
    using Keys = StringTable<std::uint8_t>;
    const WordSet& phrases = data_set(file, true);
    list.keys.reserve(2 * phrases.size());
    for (const std::string& phrase : phrases) {
      // The hash of each beginning is FNV-1a's running hash where it ends: one pass over the phrase.
      std::uint64_t hash = Keys::kSeed;
      std::uint8_t first = PhraseList::kFirstSyllable;
      for (std::size_t i = 0; i < phrase.size(); ++i) {
        if (phrase[i] == ' ') {
          *list.keys.try_emplace_hashed(std::string_view(phrase).substr(0, i), hash).first |=
              first | PhraseList::kContinues;
          first = 0;
        }
        hash = Keys::hash_byte(phrase[i], hash);
      }
      *list.keys.try_emplace_hashed(phrase, hash).first |= PhraseList::kPhrase | first;
    }
    list.longest = max_syllables(file);
    list.number = file.index;
  });
  return list;
}
}  // namespace

bool reads_as_personal_name(std::u16string_view name) {
  static const auto common = [] {
    constexpr int kCommon = 5;  // occurrences among the 8,757 names the counts come from
    std::unordered_set<std::string> syllables;
    for_each_data_row(data::gaz_person_names_tsv, [&syllables](const std::vector<std::string_view>& row) {
      if (row.size() >= 3 && std::atoi(std::string(row[2]).c_str()) >= kCommon) syllables.emplace(row[0]);
    });
    return syllables;
  }();
  int count = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= name.size(); ++i)
    if (i == name.size() || name[i] == u' ') {
      if (i > start) {
        if (!common.count(to_utf8(name.substr(start, i - start)))) return false;
        ++count;
      }
      start = i + 1;
    }
  return count >= 2 && count <= 4;
}

bool is_name_syllable(const Doc& doc, int token) { return doc.info[token].is_word && doc.info[token].upper_start; }

bool is_name_word(const Doc& doc, int token) { return is_name_syllable(doc, token) && !doc.info[token].all_upper; }

bool is_surname(const Doc& doc, int token) {
  static const auto& surnames = data_set(data::surnames_txt, true);
  return is_name_syllable(doc, token) && surnames.count(doc.info[token].lower()) > 0;
}

int name_ending_at(const Doc& doc, int begin, int end) {
  int run = end;
  while (run > begin && is_name_syllable(doc, run - 1) && !doc.info[run - 1].all_upper &&
         (run == end || doc.tokens[run].span.start - doc.tokens[run - 1].span.end <= 1))
    --run;
  const int length = end - run;
  if (length < 2) return -1;
  if (length == 4 && is_surname(doc, run)) return run;
  for (int want : {3, 4, 2})
    if (length >= want && is_surname(doc, end - want)) return end - want;
  return -1;
}

bool in_capitals(std::u16string_view written) {
  return written.size() >= 2 && is_upper_start(written) &&
         std::none_of(written.begin(), written.end(), [](char16_t c) { return u_islower(c) != 0; });
}

namespace {
// Bit 1: token `at`'s lowercase form starts a phrase of the list; bit 2: it is one. Memoized per form.
std::int8_t phrase_start(const Doc& doc, const PhraseList& list, int at) {
  const std::int8_t known = known_phrase_start(doc, list.number, at);
  if (known >= 0) return known;
  const std::uint8_t* flags = list.keys.find(doc.info[at].lower());
  const auto start = static_cast<std::int8_t>(
      flags ? (*flags & PhraseList::kFirstSyllable ? 1 : 0) | (*flags & PhraseList::kPhrase ? 2 : 0) : 0);
  const std::int32_t form = doc.info[at].form;
  if (form < 0 || static_cast<std::size_t>(form) >= doc.lower_forms.size()) return start;
  if (doc.phrase_starts.size() <= list.number) doc.phrase_starts.resize(list.number + 1);
  std::vector<std::int8_t>& memo = doc.phrase_starts[list.number];
  if (memo.size() < doc.lower_forms.size()) memo.resize(doc.lower_forms.size(), -1);
  memo[form] = start;
  return start;
}
}  // namespace

int match_phrase_at(const Doc& doc, DataFile list_file, int at, int limit) {
  if (at >= limit || !doc.info[at].is_word) return 0;
  const PhraseList& list = phrase_list(list_file);
  // Most tokens start no phrase: the first syllable is asked once per form before longer keys are built.
  const std::int8_t start = phrase_start(doc, list, at);
  if (!(start & 1)) return 0;
  int best = (start & 2) ? 1 : 0;
  if (list.longest < 2 || at + 1 >= limit || !doc.info[at + 1].is_word) return best;
  using Keys = StringTable<std::uint8_t>;
  // The key is the tokens' lowercase forms joined by spaces, looked up by its running hash and compared with
  // the tokens rather than built.
  auto spells = [&](std::string_view key, int last) {
    std::size_t pos = 0;
    for (int k = at; k <= last; ++k) {
      if (k > at) {
        if (pos >= key.size() || key[pos] != ' ') return false;
        ++pos;
      }
      const std::string& piece = doc.info[k].lower();
      if (key.compare(pos, piece.size(), piece) != 0) return false;
      pos += piece.size();
    }
    return pos == key.size();
  };
  std::uint64_t hash = Keys::hash(doc.info[at].lower());
  for (int n = 2; n <= list.longest && at + n <= limit; ++n) {
    const int t = at + n - 1;
    if (!doc.info[t].is_word) break;
    hash = Keys::hash(doc.info[t].lower(), Keys::hash_byte(' ', hash));
    const std::uint8_t* flags = list.keys.find_if(hash, [&](std::string_view key) { return spells(key, t); });
    if (!flags) break;  // no phrase begins so
    if (*flags & PhraseList::kPhrase) best = n;
    if (!(*flags & PhraseList::kContinues)) break;
  }
  return best;
}

}  // namespace article::internal
