// The Catch2 runner. Before any test runs it registers the Vietnamese word list and the entity model, as the
// CLI and the JS package do at start-up, so native results match theirs (and the golden fixtures).
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

#include "article/analyzer.h"

int main(int argc, char* argv[]) {
  std::ifstream file(ARTICLE_WORDS_FILE, std::ios::binary);
  const std::string lines((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  if (!file || !article::set_word_list(lines)) {
    std::cerr << "article_tests: cannot load the word list " << ARTICLE_WORDS_FILE << "\n";
    return 1;
  }
  std::ifstream model_file(ARTICLE_MODEL_FILE, std::ios::binary);
  const std::string model((std::istreambuf_iterator<char>(model_file)), std::istreambuf_iterator<char>());
  if (!model_file || !article::set_entity_model(model)) {
    std::cerr << "article_tests: cannot load the entity model " << ARTICLE_MODEL_FILE << "\n";
    return 1;
  }
  return Catch::Session().run(argc, argv);
}
