// Input checks (stages 01-03: check_options, check_input, check_text): unusable input is an error value with
// status kUnusableInput, usable input with a problem is analysed with a warning, and analyze() never throws.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "article/analyzer.h"
#include "kinds.h"

namespace {

using article::Status;

std::vector<std::string> codes(const std::vector<article::Message>& messages) {
  std::vector<std::string> out;
  for (const auto& m : messages) out.push_back(m.code);
  return out;
}

bool has_code(const std::vector<article::Message>& messages, const std::string& code) {
  const auto c = codes(messages);
  return std::find(c.begin(), c.end(), code) != c.end();
}

// UTF-8 of one code point (for building inputs the way a Windows-1252 decoder would have produced them).
std::string utf8_of(char32_t c) {
  std::string out;
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
  return out;
}

// Mojibake: the UTF-8 bytes of `text` decoded as Windows-1252 and encoded as UTF-8 again ("Việt" → "Viá»‡t").
std::string as_windows_1252(const std::string& text) {
  static const char32_t c1[32] = {0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,   0x017D, 0x8F,
                                  0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};
  std::string out;
  for (unsigned char b : text) out += utf8_of(b >= 0x80 && b < 0xA0 ? c1[b - 0x80] : b);
  return out;
}

std::string bytes(std::initializer_list<unsigned char> list) { return std::string(list.begin(), list.end()); }

const std::string kClean = "Sáng nay, Hà Nội đón đợt gió mùa đông bắc đầu tiên. Nhiệt độ giảm mạnh.";

}  // namespace

TEST_CASE("status values are the CLI's exit codes", "[checks]") {
  STATIC_REQUIRE(static_cast<int>(Status::kOk) == 0);
  STATIC_REQUIRE(static_cast<int>(Status::kInternalError) == 1);
  STATIC_REQUIRE(static_cast<int>(Status::kUnusableInput) == 2);
  const auto ok = nlohmann::json::parse(article::to_json(article::analyze(kClean)));
  CHECK(ok["status"] == "ok");
  const auto bad = nlohmann::json::parse(article::to_json(article::analyze("")));
  CHECK(bad["status"] == "unusable_input");
}

TEST_CASE("unusable input: one error and nothing analysed", "[checks]") {
  struct Row {
    const char* name;
    std::string input;
    const char* error;
  };
  // clang-format off
  const std::vector<Row> table = {
      {"empty",                     "",                                                  "empty_input"},
      {"spaces and line breaks",    " \t\n\r\n  \n",                                     "empty_input"},
      {"NBSP, ideographic space",   "\u00A0\u3000\u2003\n",                              "empty_input"},
      {"lone continuation byte",    "Xin ch" + bytes({0x80}) + "o.",                     "invalid_utf8"},
      {"overlong 2-byte '/'",       "Xin " + bytes({0xC0, 0xAF}) + " chào.",             "invalid_utf8"},
      {"overlong 3-byte '/'",       "Xin " + bytes({0xE0, 0x80, 0xAF}) + " chào.",       "invalid_utf8"},
      {"overlong 4-byte",           "Xin " + bytes({0xF0, 0x80, 0x80, 0xAF}) + " chào.", "invalid_utf8"},
      {"UTF-8-encoded surrogate",   "Xin " + bytes({0xED, 0xA0, 0x80}) + " chào.",       "invalid_utf8"},
      {"truncated at the end",      "Xin chào bạn" + bytes({0xE1, 0xBA}),                "invalid_utf8"},
      {"truncated before a space",  "Xin " + bytes({0xE1, 0xBA}) + " chào.",             "invalid_utf8"},
      {"above U+10FFFF",            "Xin " + bytes({0xF4, 0x90, 0x80, 0x80}) + " chào.", "invalid_utf8"},
      {"0xFF byte",                 "Xin " + bytes({0xFF}) + " chào.",                   "invalid_utf8"},
      {"Windows-1258 bytes",        "Vi" + bytes({0xEA, 0xD2}) + "t Nam",                "invalid_utf8"},
      {"UTF-16LE with BOM",         bytes({0xFF, 0xFE, 'X', 0, 'i', 0, 'n', 0}),         "utf16_input"},
      {"UTF-16BE with BOM",         bytes({0xFE, 0xFF, 0, 'X', 0, 'i', 0, 'n'}),         "utf16_input"},
      {"UTF-16LE without BOM",      bytes({'X', 0, 'i', 0, 'n', 0, ' ', 0, 'c', 0}),     "binary_input"},
      {"many NUL bytes",            std::string("A\0B\0C\0D\0E\0F\0", 12),               "binary_input"},
      {"control bytes",             "\x01\x02\x03\x04 text \x05\x06\x07\x08",            "binary_input"},
  };
  // clang-format on
  for (const Row& row : table) {
    DYNAMIC_SECTION(row.name) {
      const article::Analysis a = article::analyze(row.input);
      CHECK(a.status == Status::kUnusableInput);
      CHECK(codes(a.errors) == std::vector<std::string>{row.error});
      CHECK(a.blocks.empty());
      CHECK(a.sentences.empty());
      CHECK(a.tokens.empty());
      CHECK(a.errors.front().message.size() > 10);
    }
  }
}

