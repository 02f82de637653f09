// Pathological inputs in linear time: each family of hostile text is analysed at two sizes, N and 4N, in the
// same run, and the time must grow by at most kAllowedGrowth (linear work grows 4×; quadratic work 16×, which
// is what these families cost before their paths were rewritten). The minimum of a few runs is compared, so a
// busy machine slows both sizes alike; and a family over the bar is measured again, up to kAttempts times in
// all, because a machine shared with other work can still slow one size alone (in a CI run, "newlines" once
// grew 8.3× where it does 4.0× the instructions). Quadratic work stays near 16× however often it is measured.
// Run by ctest (and so by `npm test`).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iostream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "article/analyzer.h"

namespace {

constexpr double kAllowedGrowth = 8.0;  // for 4× the input; linear is 4, quadratic 16
constexpr int kRuns = 3;
constexpr int kAttempts = 3;

std::string repeat(const std::string& unit, std::size_t bytes) {
  std::string s;
  while (s.size() + unit.size() <= bytes) s += unit;
  return s;
}

struct Family {
  const char* name;
  std::function<std::string(std::size_t)> make;  // about `bytes` of input
};

std::vector<Family> families() {
  return {
      {"a run of full stops", [](std::size_t n) { return std::string(n, '.'); }},
      {"'a!' with no spaces", [](std::size_t n) { return repeat("a!", n); }},
      {"'Ảnh: và ' repeated", [](std::size_t n) { return repeat("Ảnh: và ", n); }},
      {"'(Ảnh: ' never closed", [](std::size_t n) { return repeat("(Ảnh: Hà ", n); }},
      {"capitalized words on one line",
       [](std::size_t n) {
         const char* words[] = {"Nguyễn", "Văn", "Hà", "Nội", "Minh", "Lê", "Trần", "Sơn", "Tâm", "Bình"};
         std::mt19937 rng(7);
         std::string s;
         while (s.size() < n) s += std::string(words[rng() % 10]) + " ";
         return s;
       }},
      {"opening quotation marks", [](std::size_t n) { return repeat("“", n); }},
      {"newlines", [](std::size_t n) { return repeat("a\n", n); }},
      {"nested parentheses", [](std::size_t n) { return std::string(n / 2, '(') + std::string(n / 2, ')'); }},
      {"numbers 1.2.3.4…", [](std::size_t n) { return repeat("1.2.3.4.5.6.7.8.9.", n); }},
      {"many distinct people who speak",
       [](std::size_t n) {
         std::string s;
         for (int i = 0; s.size() < n; ++i)
           s += "Ông Nguyễn Văn " + std::string(1, static_cast<char>('A' + i % 26)) +
                std::string(1, static_cast<char>('a' + (i / 26) % 26)) +
                std::string(1, static_cast<char>('a' + (i / 676) % 26)) + " nói rằng trời đẹp. Ông cho biết thêm. ";
         return s;
       }},
      {"NFD, CRLF, emoji, ZWJ and U+2028",
       [](std::size_t n) { return repeat("Ha\xcc\x80 No\xcc\xa3i \xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9 “trích dẫn”\r\n\xe2\x80\xa8", n); }},
      {"one long line without spaces", [](std::size_t n) { return repeat("abcdefghij", n); }},
      {"random bytes",
       [](std::size_t n) {
         std::mt19937 rng(11);
         std::string s(n, '\0');
         for (char& c : s) c = static_cast<char>(rng() & 0xFF);
         return s;
       }},
  };
}

double fastest_ms(const std::string& input) {
  article::Options options;
  options.output.tokens = article::ListForm::kOmitted;
  double best = 1e30;
  for (int r = 0; r < kRuns; ++r) {
    const auto t0 = std::chrono::steady_clock::now();
    const std::string json = article::to_json(article::analyze(input, options));
    best = std::min(best, std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    if (json.empty()) std::abort();
  }
  return best;
}

bool load(const char* path, bool (*set)(std::string_view)) {
  std::ifstream file(path, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  return file && set(bytes);
}

}  // namespace

int main() {
  if (!load(ARTICLE_WORDS_FILE, article::set_word_list) || !load(ARTICLE_MODEL_FILE, article::set_entity_model)) {
    std::cerr << "stress: cannot load the word list or the model\n";
    return 1;
  }
  const std::size_t n = 100 * 1024;
  int failed = 0, passed = 0;
  for (const Family& family : families()) {
    const std::string small_input = family.make(n), large_input = family.make(4 * n);
    double small = 0, large = 0, growth = 0;
    int attempt = 0;
    do {
      small = std::max(fastest_ms(small_input), 1.0);
      large = fastest_ms(large_input);
      growth = large / small;
    } while (growth > kAllowedGrowth && ++attempt < kAttempts);
    const bool ok = growth <= kAllowedGrowth;
    std::printf("%s %-36s %8.1f ms at 100 KB, %8.1f ms at 400 KB: %.1fx%s\n", ok ? "ok  " : "FAIL", family.name, small,
                large, growth, attempt > 0 ? " (measured again)" : "");
    (ok ? passed : failed)++;
  }
  std::printf("%d passed, %d failed\n", passed, failed);
  return failed == 0 ? 0 : 1;
}
