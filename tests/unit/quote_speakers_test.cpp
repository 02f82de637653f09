// Who said it: the speaker rules for the sentence shapes of Vietnamese news. Text written for these tests.
#include <catch2/catch.hpp>

#include <string>

#include "article/analyzer.h"
#include "kinds.h"

namespace {

const article::Quote* quote_starting(const article::Analysis& a, const std::string& words) {
  for (const auto& q : a.quotes)
    if (q.span.text.rfind(words, 0) == 0) return &q;
  return nullptr;
}

std::string speaker_of(const article::Analysis& a, const std::string& words) {
  const article::Quote* q = quote_starting(a, words);
  return q ? q->speaker : "(no quote)";
}

}  // namespace

TEST_CASE("quote speakers: a title before an organization names the person holding the role", "[quotes]") {
  const article::Analysis a = article::analyze(
      "Chủ tịch Quốc hội Nguyễn Thị Thanh Lam đã chủ trì phiên họp sáng nay.\n"
      "Bộ trưởng Lê Văn Đạt trả lời chất vấn của các đại biểu về giá điện.\n"
      "Chủ tịch Quốc hội nêu rõ: “Các bộ ngành cần khẩn trương hoàn thiện hồ sơ trình Chính phủ trong tháng này”.\n");
  CHECK(speaker_of(a, "Các bộ ngành cần khẩn trương") == "Nguyễn Thị Thanh Lam");
}

TEST_CASE("quote speakers: a second predicate, a pair, a dash apposition, a relative", "[quotes]") {
  const article::Analysis a = article::analyze(
      "Phó Chủ tịch Trần Văn Khải chúc mừng các đoàn viên và biểu dương ông Lê Minh Toàn đồng thời khẳng định: "
      "“Đây là tấm gương sáng cho các đảng viên trẻ noi theo trong thời gian tới”.\n"
      "Luật sư Phạm Thị Hoa (Đoàn Luật sư Hà Nội) và luật sư Vũ Đức Thịnh (Đoàn Luật sư Hải Phòng) cho rằng "
      "việc xử phạt thuộc thẩm quyền của chủ tịch UBND phường.\n"
      "Tiến sĩ Ngô Văn Bình - giảng viên hướng dẫn của hai sinh viên Lan Anh và Minh Thư cho biết đề tài "
      "đã được ứng dụng tại nhiều doanh nghiệp.\n"
      "Ông Hoàng Văn Sáu được đưa vào viện lúc nửa đêm. “Về đến nhà, bố tôi uống một ngụm nước lớn rồi ngất "
      "đi”, con trai ông Sáu kể.\n");
  CHECK(speaker_of(a, "Đây là tấm gương sáng") == "Trần Văn Khải");
  CHECK(speaker_of(a, "việc xử phạt thuộc thẩm quyền") == "Phạm Thị Hoa");
  CHECK(speaker_of(a, "đề tài đã được ứng dụng") == "Ngô Văn Bình");
  CHECK(speaker_of(a, "Về đến nhà, bố tôi") == "con trai ông Sáu");
}

TEST_CASE("quote speakers: a caption colon, a remark of, a quoted source, a continued titled speaker", "[quotes]") {
  const article::Analysis a = article::analyze(
      "HLV Park Min-jae: “Đừng nghĩ đối thủ quá mạnh, chúng tôi sẽ chơi hết mình”, đó cũng là điều tiền đạo "
      "Lê Văn Tâm nói với báo chí.\n"
      "Trước trận đấu, “Chúng tôi đã chuẩn bị rất kỹ cho trận đấu quan trọng này”, đó là nhận xét của huấn "
      "luyện viên Kim Sang-woo.\n"
      "“Tôi biết anh ấy rất yêu cô nhưng gia đình là điều quan trọng nhất”, tạp chí Vogue dẫn lời Nitin Rao, "
      "một người bạn của hai người.\n"
      "Giám đốc chi nhánh một ngân hàng thương mại (NHTM) tại TP.HCM cho biết khách hàng đang rất lo lắng về "
      "quy định mới. “Chúng tôi muốn giữ giấy tờ gốc của khách như trước đây”, vị này nói.\n");
  CHECK(speaker_of(a, "Đừng nghĩ đối thủ") == "Park Min-jae");
  CHECK(speaker_of(a, "Chúng tôi đã chuẩn bị") == "Kim Sang-woo");
  CHECK(speaker_of(a, "Tôi biết anh ấy") == "Nitin Rao");
  CHECK(speaker_of(a, "khách hàng đang rất lo lắng").rfind("Giám đốc chi nhánh một ngân hàng thương mại", 0) == 0);
  CHECK(speaker_of(a, "Chúng tôi muốn giữ").rfind("Giám đốc chi nhánh một ngân hàng thương mại", 0) == 0);
}

