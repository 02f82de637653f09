// Large inputs: analyze_json and write_json give the same document as to_json(analyze()) while holding less
// (tokens from the compact form, span texts cut as written, the document in pieces), and the count limits
// of analyzer.h refuse shapes of text whose result would not fit, with an input_too_large error.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <iterator>
#include <set>
#include <string>
#include <vector>

#include "article/analyzer.h"
#include "kinds.h"

namespace {

const std::string kArticle =
    "Sáng 29/12, tại Hà Tĩnh, ông Nguyễn Văn An, Chủ tịch UBND tỉnh, cho biết tỉnh đã hoàn thành kế hoạch.\n"
    "“Chúng tôi sẽ tiếp tục cố gắng”, ông An nói.\n";

std::string streamed(const std::string& text, const article::Options& options = {}, int indent = -1,
                     std::vector<std::size_t>* sizes = nullptr) {
  std::string out;
  article::analyze_json(
      text, options,
      [&](std::string_view piece) {
        out.append(piece);
        if (sizes) sizes->push_back(piece.size());
      },
      indent);
  return out;
}

std::string repeated(const std::string& unit, std::size_t times) {
  std::string out;
  out.reserve(unit.size() * times);
  for (std::size_t i = 0; i < times; ++i) out += unit;
  return out;
}

}  // namespace

TEST_CASE("analyze_json writes exactly the document to_json(analyze()) does", "[limits][json]") {
  article::Options no_tokens;
  no_tokens.output.tokens = article::ListForm::kOmitted;
  // NFD input: the spans are mapped from the normalized text back to the input as given.
  const std::string nfd = "Ho\xCC\x82\xCC\x80ng Le\xCC\x82 no\xCC\x81i: \"Xin chào\".\nA\xCC\x81nh: TTXVN";
  for (const std::string& text : {kArticle, nfd, std::string(), std::string("\xFF\xFE"), repeated(kArticle, 40)}) {
    CHECK(streamed(text) == article::to_json(article::analyze(text)));
    CHECK(streamed(text, no_tokens) == article::to_json(article::analyze(text, no_tokens)));
    CHECK(streamed(text, {}, 2) == article::to_json(article::analyze(text), 2));
  }
}

TEST_CASE("write_json hands a large document over in pieces", "[limits][json]") {
  const std::string text = repeated(kArticle, 400);  // about 70 KB of text, a document of megabytes
  const article::Analysis a = article::analyze(text);
  std::string joined;
  std::vector<std::size_t> sizes;
  article::write_json(a, [&](std::string_view piece) {
    joined.append(piece);
    sizes.push_back(piece.size());
  });
  CHECK(joined == article::to_json(a));
  CHECK(sizes.size() > 3);
  // A piece ends at the first value past 256 KiB; values here are short.
  for (std::size_t s : sizes) CHECK(s < 256 * 1024 + 4096);
  // analyze_json too.
  sizes.clear();
  CHECK(streamed(text, {}, -1, &sizes) == joined);
  CHECK(sizes.size() > 3);
}

TEST_CASE("text beyond the count limits is refused with input_too_large", "[limits][checks]") {
  struct Case {
    std::string text;
    const char* what;
  };
  const std::vector<Case> cases = {
      {repeated("a\n", article::kMaxParagraphs + 1), "paragraphs"},
      {repeated("A! ", article::kMaxSentences + 1), "sentences"},
      {repeated("a!", article::kMaxTokens / 2 + 1), "tokens"},  // one sentence of tokens "a" and "!"
  };
  for (const Case& c : cases) {
    INFO(c.what);
    REQUIRE(c.text.size() <= article::kMaxInputBytes);
    const article::Analysis a = article::analyze(c.text);
    CHECK(a.status == article::Status::kUnusableInput);
    REQUIRE(a.errors.size() == 1);
    CHECK(a.errors[0].code == "input_too_large");
    CHECK(a.errors[0].message.find(c.what) != std::string::npos);
    CHECK(a.blocks.empty());
    CHECK(a.sentences.empty());
    CHECK(a.tokens.empty());
    // The document says so too, and nothing else.
    const auto j = nlohmann::json::parse(streamed(c.text));
    CHECK(j["status"] == "unusable_input");
    CHECK(j["errors"][0]["code"] == "input_too_large");
    CHECK(j["sentences"].empty());
  }
  // Just inside a limit is analysed.
  const article::Analysis inside = article::analyze(repeated("a\n", 1000));
  CHECK(inside.status == article::Status::kOk);
  CHECK(inside.blocks.size() == 1000);
}

TEST_CASE("kinds: each has its own JSON name, entity types read back, and schema_json lists them with the limits",
          "[kinds][json]") {
  std::set<std::string> blocks, entities, quotes, tokens;
  for (auto k : article::kBlockTypes) blocks.insert(article::json_name(k));
  for (auto k : article::kTokenKinds) tokens.insert(article::json_name(k));
  for (auto k : article::kQuoteKinds) quotes.insert(article::json_name(k));
  for (auto k : article::kEntityTypes) {
    entities.insert(article::json_name(k));
    CHECK(article::entity_type_from_json_name(article::json_name(k)) == k);
  }
  CHECK(blocks.size() == std::size(article::kBlockTypes));
  CHECK(tokens.size() == std::size(article::kTokenKinds));
  CHECK(quotes.size() == std::size(article::kQuoteKinds));
  CHECK(entities.size() == std::size(article::kEntityTypes));
  CHECK_FALSE(article::entity_type_from_json_name("people"));
  CHECK_FALSE(article::entity_type_from_json_name(""));
  const std::string schema = article::schema_json();
  CHECK(schema.find("\"maxInputBytes\":" + std::to_string(article::kMaxInputBytes)) != std::string::npos);
  CHECK(schema.find(R"("nameTypes":["person","organization","location"])") != std::string::npos);
  CHECK(schema.find(R"("quoteKinds":["speaker_caption","direct","reported"])") != std::string::npos);
}
