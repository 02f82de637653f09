// Edits to the entity list by the stages that read names after the entity stage (addresses, organizations
// through lowercase words, match results).
#pragma once

#include <utility>
#include <vector>

#include "pipeline.h"

namespace article::internal {

// Puts `found` (in text order, with their token ranges) among `list`'s entities, keeping text order. A found
// entity that an existing name holds whole is dropped (that name holds it: "phường 5" in "Công an phường 5");
// otherwise the entities it overlaps give way to it.
// `token_count`: the document's tokens.
void merge_entities(EntityList& list, std::vector<Entity> found, std::vector<std::pair<int, int>> found_tokens,
                    int token_count);

}  // namespace article::internal
