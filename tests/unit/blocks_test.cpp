// Blocks (stages/09_classify_blocks.cpp, captions.cpp): the role of each paragraph, on the sample article and
// on articles written for this test. Known failures stay in the tables as comments, with the reason, until fixed.
#define CATCH_CONFIG_ENABLE_PAIR_STRINGMAKER  // prints the (type, text) tables on failure
#include <catch2/catch.hpp>

#include <unicode/unistr.h>

#include <fstream>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "article/analyzer.h"
#include "kinds.h"

namespace {

std::string read_file(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  REQUIRE(file);
  return std::string((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
}

const article::Analysis& sample() {
  static const article::Analysis a = article::analyze(read_file(ARTICLE_SAMPLE_FILE));
  return a;
}

std::vector<std::string> texts_of_type(const article::Analysis& a, const std::string& type) {
  std::vector<std::string> out;
  for (const auto& b : a.blocks)
    if (article::json_name(b.type) == type) out.push_back(b.span.text);
  return out;
}

bool starts_with(const std::string& s, const std::string& prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

using TypedTexts = std::vector<std::pair<std::string, std::string>>;

TypedTexts blocks_of(const article::Analysis& a) {
  TypedTexts out;
  for (const auto& b : a.blocks) out.emplace_back(article::json_name(b.type), b.span.text);
  return out;
}

}  // namespace

TEST_CASE("sample: header title lead byline", "[blocks][sample]") {
  const article::Analysis& a = sample();
  REQUIRE(a.status == article::Status::kOk);
  CHECK(a.language == "vi");
  REQUIRE(a.blocks.size() >= 4);

  CHECK(a.blocks[0].type == article::BlockType::kHeader);
  CHECK(a.blocks[0].span.text == "date 2020-12");
  CHECK(a.blocks[0].date == "2020-12");
  CHECK(a.blocks[0].span.start == 1);  // the input opens with a space
  CHECK(a.article.date == "2020-12");

  const std::string title =
      "Tăng cường đối thoại với công dân, triển khai hiệu quả công tác dân vận tại các cơ quan Nhà nước";
  CHECK(a.blocks[1].type == article::BlockType::kTitle);
  CHECK(a.blocks[1].span.text == title);
  CHECK(a.blocks[1].paragraph == 0);  // on the header's line
  CHECK(a.article.title == title);

  CHECK(a.blocks[2].type == article::BlockType::kLead);
  CHECK(starts_with(a.blocks[2].span.text, "Tại hội nghị tổng kết"));
  CHECK(texts_of_type(a, "lead").size() == 1);

  CHECK(a.blocks.back().type == article::BlockType::kByline);
  CHECK(a.blocks.back().span.text == "Thu Hà");
  CHECK(a.article.author == "Thu Hà");
  CHECK(texts_of_type(a, "byline").size() == 1);
}

TEST_CASE("sample: the four photo captions", "[blocks][sample]") {
  const std::vector<std::string> expected = {
      "Lãnh đạo Ban Dân vận Tỉnh ủy chủ trì hội nghị.",
      "Phó trưởng Ban thường trực Ban Dân vận Tỉnh ủy Ngô Văn Huỳnh báo cáo kết quả hoạt động năm 2020.",
      "Phó Chủ tịch UBND tỉnh Lê Ngọc Châu phát biểu tại hội nghị.",
      "Trưởng ban Dân vận Tỉnh ủy Trương Thanh Huyền kết luận hội nghị.",
  };
  CHECK(texts_of_type(sample(), "caption") == expected);
  for (const auto& b : sample().blocks)
    if (b.type == article::BlockType::kCaption) CHECK_FALSE(b.credit);  // none of them names a photographer
}

TEST_CASE("sample: the four speaker captions", "[blocks][sample]") {
  struct Row {
    const char* speaker;
    const char* statement_start;
  };
  const std::vector<Row> expected = {
      {"Trưởng ban Dân vận Huyện ủy Thạch Hà Lê Văn Sơn", "Ban Dân vận Thạch Hà luôn chú trọng"},
      {"Trưởng Ban Dân vận Huyện ủy Can Lộc Bùi Thị Kiều Nhi", "Tham mưu tổ chức tốt đối thoại"},
      {"Phó Chủ tịch Ủy ban MTTQ tỉnh Hoàng Anh Đức", "Với vai trò của mình"},
      {"Nguyên Trưởng ban Dân vận Tỉnh ủy Phan Cao Thanh", "Công tác dân vận là nhiệm vụ"},
  };
  const icu::UnicodeString input = icu::UnicodeString::fromUTF8(read_file(ARTICLE_SAMPLE_FILE));
  std::vector<const article::Block*> found;
  for (const auto& b : sample().blocks)
    if (b.type == article::BlockType::kSpeakerCaption) found.push_back(&b);
  REQUIRE(found.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const article::Block& b = *found[i];
    INFO(b.span.text);
    REQUIRE(b.speaker);
    REQUIRE(b.statement);
    CHECK(b.speaker->text == expected[i].speaker);
    CHECK(b.speaker->start == b.span.start);
    CHECK(input.charAt(static_cast<int32_t>(b.speaker->end)) == u':');  // the speaker ends right before the colon
    CHECK(starts_with(b.statement->text, expected[i].statement_start));
    CHECK(b.statement->start == b.speaker->end + 2);  // after ": "
    CHECK(b.statement->end == b.span.end);
  }
}

TEST_CASE("sample: a colon after a reporting verb is not a speaker caption", "[blocks][sample]") {
  for (const auto& b : sample().blocks)
    if (starts_with(b.span.text, "Thảo luận nhiệm vụ")) {
      CHECK(b.type == article::BlockType::kBody);
      CHECK_FALSE(b.speaker);
      return;
    }
  FAIL("no block starts with \"Thảo luận nhiệm vụ\"");
}

TEST_CASE("sample: blocks are ordered and disjoint", "[blocks][sample]") {
  const article::Analysis& a = sample();
  CHECK(a.stats.paragraphs == 25);
  for (std::size_t i = 0; i < a.blocks.size(); ++i) {
    const auto& b = a.blocks[i];
    INFO("block " << i << " " << b.type << ": " << b.span.text);
    CHECK(b.span.start < b.span.end);
    CHECK(b.span.text.find('\n') == std::string::npos);
    if (i > 0) {
      CHECK(a.blocks[i - 1].span.end <= b.span.start);
      CHECK(a.blocks[i - 1].paragraph <= b.paragraph);
    }
    if (b.type != article::BlockType::kSpeakerCaption) CHECK_FALSE(b.speaker);
    if (b.type != article::BlockType::kCaption) CHECK_FALSE(b.credit);
    if (b.type != article::BlockType::kHeader) CHECK(b.date.empty());
  }
  int body = 0;
  for (const auto& b : a.blocks) body += b.type == article::BlockType::kBody;
  CHECK(body == 14);
}

TEST_CASE("blocks of articles written for this test", "[blocks]") {
  struct Row {
    const char* what;
    const char* input;
    TypedTexts expected;
    const char* author;  // nullptr: not checked
  };
  // clang-format off
  const std::vector<Row> table = {
      {"subheadings and \"Theo VnExpress\"",
       "Nông dân Hà Tĩnh được mùa lúa xuân\n\n"
       "Vụ lúa xuân năm nay, nông dân các huyện phía nam tỉnh Hà Tĩnh thu hoạch năng suất cao nhờ thời tiết thuận lợi và giống mới.\n\n"
       "Năng suất tăng mạnh\n\n"
       "Theo Sở Nông nghiệp, năng suất bình quân đạt hơn 60 tạ mỗi héc-ta, cao hơn vụ trước khoảng 5 tạ. Nhiều xã ở Cẩm Xuyên và Kỳ Anh đạt trên 65 tạ.\n\n"
       "Giá lúa ổn định\n\n"
       "Thương lái thu mua lúa tươi tại ruộng với giá từ 6.500 đến 7.000 đồng mỗi ki-lô-gam, người dân phấn khởi vì có lãi khá sau nhiều vụ khó khăn.\n\n"
       "Theo VnExpress",
       {{"title", "Nông dân Hà Tĩnh được mùa lúa xuân"},
        {"lead", "Vụ lúa xuân năm nay, nông dân các huyện phía nam tỉnh Hà Tĩnh thu hoạch năng suất cao nhờ thời tiết thuận lợi và giống mới."},
        {"subheading", "Năng suất tăng mạnh"},
        {"body", "Theo Sở Nông nghiệp, năng suất bình quân đạt hơn 60 tạ mỗi héc-ta, cao hơn vụ trước khoảng 5 tạ. Nhiều xã ở Cẩm Xuyên và Kỳ Anh đạt trên 65 tạ."},
        {"subheading", "Giá lúa ổn định"},
        {"body", "Thương lái thu mua lúa tươi tại ruộng với giá từ 6.500 đến 7.000 đồng mỗi ki-lô-gam, người dân phấn khởi vì có lãi khá sau nhiều vụ khó khăn."},
        {"byline", "Theo VnExpress"}},
       ""},  // a source credit names no author (../shared/annotation/GUIDE.md, "Author")
      {"captions with and without credits, a speaker caption, a two-word byline",
       "Mưa lớn gây ngập nhiều tuyến phố\n\n"
       "Chiều qua, một trận mưa lớn kéo dài hơn hai giờ khiến nhiều tuyến phố ở trung tâm thành phố ngập sâu.\n\n"
       "Nước ngập quá bánh xe trên phố Nguyễn Trãi chiều 12/6. Ảnh: Minh Đức\n\n"
       "Giám đốc Công ty Thoát nước Trần Văn Bình: Chúng tôi đã huy động toàn bộ máy bơm để tiêu nước.\n\n"
       "Người dân dắt xe qua đoạn đường ngập (Ảnh minh họa)\n\n"
       "Theo đài khí tượng, mưa còn kéo dài đến cuối tuần. Người dân cần theo dõi thông tin dự báo.\n\n"
       "Hồng Sương",
       {{"title", "Mưa lớn gây ngập nhiều tuyến phố"},
        {"lead", "Chiều qua, một trận mưa lớn kéo dài hơn hai giờ khiến nhiều tuyến phố ở trung tâm thành phố ngập sâu."},
        {"caption", "Nước ngập quá bánh xe trên phố Nguyễn Trãi chiều 12/6. Ảnh: Minh Đức"},
        {"speaker_caption", "Giám đốc Công ty Thoát nước Trần Văn Bình: Chúng tôi đã huy động toàn bộ máy bơm để tiêu nước."},
        {"caption", "Người dân dắt xe qua đoạn đường ngập (Ảnh minh họa)"},
        {"body", "Theo đài khí tượng, mưa còn kéo dài đến cuối tuần. Người dân cần theo dõi thông tin dự báo."},
        {"byline", "Hồng Sương"}},
       "Hồng Sương"},
      {"ISO date header, \"Theo Báo …\"",
       "date 2021-03-15 Khai mạc hội chợ nông sản\n\n"
       "Hội chợ nông sản lần thứ nhất khai mạc sáng nay với hơn 200 gian hàng của các tỉnh miền Trung.\n\n"
       "Ban tổ chức cho biết hội chợ kéo dài năm ngày, mỗi ngày đón hàng nghìn lượt khách, phần lớn là người dân địa phương và du khách.\n\n"
       "Theo Báo Hà Tĩnh",
       {{"header", "date 2021-03-15"},
        {"title", "Khai mạc hội chợ nông sản"},
        {"lead", "Hội chợ nông sản lần thứ nhất khai mạc sáng nay với hơn 200 gian hàng của các tỉnh miền Trung."},
        {"body", "Ban tổ chức cho biết hội chợ kéo dài năm ngày, mỗi ngày đón hàng nghìn lượt khách, phần lớn là người dân địa phương và du khách."},
        {"byline", "Theo Báo Hà Tĩnh"}},
       ""},
      {"credit lines, a short speaker caption, a byline pair, \"(T/h)\"",
       "Giá xăng giảm mạnh\n\n"
       "Từ 15 giờ chiều nay, giá xăng E5 RON92 giảm hơn 1.000 đồng mỗi lít theo quyết định điều hành của liên bộ.\n\n"
       "Ông Trần Văn Bình: Chúng tôi đã chuẩn bị sẵn sàng.\n\n"
       "Ảnh: Nguyễn Thắng - TTXVN\n\n"
       "Người dân đổ xăng tại một cửa hàng ở Hà Nội sáng 15/6 (Ảnh: Hữu Nghị)\n\n"
       "Theo các doanh nghiệp, đây là lần giảm thứ ba liên tiếp, giúp giảm chi phí cho doanh nghiệp vận tải; người dân cũng được lợi.\n\n"
       "Hoàng Anh - Ngọc Lan (T/h)",
       {{"title", "Giá xăng giảm mạnh"},
        {"lead", "Từ 15 giờ chiều nay, giá xăng E5 RON92 giảm hơn 1.000 đồng mỗi lít theo quyết định điều hành của liên bộ."},
        {"speaker_caption", "Ông Trần Văn Bình: Chúng tôi đã chuẩn bị sẵn sàng."},
        {"caption", "Ảnh: Nguyễn Thắng - TTXVN"},
        {"caption", "Người dân đổ xăng tại một cửa hàng ở Hà Nội sáng 15/6 (Ảnh: Hữu Nghị)"},
        {"body", "Theo các doanh nghiệp, đây là lần giảm thứ ba liên tiếp, giúp giảm chi phí cho doanh nghiệp vận tải; người dân cũng được lợi."},
        {"byline", "Hoàng Anh - Ngọc Lan (T/h)"}},
       "Hoàng Anh - Ngọc Lan"},
      {"English article",
       "City council approves new budget for public transport\n\n"
       "The city council voted on Tuesday to increase spending on buses and trams by 12 percent next year.\n\n"
       "Mayor Jane Doe said the money would pay for new routes in the northern districts. \"We listened to residents,\" she told reporters.\n\n"
       "Critics argued that the plan does not address rising fares. The budget still needs approval from the state government.\n\n"
       "By John Smith",
       {{"title", "City council approves new budget for public transport"},
        {"lead", "The city council voted on Tuesday to increase spending on buses and trams by 12 percent next year."},
        {"body", "Mayor Jane Doe said the money would pay for new routes in the northern districts. \"We listened to residents,\" she told reporters."},
        {"body", "Critics argued that the plan does not address rising fares. The budget still needs approval from the state government."},
        {"byline", "By John Smith"}},
       "John Smith"},
      {"a line ending in a colon is not a title",
       "Tiêu đề: không phải tiêu đề vì có dấu hai chấm ở cuối:\n"
       "Câu này là thân bài và dài đủ để không phải là chú thích ảnh, có nhiều dấu phẩy, có nhiều âm tiết.",
       {{"body", "Tiêu đề: không phải tiêu đề vì có dấu hai chấm ở cuối:"},
        {"body", "Câu này là thân bài và dài đủ để không phải là chú thích ảnh, có nhiều dấu phẩy, có nhiều âm tiết."}},
       ""},
      {"one line: body only", "Sáng nay trời mưa to. Nhiều tuyến phố bị ngập.",
       {{"body", "Sáng nay trời mưa to. Nhiều tuyến phố bị ngập."}}, ""},

      {"a short paragraph with a reporting verb is body",
       "Khai mạc hội chợ nông sản\n\n"
       "Hội chợ nông sản lần thứ nhất khai mạc sáng nay với hơn 200 gian hàng của các tỉnh miền Trung.\n\n"
       "Ban tổ chức cho biết hội chợ kéo dài năm ngày.\n\n"
       "Theo Báo Hà Tĩnh",
       {{"title", "Khai mạc hội chợ nông sản"},
        {"lead", "Hội chợ nông sản lần thứ nhất khai mạc sáng nay với hơn 200 gian hàng của các tỉnh miền Trung."},
        {"body", "Ban tổ chức cho biết hội chợ kéo dài năm ngày."},
        {"byline", "Theo Báo Hà Tĩnh"}},
       ""},
  };
  // clang-format on
  for (const Row& row : table) {
    DYNAMIC_SECTION(row.what) {
      const article::Analysis a = article::analyze(row.input);
      CHECK(blocks_of(a) == row.expected);
      if (row.author) CHECK(a.article.author == row.author);
    }
  }
}

TEST_CASE("block sub-spans: speaker statement credit", "[blocks]") {
  const article::Analysis a = article::analyze(
      "Mưa lớn gây ngập nhiều tuyến phố\n\n"
      "Chiều qua, một trận mưa lớn kéo dài hơn hai giờ khiến nhiều tuyến phố ở trung tâm thành phố ngập sâu.\n\n"
      "Nước ngập quá bánh xe trên phố Nguyễn Trãi chiều 12/6. Ảnh: Minh Đức\n\n"
      "Giám đốc Công ty Thoát nước Trần Văn Bình: Chúng tôi đã huy động toàn bộ máy bơm để tiêu nước.\n\n"
      "Người dân đổ xăng tại một cửa hàng ở Hà Nội sáng 15/6 (Ảnh: Hữu Nghị)\n\n"
      "Theo đài khí tượng, mưa còn kéo dài đến cuối tuần. Người dân cần theo dõi thông tin dự báo.\n\n"
      "Hồng Sương");
  std::vector<std::string> credits, speakers, statements;
  for (const auto& b : a.blocks) {
    if (b.credit) credits.push_back(b.credit->text);
    if (b.speaker) speakers.push_back(b.speaker->text);
    if (b.statement) statements.push_back(b.statement->text);
  }
  CHECK(credits == std::vector<std::string>{"Minh Đức", "Hữu Nghị"});
  CHECK(speakers == std::vector<std::string>{"Giám đốc Công ty Thoát nước Trần Văn Bình"});
  CHECK(statements == std::vector<std::string>{"Chúng tôi đã huy động toàn bộ máy bơm để tiêu nước."});
}

namespace {

// A flattened article: title line, sapo line, then the whole body on one line with an inline caption
// ("… sáng 3/5. Ảnh: Gia Khánh") and the byline as its last sentence.
const char* const kFlattened =
    "Hà Nội mở cửa lại các điểm du lịch từ tuần sau\n"
    "Từ thứ Hai tới, nhiều điểm tham quan ở Hà Nội sẽ đón khách trở lại sau thời gian tạm đóng cửa để phòng dịch.\n"
    "Sở Du lịch cho biết các điểm đến phải bảo đảm an toàn cho du khách. Du khách xếp hàng trước cổng Văn Miếu sáng "
    "3/5. Ảnh: Gia Khánh Nhiều doanh nghiệp lữ hành đã chuẩn bị sẵn các tour ngắn ngày. Lãnh đạo Sở kỳ vọng lượng "
    "khách sẽ tăng mạnh trong mùa hè. Ngọc Lan";

}  // namespace

TEST_CASE("flattened article: title lead inline caption credit and trailing byline", "[blocks]") {
  const article::Analysis a = article::analyze(kFlattened);
  REQUIRE(a.blocks.size() >= 5);
  CHECK(a.blocks[0].type == article::BlockType::kTitle);
  CHECK(a.blocks[0].span.text == "Hà Nội mở cửa lại các điểm du lịch từ tuần sau");
  CHECK(a.blocks[1].type == article::BlockType::kLead);
  CHECK(starts_with(a.blocks[1].span.text, "Từ thứ Hai tới"));
  const auto captions = texts_of_type(a, "caption");
  REQUIRE(captions.size() == 1);
  CHECK(captions[0].size() >= std::string("Ảnh: Gia Khánh").size());
  CHECK(captions[0].compare(captions[0].size() - std::string("Ảnh: Gia Khánh").size(), std::string::npos,
                            "Ảnh: Gia Khánh") == 0);
  for (const auto& b : a.blocks)
    if (b.type == article::BlockType::kCaption) {
      REQUIRE(b.credit);
      CHECK(b.credit->text == "Gia Khánh");
    }
  CHECK(a.blocks.back().type == article::BlockType::kByline);
  CHECK(a.blocks.back().span.text == "Ngọc Lan");
  CHECK(a.article.author == "Ngọc Lan");
  for (const auto& b : a.blocks) CHECK(b.paragraph <= 2);
  CHECK(a.blocks.back().paragraph == 2);
}

// The inline caption is the sentence describing the photo plus its credit ("any sentence carrying a photo
// credit", classify_blocks).
TEST_CASE("flattened article: the inline caption is the described photo plus its credit", "[blocks]") {
  const article::Analysis a = article::analyze(kFlattened);
  CHECK(blocks_of(a) ==
        TypedTexts{{"title", "Hà Nội mở cửa lại các điểm du lịch từ tuần sau"},
                   {"lead",
                    "Từ thứ Hai tới, nhiều điểm tham quan ở Hà Nội sẽ đón khách trở lại sau thời gian tạm "
                    "đóng cửa để phòng dịch."},
                   {"body", "Sở Du lịch cho biết các điểm đến phải bảo đảm an toàn cho du khách."},
                   {"caption", "Du khách xếp hàng trước cổng Văn Miếu sáng 3/5. Ảnh: Gia Khánh"},
                   {"body",
                    "Nhiều doanh nghiệp lữ hành đã chuẩn bị sẵn các tour ngắn ngày. Lãnh đạo Sở kỳ vọng "
                    "lượng khách sẽ tăng mạnh trong mùa hè."},
                   {"byline", "Ngọc Lan"}});
}

TEST_CASE("English byline: \"By\" is not part of the author", "[blocks]") {
  const article::Analysis a = article::analyze(
      "City council approves new budget\n\nThe city council voted on Tuesday to increase spending on buses.\n\n"
      "By John Smith");
  CHECK(a.article.author == "John Smith");
}
