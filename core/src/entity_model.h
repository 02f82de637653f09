// The loaded entity model (set_entity_model) and how its tags become entity spans.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "entity_features.h"
#include "sequence_model.h"

namespace article::internal {

// The model file: the entity labeller, followed by the word clusters its features read and, optionally, the
// word segmenter (a section "AAWS" + SequenceModel's format) and the English entity model (a section "AAEN",
// u32 length, then a model file of its own: labeller and clusters). One file, so that every surface that
// loads the model gets both languages.
struct EntityModel {
  SequenceModel labeller;
  WordClusters clusters;
  // The learned word segmenter (word_model.h), when the file holds one; set_entity_model registers it.
  SequenceModel segmenter;
  // The English model's file, when this one holds it; set_entity_model registers it.
  std::string english;
  // Per label of the labeller: the name type it tags and whether it begins a name (read once from "B-PER", …).
  std::vector<NameType> label_type;
  std::vector<bool> label_begins;
  std::uint64_t generation = 0;  // set_entity_model numbers the models it loads, from 1
  // The bytes of the file before its optional sections (the segmenter's, then the English model's), and of
  // the segmenter's section ("AAWS" included; 0: none): what `article-train bundle` keeps or replaces.
  std::size_t own_bytes = 0, segmenter_bytes = 0;
  // Parses the file (SequenceModel's format, then "AACL" u32 count and per word: u8 length, bytes, u16 coarse,
  // u16 fine); false if malformed.
  bool load(std::string_view bytes);
  static std::string serialize_clusters(const WordClusters& clusters);
};

// The registered model for a document's language (the English one for "en", else the Vietnamese one), or
// nullptr when none is loaded.
const EntityModel* entity_model(bool english = false);

// The BIO labels of the entity model, in the order the trainer assigns them.
const std::vector<std::string>& entity_labels();

// A name the model found: tokens [begin, end) and its type.
struct NameSpan {
  int begin = 0, end = 0;
  NameType type = NameType::kNone;
};

// This thread's memo of forms for the model (see FormMemo), emptied when the model changes or the memo grows
// past its bound; valid until the next call.
FormMemo& form_memo(const EntityModel& model);

// Tags a document's tokens with the model. A position's score is the sum of its features' weights; those
// that depend on one token's form alone (its own form, a neighbour's) are summed once per distinct form of
// the document and reused, since an article has a few hundred forms for a few thousand tokens, and only the
// contextual features are looked up per token. Integer sums make this decode exactly as
// model.labeller.decode(features.sentence(…)) does.
class EntityTagger {
 public:
  EntityTagger(const EntityModel& model, const EntityFeatureExtractor& features);
  // The names in tokens [begin, end) of one sentence, decoded a bounded window at a time.
  std::vector<NameSpan> sentence(int begin, int end) const;
  // The names in tokens [begin, end), decoded in one piece.
  std::vector<NameSpan> window(int begin, int end) const;

 private:
  const EntityModel& model_;
  const EntityFeatureExtractor& features_;
  // Per form role: kMaxLabels sums per form, then those of the sentence's edge.
  std::vector<std::int32_t> form_sums_[EntityFeatureExtractor::kFormRoles];
};

// The rules' entities as per-token tags (what entity_features reads).
RuleTags rule_tags(const EntityList& list, std::size_t token_count);

NameType name_type_of(EntityType entity_type);  // kNone for a date or figure
EntityType entity_type_of(NameType type);       // of a name's type (not kNone)

}  // namespace article::internal
