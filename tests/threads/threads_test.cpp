// Different articles analysed on four threads at once (two through analyze, two through analyze_json, as the
// CLI's batch mode does) give the same results as one at a time: the core's
// tables are built once and shared read-only (data.cpp, names.cpp), the break iterators are per thread.
// scripts/test.sh also runs this program built with ThreadSanitizer, which must report nothing.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

#include "article/analyzer.h"

namespace {
std::string read(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
}
}  // namespace

int main() {
  if (!article::set_word_list(read(ARTICLE_WORDS_FILE)) || !article::set_entity_model(read(ARTICLE_MODEL_FILE))) {
    std::cerr << "threads: cannot load the word list or the model\n";
    return 1;
  }
  const std::string fixtures = ARTICLE_FIXTURES_DIR;
  const std::vector<std::string> inputs = {
      read(fixtures + "/sample-ha-tinh/input.txt"),   read(fixtures + "/flattened-vietnamese/input.txt"),
      read(fixtures + "/english-news/input.txt"),     read(fixtures + "/crlf-vietnamese/input.txt"),
      read(fixtures + "/emoji-curly-quotes/input.txt"), read(fixtures + "/nfd-vietnamese/input.txt"),
      read(fixtures + "/legacy-tcvn3/input.txt"),     read(fixtures + "/html-paste/input.txt")};
  // Expected results come from the threads themselves, all starting at once on a cold core (the tables are
  // built while they race); then they are checked against one-at-a-time analyses.
  constexpr int kThreads = 4, kRounds = 3;
  std::vector<std::vector<std::string>> results(kThreads);
  std::vector<std::thread> threads;
  for (int k = 0; k < kThreads; ++k)
    threads.emplace_back([&, k] {
      for (int r = 0; r < kRounds; ++r)
        for (std::size_t i = 0; i < inputs.size(); ++i) {
          const std::string& input = inputs[(i + k) % inputs.size()];
          if (k % 2 == 0) {
            results[k].push_back(article::to_json(article::analyze(input)));
          } else {  // the streaming path the CLI's batch mode runs on its threads
            std::string json;
            article::analyze_json(input, {}, [&json](std::string_view piece) { json += piece; });
            results[k].push_back(std::move(json));
          }
        }
    });
  for (auto& t : threads) t.join();
  int failed = 0, passed = 0;
  for (int k = 0; k < kThreads; ++k)
    for (std::size_t j = 0; j < results[k].size(); ++j) {
      const std::size_t i = (j % inputs.size() + k) % inputs.size();
      const bool same = results[k][j] == article::to_json(article::analyze(inputs[i]));
      (same ? passed : failed)++;
      if (!same) std::printf("thread %d, analysis %zu differs from the one-thread result\n", k, j);
    }
  std::printf("%d passed, %d failed\n", passed, failed);
  return failed == 0 ? 0 : 1;
}
