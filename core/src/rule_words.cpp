#include "rule_words.h"

#include <unicode/uchar.h>

#include <array>
#include <cctype>
#include <string_view>

#include "data.h"
#include "once.h"
#include "scan.h"
#include "text.h"

namespace article::internal {

namespace {

constexpr std::array<std::string_view, static_cast<std::size_t>(RuleWord::kCount)> kRuleWordNames = {
    "conjunction",
    "copula",
    "complementizer",
    "possessive",
    "passive",
    "also",
    "approximately",
    "people_noun",
    "person_classifier",
    "classifier_compound",
    "demonstrative",
    "indefinite",
    "plural",
    "region",
    "committee",
    "byline_from",
    "byline_by",
    "byline_joiner",
    "credit_joiner",
    "source_label",
    "compiled_note",
    "date_today",
    "date_yesterday",
    "day_word",
    "month_word",
    "year_word",
    "range_from",
    "range_to",
    "ratio_word",
    "hour_word",
    "minute_word",
    "header_label",
    "future_marker",
    "article",
    "link",
    "innings_joiner",
    "points_word"};

struct RuleWordTable {
  std::array<std::vector<std::string>, kRuleWordNames.size()> utf8;
  std::array<std::vector<std::u16string>, kRuleWordNames.size()> utf16;
  std::vector<std::string> problems;
};

const RuleWordTable& table() {
  static RuleWordTable t;
  static Once once;
  once.run([] {
    for (const std::vector<std::string>& row : data_rows(data::rule_words_tsv)) {
      if (row.size() < 2) {
        t.problems.push_back("a line without a word: " + (row.empty() ? std::string() : row[0]));
        continue;
      }
      std::size_t role = 0;
      while (role < kRuleWordNames.size() && kRuleWordNames[role] != row[0]) ++role;
      if (role == kRuleWordNames.size()) {
        t.problems.push_back("a role that RuleWord lacks: " + row[0]);
        continue;
      }
      const std::u16string word = decode_utf8_lossy(row[1]);
      if (lower_utf8(word) != row[1]) t.problems.push_back("a word that is not lowercase: " + row[1]);
      t.utf8[role].push_back(row[1]);
      t.utf16[role].push_back(word);
    }
    for (std::size_t role = 0; role < kRuleWordNames.size(); ++role)
      if (t.utf8[role].empty()) t.problems.push_back("a role with no word: " + std::string(kRuleWordNames[role]));
  });
  return t;
}

}  // namespace

const std::vector<std::string>& rule_words(RuleWord role) { return table().utf8[static_cast<std::size_t>(role)]; }

const std::vector<std::u16string>& rule_words_u16(RuleWord role) {
  return table().utf16[static_cast<std::size_t>(role)];
}

bool is_rule_word(RuleWord role, const std::string& word) {
  for (const std::string& w : rule_words(role))
    if (w == word) return true;
  return false;
}

bool is_rule_word(RuleWord role, std::u16string_view written) {
  for (const std::u16string& w : rule_words_u16(role))
    if (w.size() == written.size() && starts_with_lower(written, 0, w)) return true;
  return false;
}

std::int64_t rule_word_at(std::u16string_view s, std::int64_t pos, RuleWord role) {
  for (const std::u16string& w : rule_words_u16(role)) {
    const std::int64_t end = pos + static_cast<std::int64_t>(w.size());
    if (end > static_cast<std::int64_t>(s.size()) || !starts_with_lower(s, pos, w)) continue;
    if (!u_isalpha(w.back()) || (end < static_cast<std::int64_t>(s.size()) && is_space(s[end])))
      return static_cast<std::int64_t>(w.size());
  }
  return 0;
}

bool contains_rule_word(RuleWord role, const std::string& lowercase) {
  // A byte of a non-ASCII character counts as a letter (Vietnamese letters are), so does an ASCII letter or
  // digit; anything else bounds a word.
  auto letter = [](unsigned char c) { return c >= 0x80 || std::isalnum(c); };
  for (const std::string& w : rule_words(role))
    for (std::size_t at = lowercase.find(w); at != std::string::npos; at = lowercase.find(w, at + 1)) {
      const std::size_t after = at + w.size();
      const bool starts = at == 0 || !letter(static_cast<unsigned char>(lowercase[at - 1])) ||
                          !letter(static_cast<unsigned char>(w.front()));
      const bool ends = after == lowercase.size() || !letter(static_cast<unsigned char>(lowercase[after])) ||
                        !letter(static_cast<unsigned char>(w.back()));
      if (starts && ends) return true;
    }
  return false;
}

std::vector<std::string> rule_word_problems() { return table().problems; }

}  // namespace article::internal
