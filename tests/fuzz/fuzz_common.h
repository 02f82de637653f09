// Shared by the libFuzzer harnesses: the word list and the entity model are registered once, as the CLI and
// the JS package do, so that fuzzing reaches every stage.
#pragma once

#include <fstream>
#include <iterator>
#include <string>

#include "article/analyzer.h"

inline void load_analyzer_data() {
  auto read = [](const char* path) {
    std::ifstream file(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  };
  article::set_word_list(read(ARTICLE_WORDS_FILE));
  article::set_entity_model(read(ARTICLE_MODEL_FILE));
}

// What every result must satisfy, whatever the input: a JSON document, and spans inside the input.
inline void check_result(const article::Analysis& a, std::size_t input_bytes) {
  const std::string json = article::to_json(a);
  if (json.empty() || json.front() != '{') __builtin_trap();
  // UTF-16 offsets never exceed the number of input bytes (each code unit comes from at least one byte).
  for (const auto& s : a.sentences)
    if (s.span.start < 0 || s.span.end < s.span.start || static_cast<std::size_t>(s.span.end) > input_bytes)
      __builtin_trap();
  for (const auto& e : a.entities)
    if (e.span.start < 0 || e.span.end < e.span.start || static_cast<std::size_t>(e.span.end) > input_bytes)
      __builtin_trap();
}
