// Word segmentation: word-list words, name runs, and the VLSP conventions in vi_segmentation_rules.tsv.
#include <catch2/catch.hpp>

#include <algorithm>
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
