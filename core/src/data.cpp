#include "data.h"

#include <algorithm>
#include <map>
#include <mutex>
#include <utility>

#include "text.h"

namespace article::internal {

// Generated at build time from core/data/* (see core/cmake/embed_data.cmake).
struct EmbeddedFile {
  const char* name;
  const char* bytes;
  std::size_t size;
};
extern const EmbeddedFile kEmbeddedFiles[];
extern const std::size_t kEmbeddedFileCount;

static_assert(kDataFileCount > 0, "core/data holds the data files");

std::string_view data_file(DataFile file) {
  const EmbeddedFile& embedded = kEmbeddedFiles[file.index];
  return {embedded.bytes, embedded.size};
}

std::vector<std::vector<std::string>> data_rows(DataFile file) {
  std::vector<std::vector<std::string>> rows;
  for_each_data_row(
      file, [&rows](const std::vector<std::string_view>& fields) { rows.emplace_back(fields.begin(), fields.end()); });
  return rows;
}

namespace {
// The tables below are filled on first use; analyses may run on several threads at once, so filling and
// finding are serialized (entries are never removed and std::map nodes never move: a reference handed out
// stays valid).
std::mutex& tables_mutex() {
  static std::mutex m;
  return m;
}

std::string key_of(const std::string& s, bool lowercase) { return lowercase ? lower_utf8(decode_utf8_lossy(s)) : s; }
}  // namespace

const WordSet& data_set(DataFile file, bool lowercase) {
  const std::lock_guard<std::mutex> lock(tables_mutex());
  static std::map<std::pair<std::size_t, bool>, WordSet> cache;
  auto [it, inserted] = cache.try_emplace({file.index, lowercase});
  if (inserted) {
    WordSet& set = it->second;
    for_each_data_key(file, [&](std::string_view key) { set.insert(key_of(std::string(key), lowercase)); });
  }
  return it->second;
}

const std::unordered_map<std::string, std::string>& data_map(DataFile file, bool lowercase) {
  const std::lock_guard<std::mutex> lock(tables_mutex());
  static std::map<std::pair<std::size_t, bool>, std::unordered_map<std::string, std::string>> cache;
  auto [it, inserted] = cache.try_emplace({file.index, lowercase});
  if (inserted)
    for_each_data_row(file, [&map = it->second, lowercase](const std::vector<std::string_view>& row) {
      map.emplace(key_of(std::string(row[0]), lowercase), row.size() > 1 ? row[1] : std::string_view());
    });
  return it->second;
}

int max_syllables(DataFile file) {
  const std::lock_guard<std::mutex> lock(tables_mutex());
  static std::map<std::size_t, int> cache;
  auto [it, inserted] = cache.try_emplace(file.index, 0);
  if (inserted)
    for_each_data_key(file, [&longest = it->second](std::string_view key) {
      longest = std::max(longest, 1 + static_cast<int>(std::count(key.begin(), key.end(), ' ')));
    });
  return it->second;
}

}  // namespace article::internal
