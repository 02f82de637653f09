#include "names.h"

#include <map>
#include <unordered_set>

#include "data.h"

namespace article::internal {

const std::unordered_set<std::string>& first_syllables(const std::string& list) {
  static std::map<std::string, std::unordered_set<std::string>> cache;
  auto [it, inserted] = cache.try_emplace(list);
  if (inserted)
    for (const std::string& phrase : data_set(list, true)) it->second.insert(phrase.substr(0, phrase.find(' ')));
  return it->second;
}

bool is_name_syllable(const Doc& doc, int token) {
  return doc.tokens[token].kind == "word" && doc.info[token].upper_start;
}

bool is_surname(const Doc& doc, int token) {
  static const auto& surnames = data_set("surnames.txt", true);
  return is_name_syllable(doc, token) && surnames.count(doc.info[token].lower) > 0;
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

int match_phrase(const Doc& doc, const std::string& list, int at, int limit) {
  if (at >= limit || doc.tokens[at].kind != "word") return 0;
  // Most tokens start no phrase: check the first syllable before building longer keys.
  if (!first_syllables(list).count(doc.info[at].lower)) return 0;
  const auto& phrases = data_set(list, true);
  const int longest = max_syllables(list);
  std::string key;
  int best = 0;
  for (int n = 1; n <= longest && at + n <= limit; ++n) {
    const int t = at + n - 1;
    if (doc.tokens[t].kind != "word") break;
    if (n > 1) key += ' ';
    key += doc.info[t].lower;
    if (phrases.count(key)) best = n;
  }
  return best;
}

}  // namespace article::internal
