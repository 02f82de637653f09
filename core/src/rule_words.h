// Function words that rules read by their role (core/data/rule_words.tsv). A rule names what it looks for
// ("a conjunction", "the word for year"); the data says how the language writes it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace article::internal {

// The roles, as the first column of rule_words.tsv spells them (rule_words.cpp: kRuleWordNames).
enum class RuleWord : std::uint8_t {
  kConjunction,
  kCopula,
  kComplementizer,
  kPossessive,
  kPassive,
  kAlso,
  kApproximately,
  kPeopleNoun,
  kPersonClassifier,
  kClassifierCompound,
  kDemonstrative,
  kIndefinite,
  kPlural,
  kRegion,
  kCommittee,
  kBylineFrom,
  kBylineBy,
  kBylineJoiner,
  kCreditJoiner,
  kSourceLabel,
  kCompiledNote,
  kDateToday,
  kDateYesterday,
  kDayWord,
  kMonthWord,
  kYearWord,
  kRangeFrom,
  kRangeTo,
  kRatioWord,
  kHourWord,
  kMinuteWord,
  kHeaderLabel,
  kFutureMarker,
  kArticle,
  kLink,
  kInningsJoiner,
  kPointsWord,
  kCount
};

// Whether `word` (a token's lowercase form, UTF-8) is one of the role's words. The lists are short: a scan
// costs less than a hash.
bool is_rule_word(RuleWord role, const std::string& word);
// The same for a word as written (any case): a chunk of the text between spaces.
bool is_rule_word(RuleWord role, std::u16string_view written);

// The length of the role's word that s[pos, …) starts with (any case), or 0. A word that ends in a letter must
// be followed by a space ("Theo VnExpress", not "Theodore"); one that ends in a mark need not ("Nguồn:").
std::int64_t rule_word_at(std::u16string_view s, std::int64_t pos, RuleWord role);

// Whether one of the role's words occurs in `lowercase` (UTF-8) as a whole word: not inside a longer run of
// letters ("(T/h)", "(Theo TTXVN tổng hợp)", but not "thanh" for "th").
bool contains_rule_word(RuleWord role, const std::string& lowercase);

// The role's words, in the file's order, in UTF-8 and in UTF-16 (for rules that scan the text itself).
const std::vector<std::string>& rule_words(RuleWord role);
const std::vector<std::u16string>& rule_words_u16(RuleWord role);

// What is wrong with the file (for its test): a role the enum lacks, a role with no word, a word that is not
// lowercase. Empty when the file and the enum agree.
std::vector<std::string> rule_word_problems();

}  // namespace article::internal
