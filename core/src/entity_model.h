// The loaded entity model (set_entity_model) and how its tags become entity spans.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "entity_features.h"
#include "sequence_model.h"

namespace article::internal {

// The entity model file: the labeller, followed by the word clusters its features read.
struct EntityModel {
  SequenceModel labeller;
  WordClusters clusters;
  // Per label of the labeller: the name type it tags and whether it begins a name (read once from "B-PER", …).
  std::vector<NameType> label_type;
  std::vector<bool> label_begins;
  // Parses the file (SequenceModel's format, then "AACL" u32 count and per word: u8 length, bytes, u16 coarse,
  // u16 fine); false if malformed.
  bool load(std::string_view bytes);
  static std::string serialize_clusters(const WordClusters& clusters);
};

// The registered model, or nullptr when none is loaded.
const EntityModel* entity_model();

// The BIO labels of the entity model, in the order the trainer assigns them.
const std::vector<std::string>& entity_labels();

// A name the model found: tokens [begin, end) and its type.
struct NameSpan {
  int begin = 0, end = 0;
  NameType type = NameType::kNone;
};

// Decodes tokens [begin, end) of one sentence with the model, a bounded window at a time (entity_model.cpp).
std::vector<NameSpan> tag_names(const EntityModel& model, const EntityFeatureExtractor& features, int begin, int end);
// Decodes tokens [begin, end) in one piece.
std::vector<NameSpan> tag_window(const EntityModel& model, const EntityFeatureExtractor& features, int begin, int end);

// The rules' entities as per-token tags (what entity_features reads).
RuleTags rule_tags(const Doc& doc);

NameType name_type_of(const std::string& entity_type);
const char* entity_type_of(NameType type);

}  // namespace article::internal