TEST_CASE("invalid UTF-8: the message gives the offset of the first bad byte", "[checks]") {
  const std::string input = "Hà Nội " + bytes({0xC3}) + "x";  // "Hà Nội " is 10 bytes
  const article::Analysis a = article::analyze(input);
  REQUIRE(a.errors.size() == 1);
  CHECK_THAT(a.errors[0].message, Catch::Contains("offset 10"));
}

TEST_CASE("input over kMaxInputBytes is rejected and not truncated", "[checks]") {
  const std::string sentence = "Hà Nội có mưa. ";
  std::string big;
  while (big.size() <= article::kMaxInputBytes) big += sentence;
  const article::Analysis a = article::analyze(big);
  CHECK(a.status == Status::kUnusableInput);
  CHECK(codes(a.errors) == std::vector<std::string>{"input_too_large"});
  CHECK_THAT(a.errors[0].message, Catch::Contains(std::to_string(article::kMaxInputBytes)));
  CHECK(a.sentences.empty());
  CHECK(a.tokens.empty());
  CHECK(a.stats.characters == 0);

  // The limit itself is accepted (this one is blank, so it is rejected for that reason instead).
  const article::Analysis at_limit = article::analyze(std::string(article::kMaxInputBytes, ' '));
  CHECK(codes(at_limit.errors) == std::vector<std::string>{"empty_input"});
}

TEST_CASE("usable input with a problem: analysed with a warning", "[checks]") {
  struct Row {
    const char* name;
    std::string input;
    const char* warning;  // "" for none
    const char* message_part;
  };
  const std::string tcvn3 =
      "Hµ Néi h«m nay trêi ®Ñp, mäi ng\u00ADêi ra ®\u00ADêng ®«ng vui.";  // "Hà Nội hôm nay trời đẹp…"
  const std::string vni = "Haø Noäi hoâm nay trôøi ñeïp, moïi ngöôøi ra ñöôøng ñoâng vui.";
  // clang-format off
  const std::vector<Row> table = {
      {"clean Vietnamese",          kClean,                                                 "", ""},
      {"clean English",             "The council met on Monday. It approved the budget.",   "", ""},
      {"a few NUL bytes",           std::string("Hà Nội hôm nay trời đẹp.") + '\0' + " Mọi người ra đường đông vui.",
                                                                                            "nul_characters", "1 NUL"},
      {"HTML paste",                "<p>Hà Nội hôm nay trời đẹp.</p>\n<p>Mọi người ra đường.</p>",
                                                                                            "html_markup", "4 HTML tags"},
      {"HTML line break tags",      "Hà Nội hôm nay trời đẹp.<br/>Mọi người ra đường.<br>", "html_markup", "HTML"},
      {"a lone '<' is not HTML",    "Chỉ số a <b và b > c, không phải thẻ HTML.",          "", ""},
      {"one tag is not enough",     "Giá trị <b>tăng mạnh trong tháng.",                 "", ""},
      {"TCVN3 (ABC) font text",     tcvn3,                                                  "legacy_vietnamese_encoding", "TCVN3"},
      {"VNI font text",             vni,                                                    "legacy_vietnamese_encoding", "VNI"},
      {"UTF-8 read as Windows-1252", as_windows_1252("Tiếng Việt là ngôn ngữ chính thức của Việt Nam. Người Việt "
                                                     "ở nhiều nơi trên thế giới."),        "mojibake", "Windows-1252"},
      {"UTF-8 byte-order mark",     "\xEF\xBB\xBF" + kClean,                                "", ""},
  };
  // clang-format on
  for (const Row& row : table) {
    DYNAMIC_SECTION(row.name) {
      const article::Analysis a = article::analyze(row.input);
      CHECK(a.status == Status::kOk);
      CHECK(a.errors.empty());
      CHECK_FALSE(a.sentences.empty());
      if (*row.warning) {
        REQUIRE(codes(a.warnings) == std::vector<std::string>{row.warning});
        CHECK_THAT(a.warnings[0].message, Catch::Contains(row.message_part));
      } else {
        CHECK(a.warnings.empty());
      }
    }
  }
}

