// The learned word segmenter: a B/I tag per token of a sentence (B: a word starts here), decoded by a
// SequenceModel over features of the tokens around (forms, shapes, the word list's words that start, end or
// span there, and the rules' segmentation). Trained on UD Vietnamese-VTB by `article-train words`; carried as
// a section of the model file (set_entity_model), which the shipped model does not have yet. Without it, the
// rules' segmentation stands.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "entity_features.h"
#include "pipeline.h"
#include "sequence_model.h"

namespace article::internal {

// The labels of the segmenter, in the order the trainer assigns them: "B-W", "I-W".
const std::vector<std::string>& word_labels();

// The registered segmenter, or nullptr: its labeller, and the word clusters its features read (those of the
// model file it came with). set_word_segmenter registers one (an empty labeller: none); it is called at
// start-up, like set_entity_model, never while documents are analysed.
struct WordSegmenter {
  SequenceModel labeller;
  const WordClusters* clusters = nullptr;
};
const WordSegmenter* word_segmenter();
void set_word_segmenter(SequenceModel labeller, const WordClusters* clusters);

// The segmenter's features of a document's tokens. `proposal` is the rules' segmentation (Words::word_length:
// the syllables of the word starting at each token, 0 inside a word), which the model reads.
class WordFeatureExtractor {
 public:
  // `clusters`: the entity model's word clusters (nullptr: none).
  WordFeatureExtractor(const Doc& doc, const std::vector<int>& proposal, const std::vector<std::uint32_t>& syllable_ids,
                       const WordClusters* clusters);
  // The features of tokens [b, e) of one sentence, one position per token.
  SequenceFeatures sentence(int b, int e) const;
  // The same features' weights in `model`, added to sums[(t - b) * SequenceModel::kMaxLabels + label], for
  // SequenceModel::decode_sums: the segmenter's decoding, without a list of ids per sentence.
  void add_weights(int b, int e, const SequenceModel& model, std::int32_t* sums) const;

 private:
  template <class Sink>
  void features(int b, int e, Sink& out) const;

  const Doc& doc_;
  const std::vector<int>& proposal_;
  const std::vector<std::uint32_t>& ids_;
  std::vector<std::uint32_t> form_;    // per token: hash of its lowercase form
  std::vector<std::uint8_t> shape_;    // per token: kind and case
  std::vector<std::uint16_t> coarse_;  // per token: its coarse cluster (0: none)
};

// Whether token t may continue the word of token t - 1: both are syllables or numbers, and nothing or one
// space stands between them.
bool may_join(const Doc& doc, int t);

// Rebuilds `words` (its word_length and words) from the segmenter's tags of each sentence, where two lowercase
// syllables meet; elsewhere the rules' segmentation (`words` on entry) stands.
void apply_word_segmenter(const Doc& doc, const std::vector<std::uint32_t>& syllable_ids,
                          const WordSegmenter& segmenter, Words& words);

}  // namespace article::internal
