// Sentence splitting (stages/07_split_sentences.cpp): a table of input → the sentences expected, in order. Every input
// is written for this test. Known failures stay in the table as comments, with the reason, until fixed.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "article/analyzer.h"
#include "kinds.h"

namespace {

using Sentences = std::vector<std::string>;

Sentences sentences_of(const std::string& text) {
  Sentences out;
  for (const auto& s : article::analyze(text).sentences) out.push_back(s.span.text);
  return out;
}

struct Row {
  const char* what;
  const char* input;
  Sentences expected;
};

}  // namespace

TEST_CASE("sentence splitting", "[sentences]") {
  // clang-format off
  const std::vector<Row> table = {
      // Abbreviations and numbers with full stops or commas inside.
      {"TP.HCM", "Đoàn công tác đến TP.HCM ngày 29/12. Họ làm việc với Sở Y tế.",
       {"Đoàn công tác đến TP.HCM ngày 29/12.", "Họ làm việc với Sở Y tế."}},
      {"TP. with a space", "Ông sinh ra ở TP. Hà Tĩnh. Năm nay ông 70 tuổi.",
       {"Ông sinh ra ở TP. Hà Tĩnh.", "Năm nay ông 70 tuổi."}},
      {"PGS.TS.", "Hội thảo do PGS.TS. Nguyễn Văn A chủ trì. Nhiều chuyên gia tham dự.",
       {"Hội thảo do PGS.TS. Nguyễn Văn A chủ trì.", "Nhiều chuyên gia tham dự."}},
      {"ThS. and TS.", "Phát biểu có ThS. Lê Minh Tâm và TS. Trần Văn Bình. Hội nghị kết thúc lúc 17 giờ.",
       {"Phát biểu có ThS. Lê Minh Tâm và TS. Trần Văn Bình.", "Hội nghị kết thúc lúc 17 giờ."}},
      {"ThS. opening a sentence", "Người trình bày là ThS. Lê Hoa. ThS. Lê Hoa công tác tại Hà Nội.",
       {"Người trình bày là ThS. Lê Hoa.", "ThS. Lê Hoa công tác tại Hà Nội."}},
      {"Th.S without a final point", "Ông Th.S Phạm Văn Cường cho biết như vậy. Mọi người đồng ý.",
       {"Ông Th.S Phạm Văn Cường cho biết như vậy.", "Mọi người đồng ý."}},
      {"v.v. và", "Các loại rau, củ, quả v.v. và nhiều mặt hàng khác đều tăng giá. Người dân lo lắng.",
       {"Các loại rau, củ, quả v.v. và nhiều mặt hàng khác đều tăng giá.", "Người dân lo lắng."}},
      {"day/month", "Sáng 29/12, hội nghị khai mạc. Chiều 30/12, hội nghị bế mạc.",
       {"Sáng 29/12, hội nghị khai mạc.", "Chiều 30/12, hội nghị bế mạc."}},
      {"dotted date", "Quyết định ký ngày 4.1.2017 có hiệu lực ngay. Ai cũng biết.",
       {"Quyết định ký ngày 4.1.2017 có hiệu lực ngay.", "Ai cũng biết."}},
      {"thousands point, decimal comma", "Giá mới là 3.600 đồng, tăng 2,4%. Hết.",
       {"Giá mới là 3.600 đồng, tăng 2,4%.", "Hết."}},
      {"sentence ending in a number", "Số người dự là 3.600. Con số này tăng so với năm 2019.",
       {"Số người dự là 3.600.", "Con số này tăng so với năm 2019."}},
      {"Covid-19", "Tỉnh phòng chống dịch Covid-19. Người dân tuân thủ tốt.",
       {"Tỉnh phòng chống dịch Covid-19.", "Người dân tuân thủ tốt."}},
      {"TX Kỳ Anh", "Các đơn vị gồm TX Kỳ Anh, TP Hà Tĩnh. Tất cả đều hoàn thành.",
       {"Các đơn vị gồm TX Kỳ Anh, TP Hà Tĩnh.", "Tất cả đều hoàn thành."}},

      // Quotation marks.
      {"quoted title", "Ban Dân vận hưởng ứng “Năm dân vận khéo 2020”. Kết quả rất tốt.",
       {"Ban Dân vận hưởng ứng “Năm dân vận khéo 2020”.", "Kết quả rất tốt."}},
      {"quoted title mid-sentence", "Phong trào “Năm dân vận khéo 2020” được hưởng ứng. Kết quả rất tốt.",
       {"Phong trào “Năm dân vận khéo 2020” được hưởng ứng.", "Kết quả rất tốt."}},
      {"closing ” stays with its sentence", "Ông nói: “Chúng tôi sẽ làm.” Sau đó ông rời đi.",
       {"Ông nói: “Chúng tôi sẽ làm.”", "Sau đó ông rời đi."}},
      {"closing ASCII quote", "He said: \"We will do it.\" Then he left.",
       {"He said: \"We will do it.\"", "Then he left."}},
      {"?” then lowercase: one sentence", "“Sao vậy?” anh hỏi. Không ai trả lời.",
       {"“Sao vậy?” anh hỏi.", "Không ai trả lời."}},
      {"!” then lowercase: one sentence", "“Tuyệt quá!” chị reo lên. Mọi người cười.",
       {"“Tuyệt quá!” chị reo lên.", "Mọi người cười."}},
      {"?” then a capital: two sentences", "“Sao vậy?” Anh hỏi lại lần nữa.",
       {"“Sao vậy?”", "Anh hỏi lại lần nữa."}},

      // Ellipses.
      {"... then a capital", "Công tác quân sự ở địa phương... Các lực lượng vũ trang tăng cường.",
       {"Công tác quân sự ở địa phương...", "Các lực lượng vũ trang tăng cường."}},
      {"… then a capital", "Họ chờ đợi… Rồi mưa đến.", {"Họ chờ đợi…", "Rồi mưa đến."}},
      {"... then lowercase", "Nhiều việc... và nhiều việc khác nữa.", {"Nhiều việc... và nhiều việc khác nữa."}},
      {"… then lowercase", "Nhiều việc… và nhiều việc khác nữa.", {"Nhiều việc… và nhiều việc khác nữa."}},
      {".... at the end", "Phát động các phong trào thi đua....", {"Phát động các phong trào thi đua...."}},
      {"... then a quoted capital", "Họ chờ đợi... “Rồi mưa đến,” bà kể.", {"Họ chờ đợi...", "“Rồi mưa đến,” bà kể."}},

      // Photo credits inside a line.
      {"credit ends the caption sentence", "Đội tuyển nhận cúp tối 7/2. Ảnh: Gia Khánh Chiến thắng này là niềm tự hào.",
       {"Đội tuyển nhận cúp tối 7/2. Ảnh: Gia Khánh", "Chiến thắng này là niềm tự hào."}},
      {"standalone credit joins its caption", "Đội tuyển nhận cúp tối 7/2. Ảnh: VNE. Chiến thắng này là niềm tự hào.",
       {"Đội tuyển nhận cúp tối 7/2. Ảnh: VNE.", "Chiến thắng này là niềm tự hào."}},
      {"credit ending in a given name that can open a sentence",
       "Du khách xếp hàng trước cổng sáng 3/5. Ảnh: Minh Anh Nhiều doanh nghiệp đã chuẩn bị.",
       {"Du khách xếp hàng trước cổng sáng 3/5. Ảnh: Minh Anh", "Nhiều doanh nghiệp đã chuẩn bị."}},
      {"credit opening a line, then running text", "Ảnh: Gia Khánh Chiến thắng này là niềm tự hào.",
       {"Ảnh: Gia Khánh", "Chiến thắng này là niềm tự hào."}},
      {"credit run stops at a sentence starter", "Ảnh: Hà Dịu Theo danh sách, có 7 đơn vị.",
       {"Ảnh: Hà Dịu", "Theo danh sách, có 7 đơn vị."}},
      {"bracketed credit at the end", "Người dân xếp hàng chờ tiêm vắc xin (Ảnh: Hữu Nghị). Buổi tiêm kéo dài tới chiều.",
       {"Người dân xếp hàng chờ tiêm vắc xin (Ảnh: Hữu Nghị).", "Buổi tiêm kéo dài tới chiều."}},
      {"bracketed credit mid-sentence", "Sáng nay trời mưa. Đại biểu dự họp (Ảnh minh họa) và phát biểu.",
       {"Sáng nay trời mưa.", "Đại biểu dự họp (Ảnh minh họa) và phát biểu."}},

      // Line breaks: a sentence never crosses one, whatever precedes it.
      {"lines without final points", "Dòng thứ nhất không có dấu chấm\nDòng thứ hai cũng vậy",
       {"Dòng thứ nhất không có dấu chấm", "Dòng thứ hai cũng vậy"}},
      {"abbreviation at a line end", "Hội nghị có PGS.TS.\nNguyễn Văn A phát biểu.",
       {"Hội nghị có PGS.TS.", "Nguyễn Văn A phát biểu."}},
      {"lowercase after a line break", "Trời mưa to\nvà gió mạnh.", {"Trời mưa to", "và gió mạnh."}},
      {"CRLF", "Trời mưa to\r\nĐường ngập.", {"Trời mưa to", "Đường ngập."}},
      {"CR", "Trời mưa to\rĐường ngập.", {"Trời mưa to", "Đường ngập."}},
      {"U+2028", "Trời mưa to\u2028Đường ngập.", {"Trời mưa to", "Đường ngập."}},
      {"U+2029", "Trời mưa to\u2029Đường ngập.", {"Trời mưa to", "Đường ngập."}},
      {"blank lines and indentation", "\n\n   Trời mưa to.  \n\n\t Đường ngập.\n\n", {"Trời mưa to.", "Đường ngập."}},
      {"header is no sentence", "date 2020-12 Trời mưa to.\nĐường ngập.", {"Trời mưa to.", "Đường ngập."}},

      // English.
      {"Mr.", "Mr. Smith went to Washington. He arrived on Monday.",
       {"Mr. Smith went to Washington.", "He arrived on Monday."}},
      {"Dr. and a question", "Did Dr. Jones agree? She did not.", {"Did Dr. Jones agree?", "She did not."}},
      {"U.S. mid-sentence", "The U.S. economy grew by 2.4 percent. Analysts were surprised.",
       {"The U.S. economy grew by 2.4 percent.", "Analysts were surprised."}},
      {"etc. at a sentence end", "We bought apples, pears, etc. Then we left.",
       {"We bought apples, pears, etc.", "Then we left."}},
  };
  // clang-format on
  for (const Row& row : table) {
    DYNAMIC_SECTION(row.what) {
      INFO(row.input);
      CHECK(sentences_of(row.input) == row.expected);
    }
  }
}

