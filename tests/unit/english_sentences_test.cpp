// English sentence boundaries (stages/07_split_sentences.cpp with the English rules of sentence_rules_en.tsv): a table
// of input → the sentences expected, in order, by family. Every case is written for this test (none is taken from a
// public edge-case set, so that those sets still measure us).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "article/analyzer.h"
#include "kinds.h"

namespace {

using Sentences = std::vector<std::string>;

Sentences english_sentences(const std::string& text) {
  article::Options options;
  options.language = "en";
  Sentences out;
  for (const auto& s : article::analyze(text, options).sentences) out.push_back(s.span.text);
  return out;
}

struct Row {
  const char* family;
  const char* input;
  Sentences expected;
};

// clang-format off
const std::vector<Row> kTable = {
    // Titles and other abbreviations before a name never end a sentence.
    {"title", "Mr. Okafor arrived late. He apologised.", {"Mr. Okafor arrived late.", "He apologised."}},
    {"title", "The panel was chaired by Dr. Lena Fischer of Basel.", {"The panel was chaired by Dr. Lena Fischer of Basel."}},
    {"title", "Mrs. Patel and Ms. Wong met Prof. Adeyemi on Friday.", {"Mrs. Patel and Ms. Wong met Prof. Adeyemi on Friday."}},
    {"title", "Gen. Ruiz spoke first. Sen. Holt replied.", {"Gen. Ruiz spoke first.", "Sen. Holt replied."}},
    {"title", "Lt. Col. Mara Quist commands the unit.", {"Lt. Col. Mara Quist commands the unit."}},
    {"title", "Rev. Amos Kline led the service at St. Mark's church.", {"Rev. Amos Kline led the service at St. Mark's church."}},
    {"title", "Gov. Delgado vetoed the bill, said Rep. Tanaka.", {"Gov. Delgado vetoed the bill, said Rep. Tanaka."}},
    // Abbreviations inside a sentence, and at its end before a new one.
    {"abbreviation", "Shares of Norvale Inc. rose 4 percent.", {"Shares of Norvale Inc. rose 4 percent."}},
    {"abbreviation", "The deal was signed by Harlow Corp. The shares jumped.", {"The deal was signed by Harlow Corp.", "The shares jumped."}},
    {"abbreviation", "They sell pens, paper, ink, etc. at the market.", {"They sell pens, paper, ink, etc. at the market."}},
    {"abbreviation", "They sell pens, paper, ink, etc. The market opens at nine.", {"They sell pens, paper, ink, etc.", "The market opens at nine."}},
    {"abbreviation", "Fruit, e.g. apples, is cheap. Vegetables are not.", {"Fruit, e.g. apples, is cheap.", "Vegetables are not."}},
    {"abbreviation", "Bring one thing, i.e. a passport.", {"Bring one thing, i.e. a passport."}},
    {"abbreviation", "The case was Brant vs. Olmos in 2019.", {"The case was Brant vs. Olmos in 2019."}},
    {"abbreviation", "It weighs approx. two tonnes.", {"It weighs approx. two tonnes."}},
    {"abbreviation", "The office is on Elm St. near the park.", {"The office is on Elm St. near the park."}},
    {"abbreviation", "Talks resumed on Jan. 14 after a pause.", {"Talks resumed on Jan. 14 after a pause."}},
    {"abbreviation", "The rally is planned for Sept. 3, officials said.", {"The rally is planned for Sept. 3, officials said."}},
    {"abbreviation", "He lives in the U.S. but works in Canada.", {"He lives in the U.S. but works in Canada."}},
    {"abbreviation", "The money went to the U.S. The rest stayed home.", {"The money went to the U.S.", "The rest stayed home."}},
    {"abbreviation", "She holds a Ph.D. in chemistry.", {"She holds a Ph.D. in chemistry."}},
    {"abbreviation", "The U.N. Security Council met on Monday.", {"The U.N. Security Council met on Monday."}},
    {"abbreviation", "The team and co. left early.", {"The team and co. left early."}},
    {"abbreviation", "Ask Omar and co. They know the way.", {"Ask Omar and co.", "They know the way."}},
    {"abbreviation", "Shops on Main st. close at six.", {"Shops on Main st. close at six."}},
    {"abbreviation", "The farm belongs to Hale Jr. and his sister.", {"The farm belongs to Hale Jr. and his sister."}},
    {"abbreviation", "She moved to the U.S.A. in 1999.", {"She moved to the U.S.A. in 1999."}},
    {"abbreviation", "I live in the E.U. What about you?", {"I live in the E.U.", "What about you?"}},
    {"abbreviation", "He served in the U.S. Army for a decade.", {"He served in the U.S. Army for a decade."}},
    {"abbreviation", "Prices rose in Feb. and fell in Mar. The year ended flat.", {"Prices rose in Feb. and fell in Mar.", "The year ended flat."}},
    // Abbreviations before a number.
    {"number abbreviation", "See p. 55 for the table.", {"See p. 55 for the table."}},
    {"number abbreviation", "The figures are on pp. 12-14 of the report.", {"The figures are on pp. 12-14 of the report."}},
    {"number abbreviation", "He wore shirt No. 9 for a decade.", {"He wore shirt No. 9 for a decade."}},
    {"number abbreviation", "Under art. 5 of the treaty, allies must respond.", {"Under art. 5 of the treaty, allies must respond."}},
    {"number abbreviation", "Call ext. 2040 for help.", {"Call ext. 2040 for help."}},
    // Times of day.
    {"time", "The vote starts at 9 a.m. on Tuesday.", {"The vote starts at 9 a.m. on Tuesday."}},
    {"time", "Polls closed at 8 p.m. Counting began at once.", {"Polls closed at 8 p.m.", "Counting began at once."}},
    {"time", "It ended at 11 p.m. local time.", {"It ended at 11 p.m. local time."}},
    // Initials.
    {"initials", "The novel is by J. K. Rowling.", {"The novel is by J. K. Rowling."}},
    {"initials", "Judge A. B. Moreno dismissed the case.", {"Judge A. B. Moreno dismissed the case."}},
    {"initials", "George W. Bush visited the plant in 2004.", {"George W. Bush visited the plant in 2004."}},
    {"initials", "T.S. Eliot wrote it. Critics loved it.", {"T.S. Eliot wrote it.", "Critics loved it."}},
    {"initials", "We need you and I. Did you call Omar K. Reyes?", {"We need you and I.", "Did you call Omar K. Reyes?"}},
    // Numbers, money and figures.
    {"numbers", "Inflation rose 3.5 percent in May.", {"Inflation rose 3.5 percent in May."}},
    {"numbers", "The bill costs $4.2 billion. Critics call it waste.", {"The bill costs $4.2 billion.", "Critics call it waste."}},
    {"numbers", "Version 2.0.1 fixed the bug.", {"Version 2.0.1 fixed the bug."}},
    {"numbers", "The team scored 3 goals. The other side scored 2.", {"The team scored 3 goals.", "The other side scored 2."}},
    {"numbers", "Temperatures hit 41.3 degrees. Schools closed.", {"Temperatures hit 41.3 degrees.", "Schools closed."}},
    // Numbered lists.
    {"list", "1. Open the box 2. Remove the tray 3. Plug it in", {"1. Open the box", "2. Remove the tray", "3. Plug it in"}},
    {"list", "1) Open the box 2) Remove the tray", {"1) Open the box", "2) Remove the tray"}},
    {"list", "a. Read the form b. Sign it", {"a. Read the form", "b. Sign it"}},
    {"list", "The rules are simple: 1. be on time 2. be polite.", {"The rules are simple: 1. be on time 2. be polite."}},
    {"list", "1. Open the box. 2. Remove the tray.", {"1. Open the box.", "2. Remove the tray."}},
    {"list", "1.) Open the box 2.) Remove the tray", {"1.) Open the box", "2.) Remove the tray"}},
    {"list", "9. Check the seal 10. Close the lid", {"9. Check the seal", "10. Close the lid"}},
    // Quotations.
    {"quotes", "\"We will win,\" she said. The crowd cheered.", {"\"We will win,\" she said.", "The crowd cheered."}},
    {"quotes", "\"Is it over?\" he asked.", {"\"Is it over?\" he asked."}},
    {"quotes", "\"Run!\" shouted the guard.", {"\"Run!\" shouted the guard."}},
    {"quotes", "He said, \"It is done.\" Then he left.", {"He said, \"It is done.\"", "Then he left."}},
    {"quotes", "\u201cIt is done,\u201d he said. \u201cWe go home.\u201d", {"\u201cIt is done,\u201d he said.", "\u201cWe go home.\u201d"}},
    {"quotes", "\u201cWhy now?\u201d asked one voter. Nobody answered.", {"\u201cWhy now?\u201d asked one voter.", "Nobody answered."}},
    {"quotes", "She called it 'a disaster.' Others disagreed.", {"She called it 'a disaster.'", "Others disagreed."}},
    {"quotes", "He looked up, \"That is odd.\" he said.", {"He looked up, \"That is odd.\" he said."}},
    // Parentheses.
    {"parentheses", "The firm (founded in 1990) is based in Oslo.", {"The firm (founded in 1990) is based in Oslo."}},
    {"parentheses", "Sales fell. (The figures are provisional.) Costs rose.", {"Sales fell.", "(The figures are provisional.)", "Costs rose."}},
    {"parentheses", "The agency (see Fig. 2) disagreed.", {"The agency (see Fig. 2) disagreed."}},
    {"parentheses", "He left (for good). She stayed.", {"He left (for good).", "She stayed."}},
    {"parentheses", "The mayor (She was elected in 2019.) declined to comment.", {"The mayor (She was elected in 2019.) declined to comment."}},
    // Ellipses.
    {"ellipsis", "He paused... and then went on.", {"He paused... and then went on."}},
    {"ellipsis", "We waited... Nobody came.", {"We waited...", "Nobody came."}},
    {"ellipsis", "The answer was \u2026 no.", {"The answer was \u2026 no."}},
    {"ellipsis", "It was over\u2026 The fans went home.", {"It was over\u2026", "The fans went home."}},
    {"ellipsis", "He hesitated . . . then spoke.", {"He hesitated . . . then spoke."}},
    {"ellipsis", "It was never meant to be. . . . The band split.", {"It was never meant to be. . . .", "The band split."}},
    {"ellipsis", "I never said that.... She walked out.", {"I never said that....", "She walked out."}},
    // Question and exclamation marks.
    {"question", "Who pays? Nobody knows.", {"Who pays?", "Nobody knows."}},
    {"question", "What a day! We won!", {"What a day!", "We won!"}},
    {"question", "Really?! That is news.", {"Really?!", "That is news."}},
    {"question", "Wait!! Stop the car.", {"Wait!!", "Stop the car."}},
    {"question", "Ready?? Go now.", {"Ready??", "Go now."}},
    {"question", "She works at Yahoo! in marketing.", {"She works at Yahoo! in marketing."}},
    // E-mail addresses and web addresses.
    {"address", "Write to press@harbor-news.org for details.", {"Write to press@harbor-news.org for details."}},
    {"address", "Details are at www.harbor-news.org. Tickets sell fast.", {"Details are at www.harbor-news.org.", "Tickets sell fast."}},
    {"address", "Visit https://example.org/page.html today.", {"Visit https://example.org/page.html today."}},
    {"address", "The file report.pdf was leaked.", {"The file report.pdf was leaked."}},
    {"address", "Her address is Mia.Lopez@example.com. She replies fast.", {"Her address is Mia.Lopez@example.com.", "She replies fast."}},
    {"address", "The page is https://www.example.org/a/b_c.html. Read it.", {"The page is https://www.example.org/a/b_c.html.", "Read it."}},
};
// clang-format on

}  // namespace

TEST_CASE("English sentence boundaries: every family of the table", "[sentences][en]") {
  int passed = 0;
  for (const Row& row : kTable) {
    const Sentences got = english_sentences(row.input);
    INFO(row.family << ": " << row.input);
    CHECK(got == row.expected);
    passed += got == row.expected;
  }
  WARN("English sentence table: " << passed << " of " << kTable.size());
  CHECK(kTable.size() >= 60);
}
