// Stage 17, read_user_names: the user's typed words (Options::words with a type) are entities of that type,
// in place of the names they overlap (segment_words found where they occur).
#include "entity_edits.h"
#include "pipeline.h"

namespace article::internal {

EntityList read_user_names(const Doc& doc, EntityList list) {
  std::vector<Entity> found;
  std::vector<std::pair<int, int>> found_tokens;
  for (const UserWordMatch& m : doc.user_words) {
    const UserWord& w = doc.options.words[m.word];
    const std::optional<EntityType> type = entity_type_from_json_name(w.type);
    if (!type) continue;  // a word only (check_options dropped the words of other types)
    Entity e;
    e.type = *type;
    e.span = doc.span(doc.tokens[m.begin].span.start, doc.tokens[m.end - 1].span.end);
    e.value.canonical = to_utf8(doc.slice(e.span));
    e.sentence = doc.tokens[m.begin].sentence;
    found.push_back(std::move(e));
    found_tokens.push_back({m.begin, m.end});
  }
  merge_entities(list, std::move(found), std::move(found_tokens), static_cast<int>(doc.tokens.size()));
  return list;
}

}  // namespace article::internal
