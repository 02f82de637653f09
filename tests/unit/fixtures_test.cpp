// Golden fixtures (STYLE.md 7): every folder tests/fixtures/<slug>/ holds `input.txt`, `expected.json` and
// optionally `options.json` (the JS API's options object). The analyzer's JSON for the input must equal
// expected.json; on a difference the test prints where (a JSON pointer) and both values. A new case is a new
// folder; scripts/regen-fixtures.sh rewrites expected.json after an intended change, and `git diff` is the
// review. tests/js runs the same folders through the wasm module and the packaged JS API.
#include <catch2/catch.hpp>

#include <unicode/unistr.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "article/analyzer.h"
#include "kinds.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

bool read_file(const fs::path& path, std::string& out) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return false;
  out.assign(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
  return true;
}

std::vector<fs::path> fixture_dirs() {
  std::vector<fs::path> dirs;
  for (const auto& entry : fs::directory_iterator(ARTICLE_FIXTURES_DIR))
    if (entry.is_directory()) dirs.push_back(entry.path());
  std::sort(dirs.begin(), dirs.end());
  return dirs;
}

std::string short_dump(const json& j) {
  std::string s = j.dump(-1, ' ', false, json::error_handler_t::replace);
  return s.size() > 160 ? s.substr(0, 157) + "..." : s;
}

std::string escape_pointer_token(std::string key) {
  for (std::size_t at = 0; (at = key.find_first_of("~/", at)) != std::string::npos; at += 2)
    key.replace(at, 1, key[at] == '~' ? "~0" : "~1");
  return key;
}

// Differences between expected and actual as "pointer: expected … but got …" lines, the first `limit` of
// them. Arrays are compared element by element, so one inserted block shows as a run of differences from
// that index on; the first line is the one to read.
void diff(const json& expected, const json& actual, const std::string& path, std::vector<std::string>& out,
          std::size_t limit) {
  if (out.size() >= limit || expected == actual) return;
  const std::string where = path.empty() ? "/" : path;
  if (expected.is_object() && actual.is_object()) {
    std::set<std::string> keys;
    for (const auto& item : expected.items()) keys.insert(item.key());
    for (const auto& item : actual.items()) keys.insert(item.key());
    for (const std::string& key : keys) {
      const std::string child = path + "/" + escape_pointer_token(key);
      if (!expected.contains(key))
        out.push_back(child + ": unexpected field, got " + short_dump(actual[key]));
      else if (!actual.contains(key))
        out.push_back(child + ": missing field, expected " + short_dump(expected[key]));
      else
        diff(expected[key], actual[key], child, out, limit);
      if (out.size() >= limit) return;
    }
  } else if (expected.is_array() && actual.is_array()) {
    const std::size_t n = std::min(expected.size(), actual.size());
    for (std::size_t i = 0; i < n && out.size() < limit; ++i)
      diff(expected[i], actual[i], path + "/" + std::to_string(i), out, limit);
    if (expected.size() != actual.size() && out.size() < limit)
      out.push_back(where + ": expected " + std::to_string(expected.size()) + " items, got " +
                    std::to_string(actual.size()));
  } else {
    out.push_back(where + ": expected " + short_dump(expected) + " but got " + short_dump(actual));
  }
}

// Every object with numeric "start"/"end" and a string "text": slicing the input (as UTF-16) must give text.
void check_spans(const icu::UnicodeString& input, const json& j, const std::string& path, int& spans,
                 std::vector<std::string>& bad) {
  if (j.is_object()) {
    if (j.contains("start") && j.contains("end") && j.contains("text") && j["start"].is_number_integer() &&
        j["end"].is_number_integer() && j["text"].is_string()) {
      ++spans;
      const std::int64_t start = j["start"], end = j["end"];
      std::string slice;
      const bool in_range = 0 <= start && start <= end && end <= input.length();
      if (in_range)
        input.tempSubStringBetween(static_cast<int32_t>(start), static_cast<int32_t>(end)).toUTF8String(slice);
      if (!in_range || slice != j["text"].get<std::string>())
        bad.push_back(path + " [" + std::to_string(start) + ", " + std::to_string(end) + "): text " +
                      short_dump(j["text"]) + ", input " + short_dump(json(slice)));
    }
    for (const auto& item : j.items()) check_spans(input, item.value(), path + "/" + item.key(), spans, bad);
  } else if (j.is_array()) {
    for (std::size_t i = 0; i < j.size(); ++i) check_spans(input, j[i], path + "/" + std::to_string(i), spans, bad);
  }
}

}  // namespace

TEST_CASE("golden fixtures", "[fixtures]") {
  const auto dirs = fixture_dirs();
  REQUIRE(dirs.size() >= 2);
  for (const fs::path& dir : dirs) {
    const std::string slug = dir.filename().string();
    DYNAMIC_SECTION(slug) {
      std::string input, expected_text, options_text;
      REQUIRE(read_file(dir / "input.txt", input));
      INFO("fixture " << slug << " (regenerate after an intended change: scripts/regen-fixtures.sh " << slug << ")");
      REQUIRE(read_file(dir / "expected.json", expected_text));
      article::Options options;
      if (read_file(dir / "options.json", options_text)) {
        std::string error;
        options = article::options_from_json(options_text, &error);
        INFO("options.json: " << error);
        REQUIRE(error.empty());
      }
      const json expected = json::parse(expected_text, nullptr, false);
      REQUIRE_FALSE(expected.is_discarded());
      const json actual = json::parse(article::to_json(article::analyze(input, options)));

      std::vector<std::string> differences;
      diff(expected, actual, "", differences, 12);
      std::ostringstream report;
      for (const auto& d : differences) report << "\n  " << d;
      INFO("differences from expected.json (first " << differences.size() << "):" << report.str());
      CHECK(differences.empty());

      // The file is in canonical form, so that regenerating it changes only what changed.
      CHECK(expected_text == expected.dump(2) + "\n");

      int spans = 0;
      std::vector<std::string> bad;
      check_spans(icu::UnicodeString::fromUTF8(input), actual, "", spans, bad);
      std::ostringstream bad_report;
      for (std::size_t i = 0; i < bad.size() && i < 10; ++i) bad_report << "\n  " << bad[i];
      INFO(bad.size() << " of " << spans << " spans do not slice the input:" << bad_report.str());
      CHECK(bad.empty());
    }
  }
}
