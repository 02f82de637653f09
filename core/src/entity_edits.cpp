#include "entity_edits.h"

#include "entity_model.h"

namespace article::internal {

void merge_entities(EntityList& list, std::vector<Entity> found, std::vector<std::pair<int, int>> found_tokens,
                    int token_count) {
  if (found.empty()) return;
  std::vector<Entity>& entities = list.entities;
  std::vector<std::pair<int, int>>& tokens = list.tokens;
  // Entities are in text order and do not overlap, so one forward walk finds every overlap.
  std::vector<bool> removed(entities.size(), false), rejected(found.size(), false);
  std::size_t e = 0;
  for (std::size_t f = 0; f < found.size(); ++f) {
    const auto [b, end] = found_tokens[f];
    while (e < entities.size() && tokens[e].second <= b) ++e;
    for (std::size_t k = e; k < entities.size() && tokens[k].first < end; ++k) {
      const bool holds = tokens[k].first <= b && tokens[k].second >= end;
      if (holds && name_type_of(entities[k].type) != NameType::kNone) rejected[f] = true;
    }
    if (rejected[f]) continue;
    for (std::size_t k = e; k < entities.size() && tokens[k].first < end; ++k) removed[k] = true;
  }
  std::vector<Entity> merged;
  std::vector<std::pair<int, int>> merged_tokens;
  merged.reserve(entities.size() + found.size());
  merged_tokens.reserve(entities.size() + found.size());
  std::size_t f = 0;
  auto add_found_before = [&](int token) {
    for (; f < found.size() && found_tokens[f].first < token; ++f) {
      if (rejected[f]) continue;
      merged.push_back(std::move(found[f]));
      merged_tokens.push_back(found_tokens[f]);
    }
  };
  for (std::size_t k = 0; k < entities.size(); ++k) {
    if (removed[k]) continue;
    add_found_before(tokens[k].first);
    merged.push_back(std::move(entities[k]));
    merged_tokens.push_back(tokens[k]);
  }
  add_found_before(token_count + 1);
  entities = std::move(merged);
  tokens = std::move(merged_tokens);
}

}  // namespace article::internal