TEST_CASE("every sentence lies inside one block and in order", "[sentences]") {
  const char* text =
      "Tiêu đề bài báo ngắn gọn\n"
      "Đoạn mở đầu có đủ tám âm tiết trở lên để làm sapo. Nó có hai câu.\n"
      "Thân bài ở đây. Ảnh: Gia Khánh Câu tiếp theo của thân bài.\n"
      "Thu Hà";
  const article::Analysis a = article::analyze(text);
  REQUIRE_FALSE(a.sentences.empty());
  for (std::size_t i = 0; i < a.sentences.size(); ++i) {
    const auto& s = a.sentences[i];
    INFO("sentence " << i << ": " << s.span.text);
    REQUIRE(s.block >= 0);
    REQUIRE(s.block < static_cast<int>(a.blocks.size()));
    const auto& b = a.blocks[s.block].span;
    CHECK(b.start <= s.span.start);
    CHECK(s.span.end <= b.end);
    if (i > 0) CHECK(a.sentences[i - 1].span.end <= s.span.start);
    if (i > 0) CHECK(a.sentences[i - 1].block <= s.block);
  }
}

TEST_CASE("tokens: kinds and numbers with separators and one token for \"...\"", "[sentences][tokens]") {
  const article::Analysis a = article::analyze("Giá 3.600 đồng, tăng 2,4% ... Covid-19 ©");
  std::vector<std::string> got;  // "kind text"
  for (const auto& t : a.tokens) got.push_back(article::json_name(t.kind) + std::string(" ") + t.span.text);
  const std::vector<std::string> expected = {"word Giá",   "number 3.600", "word đồng", "punct ,",
                                             "word tăng",  "number 2,4",   "punct %",   "punct ...",
                                             "word Covid", "punct -",      "number 19", "symbol ©"};
  CHECK(got == expected);
  for (const auto& t : a.tokens) CHECK(t.sentence >= 0);
}

// Known failure (reported): tokenize classifies a token by its first UTF-16 code unit, so an astral symbol
// (emoji) is a lone high surrogate to u_charType and comes out as "punct".
TEST_CASE("an emoji is a symbol token", "[sentences][tokens]") {
  const article::Analysis a = article::analyze("Đội tuyển thắng 🎉");
  REQUIRE(a.tokens.size() == 4);
  CHECK(a.tokens[3].span.text == "🎉");
  CHECK(a.tokens[3].kind == article::TokenKind::kSymbol);
}
