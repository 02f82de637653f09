// Recognizers over the token sequence shared by the block classifier and the people stage: Vietnamese
// personal names, titles and honorifics (data: surnames.txt, titles.tsv, honorifics.tsv).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "embedded_data.h"
#include "pipeline.h"

namespace article::internal {

// A capitalized word token (a syllable of a name).
bool is_name_syllable(const Doc& doc, int token);
// The same, not written in capitals throughout ("Láng", not "UBND").
bool is_name_word(const Doc& doc, int token);

bool is_surname(const Doc& doc, int token);

// The first token of the Vietnamese personal name that ends right before token `end` and starts no earlier
// than `begin`, or -1. Full names have 2–4 syllables and start with a family name; when the capitalized run
// is longer ("Huyện ủy Thạch Hà Lê Văn Sơn"), the name is its tail starting at a family name, three
// syllables preferred, then four, then two.
int name_ending_at(const Doc& doc, int begin, int end);

// True if every syllable of `name` (space-separated) is a common part of Vietnamese personal names
// (data/gaz_person_names.tsv: seen at least a few times as a surname, middle or given name): "Tùng Lê",
// "Ngọc Lan", but not "Dân Trí" or "Thể thao Việt Nam".
bool reads_as_personal_name(std::u16string_view name);

// A token written as an abbreviation: two characters or more, the first uppercase, no lowercase letter
// ("IDF", "NHNN", "C67", "TP.HCM").
bool in_capitals(std::u16string_view written);

// What Doc::phrase_starts knows of token `at`'s form for phrase list `list`: bit 1, it starts a phrase of the
// list; bit 2, it is one; -1 if not asked yet (or the token has no form number).
inline std::int8_t known_phrase_start(const Doc& doc, std::size_t list, int at) {
  const std::int32_t form = doc.info[at].form;
  if (form < 0 || list >= doc.phrase_starts.size()) return -1;
  const std::vector<std::int8_t>& starts = doc.phrase_starts[list];
  return static_cast<std::size_t>(form) < starts.size() ? starts[form] : -1;
}

// Length in tokens of the longest entry of a lowercase phrase list (titles.tsv, honorifics.tsv, …)
// starting at token `at` and ending by `limit`; 0 if none.
int match_phrase_at(const Doc& doc, DataFile list, int at, int limit);
// The same, answering here what most calls ask (rules ask it at every token, for dozens of lists, ~7,000
// times an article): a token that is no word, or whose form is known to start no phrase of the list, starts
// none. The rest is match_phrase_at's.
inline int match_phrase(const Doc& doc, DataFile list, int at, int limit) {
  if (at >= limit || !doc.info[at].is_word) return 0;
  const std::int8_t known = known_phrase_start(doc, list.index, at);
  if (known >= 0 && !(known & 1)) return 0;
  return match_phrase_at(doc, list, at, limit);
}

}  // namespace article::internal
