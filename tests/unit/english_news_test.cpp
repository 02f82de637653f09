// English news (issue 12): quotes and who said them, names with particles, roles, datelines, credits,
// bylines, years and times, and the language of mixed text. The first case reads an article written for this
// test (tests/fixtures/english-quotes): a quote with "said" before the speaker and a title ("said Mayor Anna de
// Vries"), with "told" after a pronoun ("he told reporters"), with "said" after a family name that opens with a
// particle ("de Vries said"), a quote continued without a verb, "X said the …" and "X said that …",
// "According to X, …" and "X added".
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "article/analyzer.h"
#include "kinds.h"

namespace {

// The analysis of `text` read as English.
article::Analysis english(const std::string& text) {
  article::Options options;
  options.language = "en";
  return article::analyze(text, options);
}

// The names an analysis found, in text order: (type, text as written).
using Names = std::vector<std::pair<std::string, std::string>>;
Names names_in(const article::Analysis& a) {
  Names names;
  for (const auto& e : a.entities)
    if (article::is_name(e.type)) names.push_back({article::json_name(e.type), e.span.text});
  return names;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

}  // namespace

TEST_CASE("English quotes: every common form found and attributed to the person named", "[quotes][en]") {
  const std::string text = read_file(std::string(ARTICLE_FIXTURES_DIR) + "/english-quotes/input.txt");
  REQUIRE_FALSE(text.empty());
  const article::Analysis a = article::analyze(text);
  REQUIRE(a.language == "en");
  std::vector<std::string> people;
  for (const auto& p : a.people) people.push_back(p.name);
  CHECK(people == std::vector<std::string>{"Anna de Vries", "Joost Bakker", "Mark Jansen"});
  // (kind, the quote's first words, the person it is attributed to)
  const std::vector<std::tuple<article::QuoteKind, std::string, std::string>> expected = {
      {article::QuoteKind::kDirect, "This is the best day", "Anna de Vries"},
      {article::QuoteKind::kDirect, "We are spending money", "Joost Bakker"},
      {article::QuoteKind::kDirect, "It will bring jobs", "Anna de Vries"},
      {article::QuoteKind::kDirect, "And it will bring people", "Anna de Vries"},
      {article::QuoteKind::kReported, "the work would begin", "Mark Jansen"},
      {article::QuoteKind::kReported, "the first ships could dock", "Mark Jansen"},
      {article::QuoteKind::kReported, "that he would keep watching", "Joost Bakker"},
      {article::QuoteKind::kDirect, "We will see", "Mark Jansen"},
  };
  REQUIRE(a.quotes.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const auto& [kind, start, person] = expected[i];
    const article::Quote& q = a.quotes[i];
    INFO(q.span.text);
    CHECK(q.kind == kind);
    CHECK(q.span.text.rfind(start, 0) == 0);
    REQUIRE(q.person >= 0);
    CHECK(a.people[q.person].name == person);
  }
}

TEST_CASE("English names: a particle inside a name, and the family name that opens with it", "[entities][en]") {
  const auto a = english(
      "The award went to Ursula von der Leyen on Monday. Later, von der Leyen thanked the jury. A van Driver "
      "parked outside.");
  std::vector<std::string> persons;
  for (const auto& e : a.entities)
    if (e.type == article::EntityType::kPerson) persons.push_back(e.span.text);
  // "van Driver" is no name: no full name showed "van" before "Driver".
  CHECK(persons == std::vector<std::string>{"Ursula von der Leyen", "von der Leyen"});
  REQUIRE(a.people.size() == 1);
  CHECK(a.people[0].mentions.size() == 2);
}

TEST_CASE("English roles: in apposition with their organization, with an article and a qualifier, before the name",
          "[people][en]") {
  const auto a = english(
      "Mary Smith, chief executive of Acme Corp, said profits rose. Prime Minister John Carter visited the port. "
      "The company hired Tom Reed, a former police officer, last year.");
  std::vector<std::tuple<std::string, std::string, std::string, std::vector<std::string>>> roles;
  for (const auto& p : a.people)
    for (const auto& r : p.roles) roles.emplace_back(p.name, r.title, r.organization, r.qualifiers);
  using Qualifiers = std::vector<std::string>;
  CHECK(roles == decltype(roles){{"Mary Smith", "chief executive", "Acme Corp", Qualifiers{}},
                                 {"John Carter", "Prime Minister", "", Qualifiers{}},
                                 {"Tom Reed", "police officer", "", Qualifiers{"former"}}});
}

TEST_CASE(
    "English datelines: a place in capitals is the place written in ordinary case, and the agency an organization",
    "[places][en]") {
  const auto a = english(
      "ROTTERDAM (Reuters) - The port said on Monday it would grow. Rotterdam handles most of the trade. "
      "LONDON stays quiet.");
  std::vector<std::pair<std::string, std::size_t>> places;
  for (const auto& p : a.places) places.emplace_back(p.name, p.mentions.size());
  // LONDON is written only so: it keeps its name.
  CHECK(places == decltype(places){{"Rotterdam", 2}, {"LONDON", 1}});
  // The dateline's agency is an organization; a bracketed name elsewhere is not one by that alone.
  std::vector<std::string> organizations;
  for (const auto& o : a.organizations) organizations.push_back(o.name);
  CHECK(organizations == std::vector<std::string>{"Reuters"});
  const auto aside = english("The port grew fast. The figures (Acme) - and others - agree.");
  CHECK(aside.organizations.empty());
  // A photographer named in a credit is no person of the story (GUIDE.md); the one in the caption is.
  const auto captioned = english(
      "Port grows\n\nThe port grew fast, its director said.\n\nMark Jansen visits the quay on Monday. Photo: Maria "
      "Lopez\n");
  std::vector<std::string> people;
  for (const auto& p : captioned.people) people.push_back(p.name);
  CHECK(people == std::vector<std::string>{"Mark Jansen"});
}

TEST_CASE("English dates and times: a year after a preposition or a determiner, the hour with a.m. or p.m.",
          "[dates][en]") {
  const auto a = english(
      "The 2022 report came out at 7 p.m. on Friday. Growth will slow in 2028. Talks end at 10:30 a.m. He scored "
      "2019 points.");
  std::vector<std::tuple<std::string, std::string, std::string>> got;  // type, text, ISO date or time
  for (const auto& e : a.entities)
    if (e.type != article::EntityType::kPerson)
      got.emplace_back(article::json_name(e.type), e.span.text, e.value.date.empty() ? e.value.time : e.value.date);
  CHECK(got == decltype(got){{"date", "2022", "2022"},
                             {"time", "7 p.m.", "19:00"},
                             {"date", "Friday", ""},
                             {"date", "2028", "2028"},
                             {"time", "10:30 a.m", "10:30"},
                             {"quantity", "2019 points", ""}});
}

TEST_CASE("Language of mixed text: a quote in the other language does not change the article's", "[language][en]") {
  const auto vietnamese = article::analyze(
      "Tổng thống Mỹ phát biểu tại Nhà Trắng\n\n\"We will not accept any deal that hurts American workers, and we "
      "will keep talking with our partners in Asia and Europe until we find one,\" ông nói.\n\nTheo ông, các cuộc "
      "đàm phán sẽ tiếp tục trong tuần tới.\n");
  CHECK(vietnamese.language == "vi");
  const auto english = article::analyze(
      "Officials met in Hanoi on Monday.\n\n\"Chúng tôi sẽ hợp tác chặt chẽ,\" the minister said. The talks will "
      "continue next week, and both sides expect an agreement on trade and investment by the end of the year.\n");
  CHECK(english.language == "en");
}

TEST_CASE("English bylines: 'By', a wire credit line, and a byline that names no author", "[blocks][en]") {
  const std::string story = "Port grows again\n\nThe port grew fast on Monday, officials said.\n\n";
  struct Row {
    const char* byline;
    const char* author;
  };
  for (const Row& row :
       {Row{"By Jane Doe", "Jane Doe"}, Row{"Reporting by Bart Meijer; Editing by Jan Harvey", "Bart Meijer"},
        Row{"Writing by Toby Sterling and Bart Meijer", "Toby Sterling"}, Row{"Staff Reporter", ""}}) {
    const auto a = english(story + row.byline + "\n");
    INFO(row.byline);
    REQUIRE_FALSE(a.blocks.empty());
    CHECK(a.blocks.back().type == article::BlockType::kByline);
    CHECK(a.article.author == row.author);
    CHECK(a.people.empty());  // the byline's names are not people of the story
  }
}

TEST_CASE("English quotes: a source that closes the sentence, 'according to X'", "[quotes][en]") {
  const article::Analysis a = english(
      "The old steel plant in the north will close in June, according to Mary Smith, the chief executive.\n\n"
      "Sales of the new phone rose sharply in the first quarter, according to Reuters.\n\n"
      "\"We will rebuild the bridge before the winter,\" according to the mayor.\n\n"
      "The company lost five million dollars last year, according to a filing.\n");
  auto speaker_of = [&a](const std::string& start) -> std::string {
    for (const auto& q : a.quotes)
      if (q.span.text.rfind(start, 0) == 0) return q.speaker;
    return "(no quote)";
  };
  CHECK(speaker_of("The old steel plant") == "Mary Smith");
  CHECK(speaker_of("Sales of the new phone") == "Reuters");
  CHECK(speaker_of("We will rebuild the bridge") == "the mayor");
  CHECK(speaker_of("The company lost") == "(no quote)");  // a document is no speaker
}

TEST_CASE("Sports tables: the sides of result lines and the rows of standings are teams, and countries stay places",
          "[entities][en]") {
  const article::Analysis a = english(
      "SOCCER - ENGLISH LEAGUE RESULTS\n\nResults of English league matches on Saturday:\n\n"
      "Doncaster 3 Darlington 2\nLeyton Orient 2 Hartlepool 0\nJapan 2 Brazil 1\n\n"
      "Standings (played, won, drawn, lost, goals for, against, points):\n\n"
      "Torquay 4 2 1 1 5 3 7\nScunthorpe 4 2 1 1 3 3 7\n\nDoncaster manager Sam Ellis said his side deserved the "
      "win.\n");
  auto type_of = [&a](const std::string& text) -> std::string {
    for (const auto& e : a.entities)
      if (e.span.text == text) return std::string(article::json_name(e.type));
    return "(none)";
  };
  for (const char* team : {"Doncaster", "Darlington", "Leyton Orient", "Hartlepool", "Torquay", "Scunthorpe"}) {
    INFO(team);
    CHECK(type_of(team) == "organization");
  }
  CHECK(type_of("Japan") == "location");  // a national team is written as its country, which the corpora tag a place
  CHECK(type_of("Brazil") == "location");

  // A baseball table: column heads are no name, a decimal is read with its row; a dateline's date is no row.
  const article::Analysis b = english(
      "MOSCOW 1996-08-30\n\nAMERICAN LEAGUE STANDINGS\n\nW L PCT GB\n\nNEW YORK 72 59 .550 -\nBALTIMORE 70 63 .526 "
      "3\n");
  CHECK(names_in(b) == Names{{"location", "MOSCOW"}, {"organization", "NEW YORK"}, {"organization", "BALTIMORE"}});
}

TEST_CASE(
    "English names: what a capitalized run may be that names nobody, and the words that make one a body or a place",
    "[entities][en]") {
  const article::Analysis a = english(
      "I met Iraqi Kurds and South Korean officials in July, before the World Cup.\n\n"
      "Palestinian President Yasser Arafat met the Bank of England and Volkswagen AG, the New York Times reported.\n\n"
      "Crowds gathered in Times Square and along the Hudson River.\n");
  const Names expected = {{"person", "Yasser Arafat"},       {"organization", "Bank of England"},
                          {"organization", "Volkswagen AG"}, {"organization", "New York Times"},
                          {"location", "Times Square"},      {"location", "Hudson River"}};
  CHECK(names_in(a) == expected);
}

TEST_CASE("English names: a name's last word seen alone is that person again, unless it is a letter or a month",
          "[entities][en]") {
  const article::Analysis a =
      english("King George I ruled for years. I think he was wise, and in July the court agreed.\n");
  for (const auto& e : a.entities) CHECK(e.span.text != "I");
  for (const auto& e : a.entities) CHECK(e.span.text != "July");
}

TEST_CASE("English organizations known by a name of their own: news agencies and institutions", "[entities][en]") {
  const article::Analysis a =
      english("A police official told Reuters on Friday. Interfax quoted a spokesman for the Federal Reserve.\n");
  std::vector<std::string> organizations;
  for (const auto& o : a.organizations) organizations.push_back(o.name);
  CHECK(organizations == std::vector<std::string>{"Reuters", "Interfax", "Federal Reserve"});
}

TEST_CASE("English people: after a title, and an initial with the family name", "[entities][en]") {
  const article::Analysis a =
      english("President Clinton met Prime Minister Netanyahu on Friday, and J. Russell watched.\n");
  std::vector<std::string> people;
  for (const auto& p : a.people) people.push_back(p.name);
  CHECK(people == std::vector<std::string>{"Clinton", "Netanyahu", "J. Russell"});
  REQUIRE(a.people.size() == 3);
  REQUIRE(!a.people[0].roles.empty());
  CHECK(a.people[0].roles[0].title == "President");
}

TEST_CASE("A weekday alone is the last day of that name, or the next one where its clause says what will be",
          "[dates][en]") {
  auto dates = [](const std::string& text, const char* language) {
    article::Options options;
    options.language = language;
    options.reference_date = "2025-06-03";  // a Tuesday
    std::vector<std::pair<std::string, std::string>> found;
    for (const auto& e : article::analyze(text, options).entities)
      if (e.type == article::EntityType::kDate) found.push_back({e.span.text, e.value.date});
    return found;
  };
  using Dates = std::vector<std::pair<std::string, std::string>>;
  CHECK(dates("The bank held rates on Monday and will meet again on Friday. Talks ended on Tuesday.", "en") ==
        Dates{{"Monday", "2025-06-02"}, {"Friday", "2025-06-06"}, {"Tuesday", "2025-06-03"}});
  CHECK(dates("Talks ended on Friday, officials said.", "en") == Dates{{"Friday", "2025-05-30"}});
  CHECK(dates("Hôm thứ Hai, ông An đã đến Hà Nội. Ông sẽ trở lại vào thứ Sáu.", "vi") ==
        Dates{{"thứ Hai", "2025-06-02"}, {"thứ Sáu", "2025-06-06"}});
}

TEST_CASE("English possessives: \"'s\" is a token of its own, so a name ends before it, and no word of its own",
          "[tokens][entities][en]") {
  const article::Analysis a = english("Anna Kowalczyk's plan and the city’s budget were read.\n");
  CHECK(names_in(a) == Names{{"person", "Anna Kowalczyk"}});
  std::vector<std::string> tokens;
  for (const auto& t : a.tokens) tokens.push_back(t.span.text);
  CHECK(tokens == std::vector<std::string>{"Anna", "Kowalczyk", "'s", "plan", "and", "the", "city", "’s", "budget",
                                           "were", "read", "."});
  CHECK(a.stats.words == 9);  // "Kowalczyk's" and "city’s" are one word each
  // Vietnamese keeps the apostrophe inside its token, as before.
  article::Options vi;
  vi.language = "vi";
  bool whole = false;
  for (const auto& t : article::analyze("Ông nói về Trump's plan.\n", vi).tokens) whole |= t.span.text == "Trump's";
  CHECK(whole);
}

TEST_CASE("English names: an ordinary word that opens a sentence opens no name", "[entities][en]") {
  const article::Analysis a =
      english("Despite Anna Kowalczyk's warning, the council voted. Together Piet Jansen and Mark Oduya left.\n");
  CHECK(names_in(a) == Names{{"person", "Anna Kowalczyk"}, {"person", "Piet Jansen"}, {"person", "Mark Oduya"}});
  // Unless the article capitalizes the word inside a sentence too: "Will" is then a name.
  const article::Analysis b = english("Will Oduya scored twice. The coach praised Will Oduya.\n");
  CHECK(names_in(b) == Names{{"person", "Will Oduya"}, {"person", "Will Oduya"}});
}

TEST_CASE("English names: two capitalized words with an ordinary word among them are no person by default",
          "[entities][en]") {
  // Works, movements and titles of things ("Cultural Revolution", "Democracy Wall") are written like names; a
  // person is not taken for granted when one of the words is an ordinary English word (en_common_words.txt).
  const article::Analysis a =
      english("He wrote about the Cultural Revolution and the Democracy Wall movement, Larry Kowalczyk said.\n");
  CHECK(names_in(a) == Names{{"person", "Larry Kowalczyk"}});
}

TEST_CASE("English names: a title inside a run of capitals, and a people's adjective before a name", "[entities][en]") {
  const article::Analysis a =
      english("Defence Minister Piet Jansen met Japanese Nobuo Sakamura, and British Airways flew them home.\n");
  CHECK(names_in(a) ==
        Names{{"person", "Piet Jansen"}, {"person", "Nobuo Sakamura"}, {"organization", "British Airways"}});
  REQUIRE(!a.people.empty());
  REQUIRE(!a.people[0].roles.empty());
  CHECK(a.people[0].roles[0].title == "Minister");
}

TEST_CASE("English places: a word for a kind of place beside a name makes it a place's", "[entities][en]") {
  const article::Analysis a = english(
      "Rebels held the town of Veldorra and the state capital Marquetta, and a plant opened in Henshu province.\n");
  CHECK(names_in(a) == Names{{"location", "Veldorra"}, {"location", "Marquetta"}, {"location", "Henshu"}});
  // "state of emergency": the kind word needs a capitalized name after it.
  CHECK(names_in(english("They declared a state of emergency.\n")).empty());
}

TEST_CASE("English places: a run that is the whole name of a town or a state of the world is a place",
          "[entities][en]") {
  // Towns and first-level divisions from GeoNames (en_world_cities.txt): in prose, in capitals, of two words.
  const article::Analysis a = english(
      "KEHL 1996-08-30\nThe bridge to Strasbourg reopened after talks in Herzliya, Panama City and Tulsa, and "
      "a plant in Bavaria closed.\n");
  CHECK(names_in(a) == Names{{"location", "KEHL"},
                             {"location", "Strasbourg"},
                             {"location", "Herzliya"},
                             {"location", "Panama City"},
                             {"location", "Tulsa"},
                             {"location", "Bavaria"}});
  // Only the whole run: a club named after its town is not the town, nor is a body named after it.
  CHECK(names_in(english("Fans of Leeds United met the Tulsa Police Department.\n")) ==
        Names{{"person", "Leeds United"}, {"organization", "Tulsa Police Department"}});
  // A person stays a person: after a title or a form of address, and where the article named them in full.
  CHECK(names_in(english("Mr Leeds said the rain would stop.\n")) == Names{{"person", "Leeds"}});
  CHECK(names_in(english("Sarah Hove arrived late. Hove said she was sorry.\n")) ==
        Names{{"person", "Sarah Hove"}, {"person", "Hove"}});
  // An ordinary word that is also a town's name is no place ("Mobile", "Reading" are not in the list).
  CHECK(names_in(english("She worked on Mobile apps and Reading lists.\n")).empty());
}

TEST_CASE("English names written again: a name found once is that name wherever the article repeats it",
          "[entities][en]") {
  // The results and standings type the clubs; the prose and the capitals of the headline name them again
  // without a score beside them. Where the model reads "Kerrow" in the prose as a person, the two rows outvote it.
  const article::Analysis a = english(
      "CRICKET - WESTMOOR CLOSE IN ON TITLE\n\nWestmoor, however, look certain to regain the lead, and Kerrow made "
      "up for lost time.\n\nResults on Friday:\n\nWestmoor 3 Kerrow 2\nPohlberg 3 Ulmar 2 (halftime 1-0)\n\n"
      "Standings:\n\nKerrow 4 2 1 1 5 3 7\n");
  CHECK(names_in(a) == Names{{"organization", "WESTMOOR"},
                             {"organization", "Westmoor"},
                             {"organization", "Kerrow"},
                             {"organization", "Westmoor"},
                             {"organization", "Kerrow"},
                             {"organization", "Pohlberg"},
                             {"organization", "Ulmar"},
                             {"organization", "Kerrow"}});
  REQUIRE(!a.organizations.empty());
  CHECK(a.organizations[0].name == "Westmoor");
  CHECK(a.organizations[0].mentions.size() == 3);
  // Only a whole run of capitalized words is the name again: "Westmoor County" is not "Westmoor".
  const article::Analysis b = english("Results:\n\nWestmoor 3 Kerrow 2\n\nWestmoor County Council met.\n");
  for (const auto& e : b.entities) CHECK(e.span.text != "Westmoor County");
  int westmoor = 0;
  for (const auto& e : b.entities) westmoor += e.span.text == "Westmoor";
  CHECK(westmoor == 1);
}

TEST_CASE("Sports pages: fixture lines, and result lines with scorers, innings or points", "[entities][en]") {
  auto organizations_of = [](const article::Analysis& a) {
    std::vector<std::string> out;
    for (const auto& e : a.entities)
      if (e.type == article::EntityType::kOrganization) out.push_back(e.span.text);
    return out;
  };
  // Fixtures are read as such on a page that reports a scored match.
  const article::Analysis a =
      english("Results on Saturday:\n\nDoncaster 3 Darlington 2\n\nPostponed: Westmoor v Kerrow\nPOHLBERG AT ULMAR\n");
  CHECK(organizations_of(a) ==
        std::vector<std::string>{"Doncaster", "Darlington", "Westmoor", "Kerrow", "POHLBERG", "ULMAR"});
  // Elsewhere "v" joins the parties of a court case.
  const article::Analysis court = english("The judges cited Brandt v Lomax in their ruling.\n\nBrandt v Lomax\n");
  CHECK(organizations_of(court).empty());
  // Each side's score with its scorers in brackets, a second innings, wickets, points.
  const article::Analysis b = english(
      "Results:\n\nWestmoor 2 (Ronaldo 30, Pizzi 80) Real Kerrow 1 (Roberto Carlos 79th)\n"
      "Pohlberg 259 and 207 (A. Dale 69; D. Blenkiron 4-43), Ulmar 114 (S. Watkin 4-28) and 81-3.\n"
      "Brackley 24 points, Osterby 5.\n");
  const auto teams = organizations_of(b);
  for (const char* team : {"Westmoor", "Real Kerrow", "Pohlberg", "Ulmar", "Brackley", "Osterby"}) {
    INFO(team);
    CHECK(std::count(teams.begin(), teams.end(), team) == 1);
  }
  // Two names with a number each and nothing more are golfers as often as teams; times are no scores.
  const article::Analysis c =
      english("Leaders:\n\nTorvald Jensen 70, Mikkel Aas 72\nAdam Brooke 9.91 (wind 1.2), Ben Carr 9.95\n");
  CHECK(organizations_of(c).empty());
}

TEST_CASE(
    "English organizations: a company named with its legal form is named without it too; abbreviations "
    "that name no body",
    "[entities][en]") {
  const article::Analysis a = english(
      "Acmetron SpA agreed to buy a stake in Kessler Motor Corp on Friday. Acmetron will control the venture, and "
      "shares of Kessler rose in June.\n");
  CHECK(names_in(a) == Names{{"organization", "Acmetron SpA"},
                             {"organization", "Kessler Motor Corp"},
                             {"organization", "Acmetron"},
                             {"organization", "Kessler"}});
  // One organization each, with both mentions.
  REQUIRE(a.organizations.size() == 2);
  CHECK(a.organizations[0].name == "Acmetron SpA");
  CHECK(a.organizations[0].mentions.size() == 2);
  const article::Analysis b = english("Trading opened at 0800 GMT, and the company's CEO spoke to IBM.\n");
  CHECK(names_in(b) == Names{{"organization", "IBM"}});
}

TEST_CASE("English datelines: the place, date and agency a wire story opens with, and the article's date",
          "[blocks][en]") {
  const auto a = english("Port grows\n\nROTTERDAM, June 3 (Reuters) - The port said on Monday it would grow.\n");
  REQUIRE(a.article.dateline);
  CHECK(a.article.dateline->span.text == "ROTTERDAM, June 3 (Reuters) -");
  CHECK(a.article.dateline->place.text == "ROTTERDAM");
  CHECK(a.article.dateline->date == "--06-03");  // no year is written or given
  REQUIRE(a.article.dateline->agency);
  CHECK(a.article.dateline->agency->text == "Reuters");
  CHECK(a.article.date.empty());
  // A line of its own with the region and a whole date: that date is the article's, and a weekday in the text
  // resolves against it.
  const auto b =
      english("Fans locked out\n\nHERZLIYA, Israel 1996-08-31\n\nThe club said on Friday it would appeal.\n");
  REQUIRE(b.article.dateline);
  CHECK(b.article.dateline->place.text == "HERZLIYA, Israel");
  CHECK(b.article.date == "1996-08-31");
  bool friday = false;
  for (const auto& e : b.entities) friday |= e.span.text == "Friday" && e.value.date == "1996-08-30";
  CHECK(friday);
  // A story that opens with a name in capitals and no date, agency or dash has no dateline; nor does
  // Vietnamese text.
  CHECK_FALSE(english("Port grows\n\nNATO said on Monday it would grow.\n").article.dateline);
  article::Options vi;
  vi.language = "vi";
  CHECK_FALSE(article::analyze("Tin nhanh\n\nHÀ NỘI (TTXVN) - Sáng nay mưa to.\n", vi).article.dateline);
}