TEST_CASE("quote speakers: a question asked is no statement, and an organization after a person's comma speaks",
          "[quotes]") {
  const article::Analysis a = article::analyze(
      "Khi được hỏi liệu ông Ivanov có mong muốn gặp người đồng cấp trong tuần tới hay không, ông Petrov trả "
      "lời: “Chắc chắn là có, cuộc gặp đang được chuẩn bị”.\n"
      "Chiều lòng Rodrigo Silva, nhật báo Marca khẳng định câu lạc bộ sẽ bán thủ thành số một trong mùa hè này.\n");
  for (const auto& q : a.quotes) CHECK(q.span.text.find("gặp người đồng cấp") == std::string::npos);
  CHECK(speaker_of(a, "Chắc chắn là có") == "Petrov");
  CHECK(speaker_of(a, "câu lạc bộ sẽ bán") != "Rodrigo Silva");
}

TEST_CASE("quote speakers: a bare title names its only holder, even one named further on", "[quotes]") {
  const article::Analysis a = article::analyze(
      "Nhà báo người Anh dự đoán đội chủ nhà sẽ giành ít nhất một điểm trong trận mở màn.\n"
      "Sau buổi tập, nhà báo John Carter đã có cuộc trò chuyện với các cầu thủ trẻ.\n");
  CHECK(speaker_of(a, "đội chủ nhà sẽ giành") == "John Carter");
}

TEST_CASE("quote speakers: a source closing the sentence, after a comma, says what comes before it", "[quotes]") {
  const article::Analysis a = article::analyze(
      "Cầu Thăng Long sẽ được sửa chữa xong trước cuối tháng 12 năm nay, theo ông Trần Văn Nam.\n"
      "Giá vàng trong nước tiếp tục tăng mạnh suốt tuần qua, theo báo Dân trí ngày 12/3.\n"
      "“Chúng tôi sẽ xây lại cây cầu này ngay trong năm nay”, theo Sở Giao thông Vận tải Hà Nội.\n"
      "Dự án sẽ hoàn thành vào cuối năm sau như đã định, theo đúng kế hoạch.\n"
      "Bà Lê Thị Hương cho biết: “Điểm chuẩn năm nay sẽ nhỉnh hơn một chút”, theo Vietnamnet.\n"
      "Bị cáo bị tuyên phạt 12 năm tù về tội cướp tài sản, theo Điều 168 BLHS.\n");
  CHECK(speaker_of(a, "Cầu Thăng Long sẽ được") == "Trần Văn Nam");
  CHECK(speaker_of(a, "Giá vàng trong nước") == "báo Dân trí");  // the date it wrote on is no part of its name
  CHECK(speaker_of(a, "Chúng tôi sẽ xây lại") == "Sở Giao thông Vận tải Hà Nội");
  CHECK(quote_starting(a, "Dự án sẽ hoàn thành") == nullptr);    // a plan says nothing
  CHECK(speaker_of(a, "Điểm chuẩn năm nay") == "Lê Thị Hương");  // the verb before the quote names her
  CHECK(quote_starting(a, "Bị cáo bị tuyên phạt") == nullptr);   // a law is no speaker
}
