// Word segmentation: word-list words, name runs, and the VLSP conventions in vi_segmentation_rules.tsv.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "article/analyzer.h"
#include "kinds.h"

namespace {

std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> out;
  for (const auto& w : article::analyze(text).words) out.push_back(w.span.text);
  return out;
}

}  // namespace

TEST_CASE("word segmentation", "[words]") {
  struct Row {
    const char* name;
    const char* text;
    std::vector<std::string> words;
  };
  // clang-format off
  const std::vector<Row> table = {
      {"word-list words and a place", "Ban Dân vận Tỉnh ủy Hà Tĩnh tổ chức hội nghị tổng kết công tác dân vận.",
       {"Ban", "Dân vận", "Tỉnh ủy", "Hà Tĩnh", "tổ chức", "hội nghị", "tổng kết", "công tác", "dân vận"}},
      {"a person's name is one word", "Phó Chủ tịch UBND tỉnh Lê Ngọc Châu phát biểu tại hội nghị.",
       {"Phó Chủ tịch", "UBND", "tỉnh", "Lê Ngọc Châu", "phát biểu", "tại", "hội nghị"}},
      {"backward matching: của | công ty", "Trụ sở của công ty nằm ở trung tâm.",
       {"Trụ sở", "của", "công ty", "nằm", "ở", "trung tâm"}},
      {"classifier and noun, verb and complement", "Ngôi nhà được đưa ra bán.",
       {"Ngôi", "nhà", "được", "đưa", "ra", "bán"}},
      {"a form of address is not part of the name", "Bà Liễu cho biết như vậy.",
       {"Bà", "Liễu", "cho", "biết", "như vậy"}},
      {"a number and its multiplier", "Dự án cần 10 triệu đồng.",
       {"Dự án", "cần", "10 triệu", "đồng"}},
      {"a run ending in a known place", "Ở phố Hàng Mành Hà Nội rất vui.",
       {"Ở", "phố", "Hàng Mành", "Hà Nội", "rất", "vui"}},
  };
  // clang-format on
  for (const Row& row : table) {
    INFO(row.name);
    CHECK(words_of(row.text) == row.words);
  }
}

TEST_CASE("user words: one word each in the segmentation, an entity each when typed", "[words][user]") {
  article::Options options;
  options.words = {{"trà sữa trân châu", ""}, {"COVID-19", ""}, {"Sao Khuê", "organization"}};
  const std::string text = "Nhóm bạn uống trà sữa trân châu khi dịch covid-19 bùng phát, rồi nhận giải Sao Khuê.";
  const article::Analysis a = article::analyze(text, options);
  std::vector<std::string> words;
  for (const auto& w : a.words) words.push_back(w.span.text);
  auto has = [&words](const std::string& w) { return std::find(words.begin(), words.end(), w) != words.end(); };
  // Matched whatever the case, piece for piece ("covid-19" is three tokens), and one word each.
  CHECK(has("trà sữa trân châu"));
  CHECK(has("covid-19"));
  // The typed one is an entity of its type, in place of what the names made of it.
  int found = 0;
  for (const auto& e : a.entities)
    if (e.span.text == "Sao Khuê") found += e.type == article::EntityType::kOrganization;
  CHECK(found == 1);
  for (const auto& e : a.entities) CHECK_FALSE((e.span.text.find("Khuê") != std::string::npos && e.type != article::EntityType::kOrganization));
  // Without them, the same text segments as before.
  const article::Analysis plain = article::analyze(text);
  std::vector<std::string> plain_words;
  for (const auto& w : plain.words) plain_words.push_back(w.span.text);
  CHECK(std::find(plain_words.begin(), plain_words.end(), "trà sữa trân châu") == plain_words.end());
  // A word of one token cuts no word it is part of: each syllable as a user word changes nothing.
  article::Options syllables;
  for (const char* s : {"bùng", "phát", "giải", "nhận", "bạn", "Nhóm"}) syllables.words.push_back({s, ""});
  std::vector<std::string> with_syllables;
  for (const auto& w : article::analyze(text, syllables).words) with_syllables.push_back(w.span.text);
  CHECK(with_syllables == plain_words);
}

TEST_CASE("user words: a match stays inside its sentence and needs one space between pieces", "[words][user]") {
  article::Options options;
  options.words = {{"hội nghị", ""}, {"bảo hiểm xã hội", "organization"}};
  const article::Analysis a = article::analyze("Họ mở hội.\nNghị quyết về bảo  hiểm xã hội được thông qua.", options);
  for (const auto& w : a.words) CHECK(w.span.text != "hội.\nNghị");
  for (const auto& e : a.entities) CHECK(e.span.text.find("bảo  hiểm") == std::string::npos);
}

