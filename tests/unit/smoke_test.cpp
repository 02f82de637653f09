#include <catch2/catch.hpp>
#include "article/analyzer.h"
TEST_CASE("empty input is an error") {
  auto a = article::analyze("");
  REQUIRE(a.status == article::Status::kUnusableInput);
}
