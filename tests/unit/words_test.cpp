// Word segmentation: word-list words, name runs, and the VLSP conventions in vi_segmentation_rules.tsv.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "article/analyzer.h"

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