TEST_CASE("a NUL byte is read as a space and keeps its offset", "[checks]") {
  const std::string input = std::string("Trời mưa.") + '\0' + "Đường ngập.";
  const article::Analysis a = article::analyze(input);
  REQUIRE(a.status == Status::kOk);
  REQUIRE(a.sentences.size() == 2);
  CHECK(a.sentences[0].span.text == "Trời mưa.");
  CHECK(a.sentences[1].span.start == 10);  // after the NUL, in UTF-16 code units
  CHECK(a.sentences[1].span.text == "Đường ngập.");
}

TEST_CASE("a UTF-8 byte-order mark is not text", "[checks]") {
  const article::Analysis a = article::analyze(
      "\xEF\xBB\xBF"
      "Trời mưa. Đường ngập.");
  REQUIRE(a.sentences.size() == 2);
  CHECK(a.sentences[0].span.start == 1);  // the BOM is one UTF-16 code unit
  CHECK(a.sentences[0].span.text == "Trời mưa.");
}

TEST_CASE("language detection", "[checks]") {
  struct Row {
    const char* input;
    const char* options_language;
    const char* language;
  };
  // clang-format off
  const std::vector<Row> table = {
      {"Sáng nay, Hà Nội đón đợt gió mùa đông bắc đầu tiên.",            "auto", "vi"},
      {"The city council approved the budget on Monday.",                 "auto", "en"},
      {"Der Stadtrat hat am Montag den Haushalt für das Jahr gebilligt.", "auto", "en"},  // ASCII-only German reads as English
      {"Le conseil municipal a approuvé le budget à l'unanimité.",        "auto", "en"},
      {"Рада ухвалила бюджет у понеділок.",                              "auto", "und"},
      {"2020 - 2021: 7/12 ... 3.600",                                     "auto", "und"},
      {"The city council approved the budget on Monday.",                 "vi",   "vi"},
      {"Sáng nay, Hà Nội đón đợt gió mùa đông bắc đầu tiên.",            "en",   "en"},
  };
  // clang-format on
  for (const Row& row : table) {
    DYNAMIC_SECTION(row.input << " [" << row.options_language << "]") {
      article::Options options;
      options.language = row.options_language;
      CHECK(article::analyze(row.input, options).language == row.language);
    }
  }
}

TEST_CASE("options_from_json", "[checks][json]") {
  std::string error;
  article::Options o =
      article::options_from_json(R"({"language":"en","referenceDate":"2020-12-29","tokens":false,"x":1})", &error);
  CHECK(error.empty());
  CHECK(o.language == "en");
  CHECK(o.reference_date == "2020-12-29");
  CHECK(o.output.tokens == article::ListForm::kOmitted);

  for (const char* malformed : {"", "{", "[]", "\"vi\"", "null", "{\"language\":"}) {
    error.clear();
    o = article::options_from_json(malformed, &error);
    CHECK_FALSE(error.empty());
    CHECK(o.language == "auto");
    CHECK(o.output.tokens == article::ListForm::kObjects);
  }
  // Wrong types are ignored, not errors.
  error.clear();
  o = article::options_from_json(R"({"language":7,"tokens":"no"})", &error);
  CHECK(error.empty());
  CHECK(o.language == "auto");
  CHECK(o.output.tokens == article::ListForm::kObjects);
}

TEST_CASE("options_from_json: what cannot be used is an invalid_option problem", "[checks][json]") {
  std::vector<article::Message> problems;
  article::Options o = article::options_from_json(R"({"language":"en","tokens":false})", &problems);
  CHECK(problems.empty());
  CHECK(o.language == "en");
  CHECK(o.output.tokens == article::ListForm::kOmitted);
  o = article::options_from_json(R"({"language":7,"tokens":"no","referenceDate":"2020-12-29","colour":"red"})",
                                 &problems);
  REQUIRE(problems.size() == 3);
  for (const auto& p : problems) CHECK(p.code == "invalid_option");
  CHECK(o.language == "auto");
  CHECK(o.output.tokens == article::ListForm::kObjects);
  CHECK(o.reference_date == "2020-12-29");
  problems.clear();
  o = article::options_from_json("[1]", &problems);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].message.find("not a JSON object") != std::string::npos);
}

