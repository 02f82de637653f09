// Access to the linguistic data files in core/data, which the build embeds into the library
// (core/cmake/embed_data.cmake generates the table, and embedded_data.h, which names each file:
// data::surnames_txt). A file is asked for by that name, never by a string, so a missing or renamed file fails
// the build. Each loader parses its file once (under a lock) and keeps it; analyses on several threads share
// the tables.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "embedded_data.h"
#include "string_table.h"

namespace article::internal {

// The raw bytes of an embedded data file.
std::string_view data_file(DataFile file);

// Calls f(line) for each line of `text` that is neither empty nor a `#` comment (a trailing CR removed).
template <typename F>
void for_each_data_line(std::string_view text, F f) {
  while (!text.empty()) {
    const std::size_t eol = text.find('\n');
    std::string_view line = text.substr(0, eol);
    text = eol == std::string_view::npos ? std::string_view() : text.substr(eol + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!line.empty() && line.front() != '#') f(line);
  }
}

// Non-comment, non-empty lines of a data file, split on tabs.
std::vector<std::vector<std::string>> data_rows(DataFile file);

// Calls f(fields) for each line of a data file, with its tab-separated fields as views into the embedded bytes:
// data_rows without building a string per field, for the tables built at start-up (in the browser too).
template <typename F>
void for_each_data_row(DataFile file, F f) {
  std::vector<std::string_view> fields;
  for_each_data_line(data_file(file), [&](std::string_view line) {
    fields.clear();
    for (std::size_t start = 0;;) {
      const std::size_t tab = line.find('\t', start);
      fields.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    f(static_cast<const std::vector<std::string_view>&>(fields));
  });
}

// Calls f(key) with the first field (the text before the first tab) of each line of a data file: for the
// tables that read nothing else, without building the rows (start-up, in the browser too).
template <typename F>
void for_each_data_key(DataFile file, F f) {
  for_each_data_line(data_file(file), [&f](std::string_view line) { f(line.substr(0, line.find('\t'))); });
}

// A set of words: looked up by string_view in a flat table (a lookup hashes the bytes once and probes
// contiguous slots, where std::unordered_set chased a node and hashed a std::string it might first have to
// build), and iterated in the order the words were added.
class WordSet {
 public:
  bool contains(std::string_view word) const { return table_.contains(word); }
  std::size_t count(std::string_view word) const { return contains(word) ? 1 : 0; }
  std::size_t size() const { return words_.size(); }
  bool empty() const { return words_.empty(); }
  std::vector<std::string>::const_iterator begin() const { return words_.begin(); }
  std::vector<std::string>::const_iterator end() const { return words_.end(); }
  void insert(std::string word) {
    if (table_.try_emplace(word).second) words_.push_back(std::move(word));
  }

 private:
  StringTable<char> table_;
  std::vector<std::string> words_;
};

// A set of the first column, in the file's order. With `lowercase`, keys are lowercased (Vietnamese rules).
const WordSet& data_set(DataFile file, bool lowercase = false);

// A map from the first column to the second (lowercased keys when `lowercase`).
const std::unordered_map<std::string, std::string>& data_map(DataFile file, bool lowercase = false);

// The longest entry, in space-separated syllables, of a data_set/data_map file.
int max_syllables(DataFile file);

}  // namespace article::internal