TEST_CASE("user words: bad entries are invalid_option warnings, from C++ and from JSON", "[words][user][checks]") {
  article::Options options;
  options.words = {{"", ""}, {std::string(300, 'a'), ""}, {"Vingroup", "company"}, {"Vingroup", "organization"}};
  const article::Analysis a = article::analyze("Tập đoàn Vingroup công bố kết quả.", options);
  int warnings = 0;
  for (const auto& w : a.warnings) warnings += w.code == "invalid_option";
  CHECK(warnings == 2);  // two empty or too long, one of an unknown type
  int vingroup = 0;
  for (const auto& e : a.entities) vingroup += e.span.text.find("Vingroup") != std::string::npos && e.type == article::EntityType::kOrganization;
  CHECK(vingroup == 1);
  std::vector<article::Message> problems;
  const article::Options o = article::options_from_json(
      R"({"words":["trà sữa",{"text":"Sao Khuê","type":"organization"},{"type":"person"},7]})", &problems);
  REQUIRE(o.words.size() == 2);
  CHECK(o.words[1].type == "organization");
  CHECK(problems.size() == 2);
  problems.clear();
  (void)article::options_from_json(R"({"words":"trà sữa"})", &problems);
  CHECK(problems.size() == 1);
}

TEST_CASE("user words: each analysis matches its own list, however the lists before it were", "[words][user]") {
  const std::string text = "Họ uống trà sữa trân châu.";
  auto words_with = [&text](std::vector<article::UserWord> list) {
    article::Options options;
    options.words = std::move(list);
    std::vector<std::string> out;
    for (const auto& w : article::analyze(text, options).words) out.push_back(w.span.text);
    return out;
  };
  auto has = [](const std::vector<std::string>& v, const std::string& w) { return std::find(v.begin(), v.end(), w) != v.end(); };
  const auto first = words_with({{"trà sữa trân châu", ""}});
  CHECK(has(first, "trà sữa trân châu"));
  const auto second = words_with({{"uống trà", ""}});
  CHECK(has(second, "uống trà"));
  CHECK_FALSE(has(second, "trà sữa trân châu"));
  CHECK(words_with({{"trà sữa trân châu", ""}}) == first);
  CHECK_FALSE(has(words_with({}), "uống trà"));
}

namespace {
std::string read_words_file() {
  std::ifstream file(ARTICLE_WORDS_FILE, std::ios::binary);
  return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}
// The words and entities of an article, as text, for comparing two word lists' analyses.
std::string segmentation_of(const std::string& text) {
  std::string out;
  article::Options vietnamese;
  vietnamese.language = "vi";
  const article::Analysis a = article::analyze(text, vietnamese);
  for (const auto& w : a.words) out += w.span.text + "|";
  for (const auto& e : a.entities) out += "\n" + e.span.text;
  return out;
}
}  // namespace

TEST_CASE("the compiled word list: the same words as its text, and bad bytes refused", "[words][compiled]") {
  const std::string lines = read_words_file();
  const std::string compiled = article::compile_word_list(lines);
  REQUIRE(compiled.substr(0, 4) == "AAWL");
  CHECK(compiled.size() < lines.size() / 2);
  // Conventions, backward matching, names, the supplement's words ("ông ta"), numbers: what the text gives.
  const std::string text =
      "Ngôi nhà của ông ta được đưa ra bán. Trụ sở của công ty nằm ở trung tâm Hà Nội. Phó Chủ tịch UBND "
      "tỉnh Lê Ngọc Châu phát biểu tại hội nghị tổng kết công tác dân vận. Dự án cần 10 triệu đồng.";
  REQUIRE(article::set_word_list(lines));
  const std::string from_text = segmentation_of(text);
  REQUIRE(article::set_word_list(compiled));
  CHECK(segmentation_of(text) == from_text);
  CHECK(article::compile_word_list(lines) == compiled);  // deterministic: the build's file is reproducible

  // Truncated anywhere, another version, an entry's syllable id out of range: refused, no list left
  // registered (words are syllables), never a crash.
  for (const std::size_t cut :
       {std::size_t{4}, std::size_t{5}, std::size_t{9}, compiled.size() / 2, compiled.size() - 1}) {
    CHECK_FALSE(article::set_word_list(compiled.substr(0, cut)));
    CHECK(segmentation_of("công ty") == "công|ty|");
  }
  std::string other_version = compiled;
  other_version[4] = 9;
  CHECK_FALSE(article::set_word_list(other_version));
  // The format itself, written by hand: two syllables, one entry of both (sources 1: the list's).
  const std::string header =
      std::string("AAWL\x01\x02\x02", 7) + "ab" + std::string("\x02", 1) + "cd" + std::string("\x01", 1);
  REQUIRE(article::set_word_list(header + std::string("\x01\x02\x01\x02", 4)));
  CHECK(segmentation_of("ab cd") == "ab cd|");
  CHECK_FALSE(article::set_word_list(header + std::string("\x01\x02\x01\x05", 4)));      // id 5 of 2
  CHECK_FALSE(article::set_word_list(header + std::string("\x01\x01\x01", 3)));          // one syllable
  CHECK_FALSE(article::set_word_list(header + std::string("\x00\x02\x01\x02", 4)));      // no source
  CHECK_FALSE(article::set_word_list(header + std::string("\x01\x02\x01\x02\x00", 5)));  // bytes after it
  CHECK(article::compile_word_list("# only a comment\nmột\n").empty());
  REQUIRE(article::set_word_list(lines));  // the list the other tests expect
  CHECK(segmentation_of("công ty") == "công ty|");
}