TEST_CASE("options out of range are warned about and replaced by their defaults", "[checks]") {
  auto warnings_of = [](const article::Analysis& a) {
    int n = 0;
    for (const auto& w : a.warnings) n += w.code == "invalid_option";
    return n;
  };
  article::Options o;
  o.language = "fr";
  o.reference_date = "2020-02-30";
  const article::Analysis bad = article::analyze(kClean, o);
  CHECK(warnings_of(bad) == 2);
  CHECK(bad.language == "vi");  // detected
  CHECK(bad.status == article::Status::kOk);
  for (const char* date : {"2020", "2020-12", "2020-02-29", "2021-12-29T08:00:00Z", ""}) {
    INFO(date);
    article::Options good;
    good.language = "vi";
    good.reference_date = date;
    CHECK(warnings_of(article::analyze(kClean, good)) == 0);
  }
  for (const char* date : {"2021-02-29", "20-12-29", "2020/12/29", "29/12/2020", "2020-1-5", "hôm nay"}) {
    INFO(date);
    article::Options wrong;
    wrong.reference_date = date;
    CHECK(warnings_of(article::analyze(kClean, wrong)) == 1);
  }
}

TEST_CASE("tokens: false leaves the token list out", "[checks][json]") {
  article::Options options;
  options.output.tokens = article::ListForm::kOmitted;
  const article::Analysis a = article::analyze(kClean, options);
  CHECK(a.tokens.empty());
  CHECK(a.stats.syllables > 0);  // still counted
  const auto j = nlohmann::json::parse(article::to_json(a));
  CHECK(j["tokens"] == nlohmann::json::array());
}

TEST_CASE("options_from_json reads the output form", "[checks][json]") {
  std::vector<article::Message> problems;
  article::Options o =
      article::options_from_json(R"({"tokens":"compact","wordSpans":false,"spanText":false})", &problems);
  CHECK(problems.empty());
  CHECK(o.output.tokens == article::ListForm::kColumns);
  CHECK(o.output.words == article::ListForm::kOmitted);
  CHECK_FALSE(o.output.span_text);
  o = article::options_from_json(R"({"wordSpans":"compact","spanText":"no","tokens":"columns"})", &problems);
  CHECK(o.output.words == article::ListForm::kColumns);
  CHECK(o.output.span_text);
  CHECK(o.output.tokens == article::ListForm::kObjects);
  REQUIRE(problems.size() == 2);
  CHECK(problems[0].code == "invalid_option");
}

namespace {

nlohmann::json document(const std::string& text, const article::OutputForm& form, bool streamed) {
  article::Options options;
  options.output = form;
  std::string json;
  if (streamed)
    article::analyze_json(text, options, [&json](std::string_view piece) { json += piece; });
  else
    json = article::to_json(article::analyze(text, options));
  return nlohmann::json::parse(json);
}

// Every object of the document that has a start and an end (a span).
void collect_spans(const nlohmann::json& node, std::vector<const nlohmann::json*>& out) {
  if (node.is_object()) {
    if (node.contains("start") && node["start"].is_number()) out.push_back(&node);
    for (const auto& item : node) collect_spans(item, out);
  } else if (node.is_array()) {
    for (const auto& item : node) collect_spans(item, out);
  }
}

}  // namespace

TEST_CASE("compact tokens and words are the same items in columns", "[checks][json]") {
  const std::string text =
      std::string(kClean) + "\n\nÔng Nguyễn Văn A, Chủ tịch UBND tỉnh Hà Tĩnh, nói: “Sẽ xong trước 30/4”.";
  for (bool streamed : {false, true}) {
    INFO("streamed " << streamed);
    const nlohmann::json full = document(text, {}, streamed);
    const nlohmann::json compact =
        document(text, {article::ListForm::kColumns, article::ListForm::kColumns, true}, streamed);
    const auto& objects = full["tokens"];
    const auto& columns = compact["tokens"];
    REQUIRE(objects.size() > 20);
    REQUIRE(columns["start"].size() == objects.size());
    REQUIRE(columns["end"].size() == objects.size());
    REQUIRE(columns["kind"].size() == objects.size());
    REQUIRE(columns["sentence"].size() == objects.size());
    for (std::size_t i = 0; i < objects.size(); ++i) {
      CHECK(columns["start"][i] == objects[i]["start"]);
      CHECK(columns["end"][i] == objects[i]["end"]);
      CHECK(columns["kinds"][columns["kind"][i].get<int>()] == objects[i]["kind"]);
      CHECK(columns["sentence"][i] == objects[i]["sentence"]);
    }
    const auto& words = full["words"];
    const auto& word_columns = compact["words"];
    REQUIRE(words.size() > 10);
    REQUIRE(word_columns["start"].size() == words.size());
    for (std::size_t i = 0; i < words.size(); ++i) {
      CHECK(word_columns["start"][i] == words[i]["start"]);
      CHECK(word_columns["end"][i] == words[i]["end"]);
      CHECK(word_columns["syllables"][i] == words[i]["syllables"]);
      CHECK(word_columns["proper"][i] == (words[i].value("proper", false) ? 1 : 0));
    }
    // Everything else is the same document.
    nlohmann::json rest_full = full, rest_compact = compact;
    for (auto* j : {&rest_full, &rest_compact}) j->erase("tokens"), j->erase("words");
    CHECK(rest_full == rest_compact);
  }
}

