// Entities, people, roles, places, organizations, quotes: the sample article's requirements and tables of
// dates and figures written for these tests.
#include <catch2/catch.hpp>

#include <algorithm>

#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "article/analyzer.h"
#include "kinds.h"

namespace {

std::string sample() {
  std::ifstream in(ARTICLE_SAMPLE_FILE, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

const article::Analysis& sample_analysis() {
  static const article::Analysis a = article::analyze(sample());
  return a;
}

std::string role_text(const article::Role& r) {
  std::string s;
  for (const auto& q : r.qualifiers) s += q + " ";
  return s + r.title + (r.organization.empty() ? "" : " | " + r.organization);
}

}  // namespace

TEST_CASE("sample: exactly the eight people, each with the role the text gives", "[people]") {
  const std::map<std::string, std::string> expected = {
      {"Trương Thanh Huyền", "Trưởng ban | Ban Dân vận Tỉnh ủy"},
      {"Ngô Văn Huỳnh", "standing Phó trưởng Ban | Ban Dân vận Tỉnh ủy"},
      {"Dương Xuân Hòa", "Phó trưởng Ban"},
      {"Lê Ngọc Châu", "Phó Chủ tịch | UBND tỉnh"},
      {"Phan Cao Thanh", "former Trưởng ban | Ban Dân vận Tỉnh ủy"},
      {"Lê Văn Sơn", "Trưởng ban | Ban Dân vận Huyện ủy Thạch Hà"},
      {"Bùi Thị Kiều Nhi", "Trưởng Ban | Ban Dân vận Huyện ủy Can Lộc"},
      {"Hoàng Anh Đức", "Phó Chủ tịch | Ủy ban MTTQ tỉnh"},
  };
  const auto& a = sample_analysis();
  std::map<std::string, std::string> found;
  for (const auto& p : a.people) {
    REQUIRE(p.roles.size() == 1);
    found[p.name] = role_text(p.roles[0]);
  }
  CHECK(found == expected);
  CHECK(a.article.author == "Thu Hà");  // the byline is the author, not a person mentioned
}

TEST_CASE("sample: places, organizations, figures and the dated event", "[entities]") {
  const auto& a = sample_analysis();
  std::set<std::string> places, organizations;
  for (const auto& p : a.places) places.insert(p.name);
  for (const auto& o : a.organizations)
    organizations.insert(o.abbreviation.empty() ? o.name : o.abbreviation + "|" + o.name);
  for (const char* place : {"Hà Tĩnh", "Thạch Hà", "Can Lộc", "Đức Thọ", "Lộc Hà", "Kỳ Anh", "Hồng Lĩnh"})
    CHECK(places.count(place) == 1);
  for (const char* org : {"Ban Dân vận Tỉnh ủy Hà Tĩnh", "UBND|Ủy ban nhân dân tỉnh", "HĐND|Hội đồng nhân dân tỉnh",
                          "Ủy ban MTTQ tỉnh", "Công an tỉnh"})
    CHECK(organizations.count(org) == 1);
  bool quantity = false, morning = false;
  for (const auto& e : a.entities) {
    if (e.type == article::EntityType::kQuantity && e.span.text == "7 tập thể") quantity = e.value.number == 7 && e.value.unit == "tập thể";
    if (e.type == article::EntityType::kDate && e.span.text == "Sáng 29/12")
      morning = e.value.date == "2020-12-29" && e.value.part_of_day == "morning";
    // Names of places and terms are never people.
    if (e.type == article::EntityType::kPerson)
      for (const char* not_person : {"Hà Tĩnh", "Thạch Hà", "Can Lộc", "Nhân dân", "Nông thôn mới", "Covid"})
        CHECK(e.span.text != not_person);
  }
  CHECK(quantity);
  CHECK(morning);
}

TEST_CASE("sample: quotes linked to their speakers, and a quoted campaign name is not speech", "[quotes]") {
  const auto& a = sample_analysis();
  std::multiset<std::string> speakers;
  for (const auto& q : a.quotes) {
    speakers.insert(article::json_name(q.kind) + std::string(":") + q.speaker);
    // “dân vận khéo” and “Năm dân vận khéo 2020” are quoted terms, not speech.
    CHECK(q.kind != article::QuoteKind::kDirect);
    CHECK(q.span.text != "dân vận khéo");
  }
  for (const char* s :
       {"speaker_caption:Lê Văn Sơn", "speaker_caption:Bùi Thị Kiều Nhi", "speaker_caption:Hoàng Anh Đức",
        "speaker_caption:Phan Cao Thanh", "reported:Lê Ngọc Châu", "reported:Trương Thanh Huyền", "reported:đại biểu"})
    CHECK(speakers.count(s) == 1);
  for (const auto& q : a.quotes)
    if (q.speaker != "đại biểu") CHECK(a.people.at(static_cast<std::size_t>(q.person)).name == q.speaker);
}

TEST_CASE("dates resolve day-month against the article's date", "[dates]") {
  struct Row {
    const char* text;
    const char* type;
    const char* date;
    const char* end;
  };
  // The header dates the article; relative dates resolve against the reference day given in options.
  const std::vector<Row> table = {
      {"Sáng 29/12", "date", "2020-12-29", ""},
      {"ngày 6/2", "date", "2020-02-06", ""},
      {"ngày 4.1.2017", "date", "2017-01-04", ""},
      {"tháng 3/2020", "date", "2020-03", ""},
      {"năm 2021", "date", "2021", ""},
      {"hôm qua", "date", "2020-12-28", ""},
      {"từ ngày 4.1.2017 - 4.1.2018", "date", "2017-01-04", "2018-01-04"},
      {"ngày 15 tháng 3 năm 2019", "date", "2019-03-15", ""},
      {"2017-05-22", "date", "2017-05-22", ""},
      {"10h30", "time", "", ""},
  };
  for (const Row& row : table) {
    INFO(row.text);
    article::Options options;
    options.reference_date = "2020-12-29";
    const auto a =
        article::analyze(std::string("date 2020-12 Tin tức\n\nSự kiện diễn ra ") + row.text + " tại đây.", options);
    bool found = false;
    for (const auto& e : a.entities)
      if (e.span.text == row.text) {
        found = true;
        CHECK(article::json_name(e.type) == std::string(row.type));
        CHECK(e.value.date == row.date);
        CHECK(e.value.date_end == row.end);
      }
    CHECK(found);
  }
}

TEST_CASE("figures: Vietnamese number formats, money, percentages, quantities", "[numbers]") {
  struct Row {
    const char* text;
    const char* type;
    double number;
    const char* unit;
  };
  const std::vector<Row> table = {
      {"3.600 người", "quantity", 3600, "người"}, {"2,4%", "percent", 2.4, ""},
      {"311 triệu USD", "money", 311e6, "USD"},   {"27 tỉ USD", "money", 27e9, "USD"},
      {"4.385 tỉ đồng", "money", 4385e9, "VND"},  {"610 triệu lít", "quantity", 610e6, "lít"},
      {"7 tập thể", "quantity", 7, "tập thể"},
  };
  for (const Row& row : table) {
    INFO(row.text);
    const auto a = article::analyze(std::string("Tin kinh tế\n\nCon số được công bố là ") + row.text + " trong năm.");
    bool found = false;
    for (const auto& e : a.entities)
      if (e.span.text == row.text) {
        found = true;
        CHECK(article::json_name(e.type) == std::string(row.type));
        REQUIRE(e.value.number.has_value());
        CHECK(*e.value.number == Approx(row.number));
        CHECK(e.value.unit == row.unit);
      }
    CHECK(found);
  }
}

TEST_CASE("figures: a currency that names a country is money, and its country no place of the story", "[numbers]") {
  const auto a = article::analyze(
      "Tin kinh tế\n\nHơn 5.200 doanh nghiệp Hàn Quốc đầu tư với số vốn đăng ký là 5,88 tỷ đô la Mỹ, đứng đầu "
      "danh sách. Câu lạc bộ trả 10 triệu bảng Anh, trong khi Anh tăng thuế và Mỹ giảm lãi suất.\n");
  auto money = [&](const std::string& text) -> const article::Entity* {
    for (const auto& e : a.entities)
      if (e.type == article::EntityType::kMoney && e.span.text == text) return &e;
    return nullptr;
  };
  const article::Entity* usd = money("5,88 tỷ đô la Mỹ");
  REQUIRE(usd != nullptr);
  CHECK(usd->value.unit == "USD");
  CHECK(*usd->value.number == Approx(5.88e9));
  const article::Entity* gbp = money("10 triệu bảng Anh");
  REQUIRE(gbp != nullptr);
  CHECK(gbp->value.unit == "GBP");
  // Inside the sums there is no place; standing on their own, the same countries are places.
  int places_inside = 0;
  std::vector<std::string> places_alone;
  for (const auto& e : a.entities) {
    if (e.type != article::EntityType::kLocation) continue;
    const bool inside = (e.span.start >= usd->span.start && e.span.end <= usd->span.end) ||
                        (e.span.start >= gbp->span.start && e.span.end <= gbp->span.end);
    if (inside)
      ++places_inside;
    else
      places_alone.push_back(e.span.text);
  }
  CHECK(places_inside == 0);
  CHECK(std::count(places_alone.begin(), places_alone.end(), "Mỹ") == 1);
  CHECK(std::count(places_alone.begin(), places_alone.end(), "Hàn Quốc") == 1);
}

TEST_CASE("places: a level word and a syllable that opens an ordinary word name no place", "[entities]") {
  const auto a = article::analyze(
      "Tin Hà Nội\n\nSố phận loa phường Dự kiến sẽ được quyết định sau đợt lấy ý kiến. Người dân phường Thịnh "
      "Liệt đồng ý, phường Tân Định cũng vậy.\n");
  std::vector<std::string> places;
  for (const auto& e : a.entities)
    if (e.type == article::EntityType::kLocation) places.push_back(e.span.text);
  CHECK(std::find(places.begin(), places.end(), "phường Dự") == places.end());
  CHECK(std::find(places.begin(), places.end(), "phường Thịnh Liệt") != places.end());
  CHECK(std::find(places.begin(), places.end(), "phường Tân Định") != places.end());
}

TEST_CASE("roles: words before a list of people describe the group, not the title's organization", "[people]") {
  // Written for this test.
  const article::Analysis a = article::analyze(
      "Trong trận gặp Thái Lan, các cầu thủ đá chính gồm Nguyễn Văn Toàn, Lê Văn Xuân và Phạm Đức Huy.\n"
      "Phó Chủ tịch UBND tỉnh Lê Minh Khang dự lễ khai mạc.\n");
  int players = 0;
  for (const auto& p : a.people) {
    for (const auto& r : p.roles) {
      if (r.title != "cầu thủ") continue;
      ++players;
      CHECK(r.organization.empty());
    }
    if (p.name == "Lê Minh Khang") {
      REQUIRE_FALSE(p.roles.empty());
      CHECK(p.roles[0].organization == "UBND tỉnh");  // a title's organization stays
    }
  }
  CHECK(players == 3);
}

TEST_CASE("roles: a title capitalized at a sentence's start is the same title", "[people]") {
  // Written for this test.
  const article::Analysis a = article::analyze(
      "Bác sĩ Trần Văn Hiếu đã mổ cấp cứu cho bệnh nhân trong đêm.\n"
      "Theo lời kể của bác sĩ Trần Văn Hiếu, ca mổ kéo dài bốn tiếng.\n");
  bool found = false;
  for (const auto& p : a.people)
    if (p.name == "Trần Văn Hiếu") {
      found = true;
      CHECK(p.roles.size() == 1);
    }
  CHECK(found);
}
