// The function words rules read by their role (core/data/rule_words.tsv, core/src/rule_words.h): the file and
// the enum agree, each lookup reads the data, and a byline note is read through them.
#include <catch2/catch.hpp>

#include <string>

#include "article/analyzer.h"
#include "rule_words.h"

using article::internal::contains_rule_word;
using article::internal::is_rule_word;
using article::internal::rule_word_at;
using article::internal::rule_word_problems;
using article::internal::rule_words;
using article::internal::RuleWord;

TEST_CASE("rule words: every role of the enum has words, and every line of the file a known role", "[rule_words]") {
  CHECK(rule_word_problems().empty());
  for (int role = 0; role < static_cast<int>(RuleWord::kCount); ++role)
    CHECK(!rule_words(static_cast<RuleWord>(role)).empty());
}

TEST_CASE("rule words: lookups by role", "[rule_words]") {
  CHECK(is_rule_word(RuleWord::kConjunction, std::string("và")));
  CHECK_FALSE(is_rule_word(RuleWord::kConjunction, std::string("vào")));
  CHECK(is_rule_word(RuleWord::kYearWord, std::string("năm")));
  CHECK(is_rule_word(RuleWord::kRangeTo, std::string("đến")));
  CHECK(is_rule_word(RuleWord::kBylineBy, std::u16string_view(u"By")));  // as written, any case
  CHECK_FALSE(is_rule_word(RuleWord::kBylineBy, std::u16string_view(u"Bye")));
  // A word that ends in a letter needs a space after it; one that ends in a mark does not.
  CHECK(rule_word_at(u"Theo VnExpress", 0, RuleWord::kBylineFrom) == 4);
  CHECK(rule_word_at(u"Theodore Roosevelt", 0, RuleWord::kBylineFrom) == 0);
  CHECK(rule_word_at(u"Nguồn:VOV", 0, RuleWord::kSourceLabel) == 6);
  // Whole words only.
  CHECK(contains_rule_word(RuleWord::kCompiledNote, "(t/h)"));
  CHECK(contains_rule_word(RuleWord::kCompiledNote, "theo ttxvn tổng hợp"));
  CHECK(contains_rule_word(RuleWord::kCompiledNote, "th"));
  CHECK_FALSE(contains_rule_word(RuleWord::kCompiledNote, "thanh niên"));
}

TEST_CASE("rule words: a byline's compiled note names no source, whichever way it is written", "[rule_words][blocks]") {
  for (const char* note : {"(TH)", "(T/h)", "(Tổng hợp)"}) {
    const std::string text = std::string(
                                 "Hà Nội mưa lớn\n\nMưa lớn kéo dài suốt đêm qua khiến nhiều tuyến phố ngập sâu, "
                                 "giao thông ùn tắc kéo dài tới sáng nay.\n\nMộc Lam ") +
                             note;
    const article::Analysis a = article::analyze(text);
    INFO(note);
    CHECK(a.article.author == "Mộc Lam");
    CHECK(a.organizations.empty());
  }
  // A source in the note is one: "(Báo Bóng đá)".
  const article::Analysis sourced = article::analyze(
      "Hà Nội mưa lớn\n\nMưa lớn kéo dài suốt đêm qua khiến nhiều tuyến phố ngập sâu, giao thông ùn tắc kéo dài tới "
      "sáng nay.\n\nTheo Đức Nguyễn (Báo Bóng đá)");
  CHECK(sourced.organizations.size() == 1);
}
