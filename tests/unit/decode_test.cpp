// article::decode: bytes of a dropped or opened file → UTF-8, with ICU converters.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "article/analyzer.h"
#include "kinds.h"

namespace {

std::string bytes(std::initializer_list<int> b) {
  std::string s;
  for (int c : b) s.push_back(static_cast<char>(c));
  return s;
}

// UTF-16 code units of an ASCII string, in either byte order.
std::string utf16(const std::string& ascii, bool little_endian, bool bom) {
  std::string out = bom ? (little_endian ? bytes({0xFF, 0xFE}) : bytes({0xFE, 0xFF})) : std::string();
  for (char c : ascii) {
    out.push_back(little_endian ? c : '\0');
    out.push_back(little_endian ? '\0' : c);
  }
  return out;
}

std::vector<std::string> codes(const article::Decoded& d) {
  std::vector<std::string> out;
  for (const auto& w : d.warnings) out.push_back(w.code);
  return out;
}

}  // namespace

TEST_CASE("decode: encodings recognized from the bytes", "[decode]") {
  struct Row {
    const char* name;
    std::string input;
    const char* encoding;
    std::string text;
    std::vector<std::string> warnings;
  };
  // "Tiếng Việt" in Windows-1258: ê = 0xEA, tones as combining marks (acute 0xEC, dot below 0xF2).
  const std::string tieng_viet_1258 = bytes({'T', 'i', 0xEA, 0xEC, 'n',  'g', ' ', 'V', 'i', 0xEA, 0xF2,
                                             't', ' ', 'h',  'a',  0xF2, 'y', ' ', 'l', 'a', 0xEC, 'm'});
  const std::vector<Row> table = {
      {"plain UTF-8", "Hà Nội", "utf-8", "Hà Nội", {}},
      {"UTF-8 with BOM", bytes({0xEF, 0xBB, 0xBF}) + "Hà Nội", "utf-8", "Hà Nội", {}},
      {"UTF-16LE with BOM", utf16("Ha Noi hom nay", true, true), "utf-16le", "Ha Noi hom nay", {}},
      {"UTF-16BE with BOM", utf16("Ha Noi hom nay", false, true), "utf-16be", "Ha Noi hom nay", {}},
      {"UTF-16LE without BOM", utf16("Ha Noi hom nay", true, false), "utf-16le", "Ha Noi hom nay", {}},
      {"UTF-16BE without BOM", utf16("Ha Noi hom nay", false, false), "utf-16be", "Ha Noi hom nay", {}},
      {"Windows-1258, tones composed to NFC", tieng_viet_1258, "windows-1258", "Tiếng Việt hạy lám", {}},
      // "São Paulo não é" in Windows-1252: ã (0xE3) would be ă in 1258, but no tone marks follow.
      {"Windows-1252 is not taken for Vietnamese",
       bytes({'S', 0xE3, 'o', ' ', 'P', 'a', 'u', 'l', 'o', ' ', 'n', 0xE3, 'o', ' ', 0xE9}),
       "windows-1252",
       "São Paulo não é",
       {"unknown_encoding"}},
      // A UTF-8 file cut in the middle of its last character.
      {"UTF-8 with a truncated last character",
       std::string("Ngày hội Hà Nội ở").substr(0, 24),
       "utf-8",
       "Ngày hội Hà Nội \xEF\xBF\xBD",
       {"invalid_utf8_replaced"}},
  };
  for (const Row& row : table) {
    INFO(row.name);
    const article::Decoded d = article::decode(row.input);
    CHECK(d.ok);
    CHECK(d.encoding == row.encoding);
    CHECK(d.text == row.text);
    CHECK(codes(d) == row.warnings);
  }
}

TEST_CASE("decode: a forced encoding is used as given", "[decode]") {
  const article::Decoded bad = article::decode(bytes({'a', 0xFF, 'b'}), "utf-8");
  CHECK_FALSE(bad.ok);
  CHECK(codes(bad) == std::vector<std::string>{"invalid_utf8"});
  const article::Decoded latin = article::decode(bytes({'c', 'a', 'f', 0xE9}), "windows-1252");
  CHECK(latin.ok);
  CHECK(latin.text == "café");
}

TEST_CASE("decode: binary content is flagged by the rule analyze() refuses it with", "[decode]") {
  const std::string text = "Trời mưa to.\n";
  CHECK_FALSE(article::decode(text).binary);
  std::string binary = text;
  for (int i = 0; i < 5; ++i) binary += std::string("\x01\x02\x03", 3);  // 15 control bytes in 30
  const article::Decoded d = article::decode(binary);
  REQUIRE(d.ok);
  CHECK(d.binary);
  CHECK(article::analyze(d.text).errors.at(0).code == "binary_input");
  // A few control bytes are no binary data, and analysis takes the text.
  const article::Decoded few = article::decode(text + text + "\x01" + text);  // 1 in 43
  CHECK_FALSE(few.binary);
  CHECK(article::analyze(few.text).errors.empty());
}
