// Offsets (STYLE.md 4): every span's start/end are UTF-16 code units into the input exactly as given, so
// converting the input to UTF-16 and slicing [start, end) gives span.text. Checked on every span of the JSON
// document (whatever stages add later) for NFD input, CRLF and CR line ends, emoji and curly quotes.
#include <catch2/catch.hpp>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <nlohmann/json.hpp>

#include <fstream>
#include <functional>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "article/analyzer.h"
#include "kinds.h"

namespace {

using nlohmann::json;

std::string read_file(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  REQUIRE(file);
  return std::string((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
}

std::string normalized(const std::string& utf8, bool nfd) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = nfd ? icu::Normalizer2::getNFDInstance(status) : icu::Normalizer2::getNFCInstance(status);
  REQUIRE(U_SUCCESS(status));
  const icu::UnicodeString out = n->normalize(icu::UnicodeString::fromUTF8(utf8), status);
  REQUIRE(U_SUCCESS(status));
  std::string result;
  return out.toUTF8String(result);
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
  return s;
}

// Every object in the document with numeric "start", "end" and a string "text", with its JSON path.
void for_each_span(const json& j, const std::string& path,
                   const std::function<void(const std::string&, const json&)>& f) {
  if (j.is_object()) {
    if (j.contains("start") && j.contains("end") && j.contains("text") && j["start"].is_number_integer() &&
        j["end"].is_number_integer() && j["text"].is_string())
      f(path, j);
    for (const auto& item : j.items()) for_each_span(item.value(), path + "/" + item.key(), f);
  } else if (j.is_array()) {
    for (std::size_t i = 0; i < j.size(); ++i) for_each_span(j[i], path + "/" + std::to_string(i), f);
  }
}

// Checks the invariant on every span; returns how many spans there were.
int check_every_span(const std::string& input, const article::Analysis& a) {
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(input);
  const json doc = json::parse(article::to_json(a));
  int spans = 0, bad = 0;
  for_each_span(doc, "", [&](const std::string& path, const json& span) {
    ++spans;
    const std::int64_t start = span["start"], end = span["end"];
    const bool in_range = 0 <= start && start <= end && end <= text.length();
    std::string slice;
    if (in_range) text.tempSubStringBetween(static_cast<int32_t>(start), static_cast<int32_t>(end)).toUTF8String(slice);
    if (!in_range || slice != span["text"].get<std::string>()) {
      if (++bad <= 10) {
        INFO(path << " [" << start << ", " << end << ") text " << span["text"].dump() << " but input has "
                  << json(slice).dump());
        CHECK(false);
      }
    }
  });
  CHECK(bad == 0);
  return spans;
}

struct Structure {
  std::vector<std::string> types, texts;
  std::vector<int> paragraphs;
  bool operator==(const Structure& o) const {
    return types == o.types && texts == o.texts && paragraphs == o.paragraphs;
  }
};

// The block structure, with texts put in NFC and line ends in LF, to compare variants of one article.
Structure structure(const article::Analysis& a) {
  Structure s;
  for (const auto& b : a.blocks) {
    s.types.push_back(article::json_name(b.type));
    s.texts.push_back(normalized(b.span.text, false));
    s.paragraphs.push_back(b.paragraph);
  }
  for (const auto& sentence : a.sentences) s.texts.push_back(normalized(sentence.span.text, false));
  return s;
}

const char* const kEmojiAndQuotes =
    "Tin vui 🎉 cho người hâm mộ bóng đá\n\n"
    "Đội tuyển 🇻🇳 thắng “đậm” 3-0 tối qua 👏👏, khép lại một năm thành công của bóng đá nước nhà.\n\n"
    "Ông Nguyễn Văn An nói: “Chúng tôi rất vui 😀.” Khán giả ‘cuồng nhiệt’ cổ vũ suốt trận, "
    "nhiều người mang theo cờ 🇻🇳 và băng rôn «Việt Nam vô địch».\n\n"
    "Cầu thủ 👨‍👩‍👧 ăn mừng cùng gia đình sau trận. Ảnh: Huy Hùng\n\n"
    "Huy Hoàng";

}  // namespace

TEST_CASE("offsets: the sample as given", "[offsets]") {
  const std::string input = read_file(ARTICLE_SAMPLE_FILE);
  CHECK(check_every_span(input, article::analyze(input)) > 1000);
}

TEST_CASE("offsets: NFD input maps back to the decomposed text", "[offsets]") {
  const std::string sample = read_file(ARTICLE_SAMPLE_FILE);
  const std::string nfd = normalized(sample, true);
  REQUIRE(nfd != sample);
  REQUIRE(icu::UnicodeString::fromUTF8(nfd).length() > icu::UnicodeString::fromUTF8(sample).length());
  const article::Analysis a = article::analyze(nfd);
  CHECK(check_every_span(nfd, a) > 1000);
  // Same analysis as the NFC text, only the offsets and the spans' bytes differ.
  CHECK(structure(a) == structure(article::analyze(sample)));
  CHECK(normalized(a.article.title, false) == article::analyze(sample).article.title);
  // Code points, not code units, are counted.
  CHECK(a.stats.characters > article::analyze(sample).stats.characters);
}

TEST_CASE("offsets: NFD literals keep marks with their letter", "[offsets]") {
  // "Việt Nam" with "ệ" as e + U+0323 + U+0302, and "Hà" as a + U+0300.
  const std::string input = "Vie\u0323\u0302t Nam tha\u0306\u0301ng. Ha\u0300 Nội mừng.";
  const article::Analysis a = article::analyze(input);
  check_every_span(input, a);
  REQUIRE(a.sentences.size() == 2);
  CHECK(a.sentences[0].span.start == 0);
  CHECK(a.sentences[0].span.end == 19);
  CHECK(a.sentences[1].span.start == 20);
  REQUIRE(a.tokens.size() >= 2);
  CHECK(a.tokens[0].span.text == "Vie\u0323\u0302t");
  CHECK(a.tokens[0].span.end == 6);
}

TEST_CASE("offsets: CRLF and CR line ends", "[offsets]") {
  const std::string sample = read_file(ARTICLE_SAMPLE_FILE);
  const article::Analysis lf = article::analyze(sample);
  for (const std::string& eol : {std::string("\r\n"), std::string("\r")}) {
    DYNAMIC_SECTION((eol.size() == 2 ? "CRLF" : "CR")) {
      const std::string input = replace_all(sample, "\n", eol);
      const article::Analysis a = article::analyze(input);
      CHECK(check_every_span(input, a) > 1000);
      CHECK(structure(a) == structure(lf));
      for (const auto& b : a.blocks) CHECK(b.span.text.find('\r') == std::string::npos);
    }
  }
}

TEST_CASE("offsets: emoji (surrogate pairs and ZWJ sequences and flags) and curly quotes", "[offsets]") {
  const article::Analysis a = article::analyze(kEmojiAndQuotes);
  REQUIRE(a.status == article::Status::kOk);
  CHECK(check_every_span(kEmojiAndQuotes, a) > 50);
  // "Tin vui 🎉 cho người hâm mộ bóng đá": the emoji is two code units.
  REQUIRE_FALSE(a.blocks.empty());
  CHECK(a.blocks[0].type == article::BlockType::kTitle);
  CHECK(a.blocks[0].span.end == 35);
  bool emoji_token = false;
  for (const auto& t : a.tokens)
    if (t.span.text == "🎉") {
      emoji_token = true;
      CHECK(t.span.start == 8);
      CHECK(t.span.end == 10);
    }
  CHECK(emoji_token);
  CHECK(a.article.author == "Huy Hoàng");
}

TEST_CASE("offsets: every span of odd inputs", "[offsets]") {
  const std::vector<std::string> inputs = {
      "\xEF\xBB\xBF"
      "Trời mưa. Đường ngập.",                                  // UTF-8 BOM
      std::string("Trời mưa.") + '\0' + "Đường ngập.",          // NUL
      "<p>Trời mưa.</p>\n<p>Đường ngập.</p>",                   // HTML
      "\t  Trời\u00A0mưa\u2003to.  \u2028  Đường ngập.\u2029",  // unusual spaces and separators
      "𝐓𝐫𝐨̛̀𝐢 mưa. 😀😀😀 Đường ngập.",                              // astral letters with combining marks
      "e\u0301\u0301\u0301 a\u0300. O\u031B\u0300 !",           // stacked marks
      "date 2020-12 Tiêu đề\r\n\r\nĐoạn mở đầu đủ dài để làm sapo của bài báo này.\r\n\r\nThu Hà\r\n",
  };
  for (const std::string& input : inputs) {
    const article::Analysis a = article::analyze(input);
    INFO(json(input).dump());
    CHECK(a.status == article::Status::kOk);
    check_every_span(input, a);
  }
}

// Errors are values (STYLE.md 2): random mixes of the pieces every rule looks at never make analyze() throw
// or report an internal error, and every span of every result still slices the input.
TEST_CASE("random inputs never throw and keep every span valid", "[offsets][robustness]") {
  const std::vector<std::string> pieces = {
      "Ảnh:",
      "Ảnh: Gia Khánh",
      "(Ảnh minh họa)",
      "(Ảnh: TTXVN)",
      "Ảnh: VNE.",
      "TP.HCM",
      "PGS.TS.",
      "v.v.",
      "...",
      "…",
      "“",
      "”",
      "\"",
      "‘",
      "’",
      "(",
      ")",
      "date 2020-12",
      "2020-12-29",
      "Theo",
      "VnExpress",
      "Thu Hà",
      "Trưởng ban Dân vận Tỉnh ủy Trương Thanh Huyền:",
      "cho biết",
      "ông",
      "bà",
      "Nguyễn Văn An",
      "UBND tỉnh",
      ":",
      ";",
      ",",
      ".",
      "?",
      "!",
      "-",
      "–",
      "/",
      "%",
      "🎉",
      "🇻🇳",
      "👨\u200d👩\u200d👧",
      "e\xCC\x81",
      "\xCC\x81",
      "a",
      "Hà Nội",
      "3.600",
      "2,4",
      "29/12",
      "7 tập thể",
      "610 triệu đồng",
      " ",
      " ",
      " ",
      "\n",
      "\n\n",
      "\r\n",
      "\r",
      "\xE2\x80\xA8",
      "\t",
      "\xC2\xA0",
      std::string(1, '\0'),
      "<p>",
      "</p>",
      "Hµ Néi",
      "Viá»‡t",
      "\xEF\xBB\xBF",
      "Mr.",
      "By",
      "sáng",
      "năm 2021",
      "10 giờ",
  };
  const std::vector<std::string> invalid = {"\xC3", "\x80", "\xED\xA0\x80", "\xF8\x88\x80\x80\x80", "\xFF\xFE"};
  std::mt19937 rng(20201229);
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<int> length(0, 80), one_in(0, 19);
  int ok = 0, unusable = 0;
  for (int i = 0; i < 1500; ++i) {
    std::string input;
    for (int n = length(rng); n > 0; --n) input += pieces[pick(rng)];
    if (one_in(rng) == 0) input.insert(input.size() / 2, invalid[pick(rng) % invalid.size()]);
    INFO("input " << i << ": " << json(input).dump(-1, ' ', false, json::error_handler_t::replace));
    article::Analysis a;
    REQUIRE_NOTHROW(a = article::analyze(input));
    REQUIRE(a.status != article::Status::kInternalError);
    (a.status == article::Status::kOk ? ok : unusable)++;
    std::string rendered;
    REQUIRE_NOTHROW(rendered = article::to_json(a));
    REQUIRE(json::accept(rendered));
    if (a.status == article::Status::kOk) check_every_span(input, a);
  }
  CHECK(ok > 1000);
  CHECK(unusable > 50);
}
