// StringTable (core/src/string_table.h), the flat hash table the lexicons are looked up in.
#include <catch2/catch.hpp>

#include <map>
#include <string>

#include "string_table.h"

using article::internal::StringTable;

TEST_CASE("string table: finds what was added, through growth, and nothing else", "[lexicon]") {
  StringTable<int> table;
  std::map<std::string, int> reference;
  for (int i = 0; i < 5000; ++i) {
    const std::string key = "khóa " + std::to_string(i * 7919 % 10007);
    table.try_emplace(key, i);   // the first value stays, as with std::map::try_emplace
    reference.try_emplace(key, i);
  }
  CHECK(table.size() == reference.size());
  for (const auto& [key, value] : reference) {
    const int* found = table.find(key);
    REQUIRE(found != nullptr);
    CHECK(*found == value);
  }
  CHECK(table.find("khóa") == nullptr);
  CHECK(table.find("") == nullptr);
  CHECK(table.find("khóa 10008") == nullptr);
  table[""] = 42;  // the empty key is a key like any other
  CHECK(*table.find("") == 42);
  std::size_t seen = 0;
  table.for_each([&](std::string_view key, int) { seen += key.empty() || reference.count(std::string(key)); });
  CHECK(seen == reference.size() + 1);
}

TEST_CASE("string table: a hash continued over the pieces of a key is the key's hash", "[lexicon]") {
  using Table = StringTable<int>;
  const std::uint64_t whole = Table::hash("Bà Rịa-Vũng Tàu");
  std::uint64_t h = Table::hash("Bà");
  h = Table::hash(" ", h);
  h = Table::hash("Rịa", h);
  h = Table::hash("-", h);
  h = Table::hash("Vũng Tàu", h);
  CHECK(h == whole);
  Table table;
  table.try_emplace("Bà Rịa-Vũng Tàu", 7);
  CHECK(*table.find("Bà Rịa-Vũng Tàu", h) == 7);
  // find_if compares through the caller's test, here against the pieces.
  const int* found = table.find_if(h, [](std::string_view key) { return key == "Bà Rịa-Vũng Tàu"; });
  REQUIRE(found != nullptr);
  CHECK(*found == 7);
  CHECK(table.find_if(h, [](std::string_view) { return false; }) == nullptr);
}