TEST_CASE("spanText false leaves each span its offsets only", "[checks][json]") {
  const std::string text =
      std::string(kClean) + "\n\nÔng Nguyễn Văn A, Chủ tịch UBND tỉnh Hà Tĩnh, nói: “Sẽ xong trước 30/4”.";
  for (bool streamed : {false, true}) {
    INFO("streamed " << streamed);
    const nlohmann::json full = document(text, {}, streamed);
    const nlohmann::json lean =
        document(text, {article::ListForm::kOmitted, article::ListForm::kOmitted, false}, streamed);
    std::vector<const nlohmann::json*> full_spans, lean_spans;
    collect_spans(full, full_spans);
    collect_spans(lean, lean_spans);
    CHECK(lean["tokens"] == nlohmann::json::array());
    CHECK(lean["words"] == nlohmann::json::array());
    // The same spans, less the tokens and words, each without its text.
    const std::size_t expected = full_spans.size() - full["tokens"].size() - full["words"].size();
    REQUIRE(lean_spans.size() == expected);
    REQUIRE(expected > 10);
    for (const auto* span : lean_spans) {
      CHECK_FALSE(span->contains("text"));
      CHECK(span->contains("end"));
    }
    CHECK(lean.dump().size() * 2 < full.dump().size());
    // What is not a span keeps its text: names, keyword texts, the title.
    REQUIRE(lean["people"].size() == full["people"].size());
    REQUIRE_FALSE(lean["people"].empty());
    for (std::size_t i = 0; i < lean["people"].size(); ++i)
      CHECK(lean["people"][i]["name"] == full["people"][i]["name"]);
    CHECK(lean["article"] == full["article"]);
    CHECK(lean["keywords"] == full["keywords"]);
  }
}

TEST_CASE("the JSON document has every top-level field even for errors", "[checks][json]") {
  const std::vector<std::string> keys = {"abbreviations", "analyzer", "article",  "blocks",        "entities",
                                         "errors",        "keywords", "language", "organizations", "people",
                                         "places",        "quotes",   "schema",   "sentences",     "stats",
                                         "status",        "tokens",   "warnings", "words"};
  for (const std::string& input : {kClean, std::string()}) {
    const auto j = nlohmann::json::parse(article::to_json(article::analyze(input)));
    std::vector<std::string> got;
    for (const auto& item : j.items()) got.push_back(item.key());
    CHECK(got == keys);
    CHECK(j["schema"] == article::kSchemaVersion);
    CHECK(j["analyzer"]["name"] == "article-analyzer");
    CHECK(j["analyzer"]["version"] == article::version());
  }
  // Indented output is the same document.
  const article::Analysis a = article::analyze(kClean);
  CHECK(nlohmann::json::parse(article::to_json(a, 2)) == nlohmann::json::parse(article::to_json(a)));
}

// Known issue (reported): unusable input leaves `language` empty although the header documents
// "vi" | "en" | "und".
TEST_CASE("unusable input reports language \"und\"", "[checks]") { CHECK(article::analyze("").language == "und"); }

TEST_CASE("guillemets used as quotation marks are not a legacy encoding", "[checks]") {
  // « and » are TCVN3 letters too; in pairs they are quotation marks.
  const article::Analysis quoted = article::analyze("Ông nói «Xin chào» «Hà Nội» «Việt Nam» «Đà Nẵng» «Huế» rồi đi.");
  for (const auto& w : quoted.warnings) CHECK(w.code != "legacy_vietnamese_encoding");
  // TCVN3 shown as Windows-1252 still is one.
  const article::Analysis legacy = article::analyze("Hµ Néi: ®oµn c«ng t¸c cña tØnh ®· ®Õn th¨m vµ lµm viÖc.");
  bool warned = false;
  for (const auto& w : legacy.warnings) warned |= w.code == "legacy_vietnamese_encoding";
  CHECK(warned);
}
