// The stages that read names again after the entity stage: match results, addresses, organizations through
// lowercase words, and names read across their sentence and article. Text written for these tests.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "article/analyzer.h"
#include "kinds.h"

namespace {

// The types of the entities whose text is `text`, in order.
std::vector<std::string> types_of(const article::Analysis& a, const std::string& text) {
  std::vector<std::string> types;
  for (const auto& e : a.entities)
    if (e.span.text == text) types.push_back(article::json_name(e.type));
  return types;
}

bool has_place(const article::Analysis& a, const std::string& name) {
  for (const auto& p : a.places)
    if (p.name == name) return true;
  return false;
}

bool has_person(const article::Analysis& a, const std::string& name) {
  for (const auto& p : a.people)
    if (p.name == name) return true;
  return false;
}

}  // namespace

TEST_CASE("match results: a place that plays a scored match is a team, and its score is no date", "[entities]") {
  const article::Analysis a = article::analyze(
      "Sau trận hòa, đội bóng đất Cảng đặt mục tiêu vào bán kết. Kết quả: Hải Phòng – Quảng Ninh: 3-1, "
      "Bình Định – Đà Nẵng: 0-2. Lịch thi đấu: 17h00: Cần Thơ – Bình Định. Bàn thắng của Quảng Ninh do "
      "Yên Thành (12’) ghi. Trận đấu diễn ra tại Hải Phòng. Trước đó Pháp 2-0 Brazil.\n");
  // Every side of a scored match, and of a fixture in a report with one, is a team.
  for (const char* team : {"Hải Phòng", "Quảng Ninh", "Bình Định", "Đà Nẵng", "Cần Thơ"}) {
    const std::vector<std::string> types = types_of(a, team);
    REQUIRE(!types.empty());
    CHECK(types.front() == "organization");
  }
  // "tại Hải Phòng" is the city; a country stays a place.
  CHECK(types_of(a, "Hải Phòng").back() == "location");
  CHECK(types_of(a, "Pháp") == std::vector<std::string>{"location"});
  for (const auto& e : a.entities) CHECK(!(e.type == article::EntityType::kDate && (e.span.text == "3-1" || e.span.text == "0-2")));
  // A name followed by the minute of its goal is a player.
  CHECK(types_of(a, "Yên Thành") == std::vector<std::string>{"person"});
}

TEST_CASE("addresses: numbered districts, streets and house numbers are places", "[entities]") {
  const article::Analysis a = article::analyze(
      "Cửa hàng số 68 Hàng Buồm (quận Hoàn Kiếm) đã đóng cửa. Công ty có trụ sở ở phường 7, quận 12. "
      "Hàng cây trên đường Láng và đường Trần Khát Chân bị chặt. Ông Trần Văn Minh, Chủ tịch UBND "
      "thành phố Hà Nội Nguyễn Văn Bình cho biết tuyến đường Hà Nội – Hải Phòng sẽ được mở rộng.\n");
  for (const char* place : {"Hàng Buồm", "phường 7", "quận 12", "đường Láng", "đường Trần Khát Chân"})
    CHECK(has_place(a, place));
  // A street's name is not a person; "phố" of "thành phố" starts no street; a route is not a street.
  CHECK_FALSE(has_person(a, "Trần Khát Chân"));
  for (const auto& p : a.places) {
    CHECK(p.name.find("phố Hà Nội") == std::string::npos);
    CHECK(p.name != "đường Hà Nội");
  }
}

TEST_CASE("organizations: a head word, lowercase words and the place the body is of are one name", "[entities]") {
  const article::Analysis a = article::analyze(
      "Chiều qua, đại diện Hội nhà báo Việt Nam đã trao giải. Đoàn nghệ sĩ của Nhà hát kịch Hà Nội biểu diễn. "
      "Sau đó, Quốc hội đề nghị phía Lào cử đoàn sang.\n");
  bool association = false, theatre = false;
  for (const auto& o : a.organizations) {
    association |= o.name == "Hội nhà báo Việt Nam";
    theatre |= o.name == "Nhà hát kịch Hà Nội";
    // A head that names a whole body is not followed into the verb after it.
    CHECK(o.name.find("đề nghị") == std::string::npos);
  }
  CHECK(association);
  CHECK(theatre);
}

TEST_CASE("names read again: a gazetteer place in full, people in a list, one sense per article", "[entities]") {
  const article::Analysis a = article::analyze(
      "Hội thảo diễn ra tại tỉnh Bà Rịa Vũng Tàu vào tuần trước.\n"
      "Danh sách gồm Văn Toàn, Xuân Trường, Tuấn Anh, Công Phượng và Quang Hải.\n"
      "Công Phượng ghi hai bàn. Công Phượng nói anh hài lòng. Điểm sáng của trận đấu là ở Công Phượng.\n");
  // Written without its hyphen, the province is one place, not "Bà Rịa Vũng".
  bool province = false;
  for (const auto& p : a.places) {
    province |= p.name == "Bà Rịa Vũng Tàu";
    CHECK(p.name != "Bà Rịa Vũng");
  }
  CHECK(province);
  CHECK_FALSE(has_place(a, "Công Phượng"));
  CHECK(has_person(a, "Công Phượng"));
}
