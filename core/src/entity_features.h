// The features the entity model (entity_model.cpp) reads at each token of a sentence, shared by the model at
// analysis time and by the trainer (core/train), so both see exactly the same thing.
//
// Per token: its form, lowercase form and shape, those of its neighbours (±2), neighbouring pairs, a suffix
// for long (foreign) words, spacing, word segmentation, its place in a run of capitalized words, gazetteer and
// trigger-word membership (data/gaz_*.tsv, titles, honorifics, organization heads, place levels, …, each
// as B/I of a phrase match and as "ends right before" / "starts right after"), person-name syllable
// statistics, the word cluster of the token and its neighbours (when clusters are loaded), and the tag the
// hand-written rules gave it (the rules' knowledge becomes evidence the model weighs).
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "pipeline.h"
#include "sequence_model.h"

namespace article::internal {

// Entity types the model tags, as BIO label suffixes.
enum class NameType : std::int8_t { kNone = 0, kPerson, kOrganization, kLocation };

// The rules' tag for every token of the document: type and whether the token begins the rule's entity.
struct RuleTags {
  std::vector<NameType> type;
  std::vector<bool> begins;
};

// Word clusters (core/train/clusters.cpp): a word as written → its coarse and fine cluster.
using WordClusters = std::unordered_map<std::string, std::pair<std::uint16_t, std::uint16_t>>;

// The features of every sentence of one document. Built once per document: token forms, shapes, clusters,
// gazetteer and trigger-word matches, and what the whole document says about each capitalized form (how it
// is used elsewhere: after a form of address, a title, a place level; inside a name the rules found, and of
// which type; written in lowercase). Names recur, and one clear use ("ông Dillon") tells how to read the
// others ("Dillon nói").
class EntityFeatureExtractor {
 public:
  EntityFeatureExtractor(const Doc& doc, const RuleTags& rules, const WordClusters& clusters);
  // Features of tokens [begin, end) (one sentence), one vector per token.
  SequenceFeatures sentence(int begin, int end) const;
  const Doc& doc() const { return doc_; }

 private:
  // Per token of a sentence: the hashes of its form, lowercase form, shape and 3-letter suffix (0: none), its
  // clusters (0xFFFF: none), name-syllable statistics and abbreviation kind (0: none).
  struct TokenHashes {
    std::vector<std::uint32_t> form, low, shape, suffix, coarse, fine, name_parts, abbreviation;
  };
  void token_hashes(int begin, int end, TokenHashes& hashes) const;

  // What a form as written contributes, computed once per distinct form of the document (a form recurs:
  // an article has a few hundred forms for a few thousand tokens).
  struct Form {
    std::string utf8;
    std::uint32_t form = 0, low = 0, shape = 0, suffix = 0, name_parts = 0, abbreviation = 0;
    std::uint16_t coarse = 0xFFFFu, fine = 0xFFFFu;
    bool starts_phrase = false;  // as written or in lowercase, the first token of a lexicon phrase
  };
  void index_forms();

  const Doc& doc_;
  const RuleTags& rules_;
  const WordClusters& clusters_;
  bool has_clusters_;
  std::vector<Form> forms_;
  std::vector<int> form_of_;                                    // per token: its index in forms_
  std::vector<std::uint32_t> starts_, inside_, ends_, single_;  // per token: phrase sources matched there
  std::vector<std::uint32_t> context_;                         // per token: document flags of its form
};

}  // namespace article::internal
