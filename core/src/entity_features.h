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
#include "string_table.h"
#include "text.h"

namespace article::internal {

// Entity types the model tags, as BIO label suffixes.
enum class NameType : std::int8_t { kNone = 0, kPerson, kOrganization, kLocation };

// The rules' tag for every token of the document: type and whether the token begins the rule's entity.
struct RuleTags {
  std::vector<NameType> type;
  std::vector<bool> begins;
};

// Word clusters (core/train/clusters.cpp): a word as written → its coarse and fine cluster.
using WordClusters = StringTable<std::pair<std::uint16_t, std::uint16_t>>;

// What a form as written gives the entity model's features: it depends on the form's text (and the kind of
// token it is), the lexicons and the word clusters, and on nothing else in the document.
struct FormFacts {
  std::uint32_t form = 0, low = 0, shape = 0, suffix = 0, name_parts = 0, abbreviation = 0;
  std::uint16_t coarse = 0xFFFFu, fine = 0xFFFFu;
  bool starts_phrase = false;  // as written or in lowercase, the first token of a lexicon phrase
  bool lower_differs = false;  // the lowercase form is not the form as written
};

// Forms met in earlier documents, for the next document's extractor and tagger to reuse: a form's facts, and
// once a tagger has summed them, the weights of the features it gives in each role (which depend on the model
// alone). News reuses a few thousand syllables, so most forms of an article were met before.
// entity_model.cpp keeps one per thread for the loaded model, bounded and emptied when the model changes.
class FormMemo {
 public:
  static constexpr int kRoles = 5;  // EntityFeatureExtractor::kFormRoles
  struct Entry {
    FormFacts facts;
    bool summed = false;
    std::int32_t sums[kRoles][SequenceModel::kMaxLabels] = {};
  };
  // The entry of a form (its text as written, and whether it is a word), or -1.
  int find(std::u16string_view written, bool word) const {
    // Looked up without building the key: its hash continued over the flag and the code units' bytes.
    const char flag = word ? 'w' : '-';
    const std::string_view units = utf16_bytes(written);
    const std::uint64_t h = StringTable<int>::hash(units, StringTable<int>::hash(std::string_view(&flag, 1)));
    const int* at = index_.find_if(h, [&](std::string_view key) {
      return key.size() == units.size() + 1 && key[0] == flag && key.substr(1) == units;
    });
    return at ? *at : -1;
  }
  int add(std::u16string_view written, bool word, const FormFacts& facts) {
    const int at = static_cast<int>(entries_.size());
    index_.try_emplace(key(written, word), at);
    entries_.push_back(Entry{facts});
    return at;
  }
  Entry& operator[](int at) { return entries_[at]; }
  std::size_t size() const { return entries_.size(); }
  void clear() { index_ = {}, entries_.clear(); }

 private:
  // The key: whether it is a word, then the form's UTF-16 code units as bytes (no conversion to UTF-8).
  std::string_view key(std::u16string_view written, bool word) const {
    key_.assign(1, word ? 'w' : '-');
    key_ += utf16_bytes(written);
    return key_;
  }
  StringTable<int> index_;
  std::vector<Entry> entries_;
  mutable std::string key_;
};

// The features of every sentence of one document. Built once per document: token forms, shapes, clusters,
// gazetteer and trigger-word matches, and what the whole document says about each capitalized form (how it
// is used elsewhere: after a form of address, a title, a place level; inside a name the rules found, and of
// which type; written in lowercase). Names recur, and one clear use ("ông Dillon") tells how to read the
// others ("Dillon nói").
class EntityFeatureExtractor {
 public:
  // With a memo, forms it holds are not worked out again, and new ones are added to it. The memo must have
  // been filled with the same clusters.
  EntityFeatureExtractor(const Doc& doc, const RuleTags& rules, const WordClusters& clusters, FormMemo* memo = nullptr);
  // Features of tokens [begin, end) (one sentence), one vector per token: what the trainer learns from.
  SequenceFeatures sentence(int begin, int end) const;
  const Doc& doc() const { return doc_; }

  // A position's features split in two, for a scorer that sums each distinct form's weights once per
  // document (entity_model.cpp) rather than once per token:
  // - those that depend on one token's form alone, by where that token stands from the position (its own
  //   form, its neighbours' lowercase forms, shapes and clusters);
  // - the others (pairs of tokens, runs, lexicon matches, the rules' tags, document flags), summed per
  //   token by add_contextual_weights().
  // sentence() is, position by position, the union of both, so the two ways score alike.
  enum class FormRole { kSelf, kBefore, kAfter, kTwoBefore, kTwoAfter };
  static constexpr int kFormRoles = FormMemo::kRoles;
  int form_count() const { return static_cast<int>(forms_.size()); }
  int form_of(int token) const { return form_of_[token]; }
  // The memo given, and the entry of form k in it (-1: none).
  FormMemo* memo() const { return memo_; }
  int memo_entry(int k) const { return forms_[k].memo; }
  // Position k: the ids forms[k] gives in `role`; a form of -1 is the sentence's edge (before the first token
  // for kBefore and kTwoBefore, after the last for kAfter and kTwoAfter; nothing for kSelf).
  SequenceFeatures form_features(FormRole role, const std::vector<int>& forms) const;
  // Adds the model's weights of the features of tokens [begin, end) that depend on more than one token's
  // form to sums (kMaxLabels per position, from `begin`).
  void add_contextual_weights(int begin, int end, const SequenceModel& model, std::int32_t* sums) const;

 private:
  // Per token of a sentence: the hashes of its lowercase form and shape, and its coarse cluster (0xFFFF:
  // none): what the contextual features pair up.
  struct TokenHashes {
    std::vector<std::uint32_t> low, shape, coarse;
  };
  void token_hashes(int begin, int end, TokenHashes& hashes) const;
  template <class Sink>
  void features(int begin, int end, bool with_form_features, Sink& out) const;

  // What a form as written contributes, computed once per distinct form of the document (a form recurs:
  // an article has a few hundred forms for a few thousand tokens).
  struct Form : FormFacts {
    std::u16string_view written;  // as the document writes it
    std::string utf8;             // the same in UTF-8; for a form found in the memo, filled when first asked
    int memo = -1;                // its entry in memo_
  };
  const std::string& utf8_of(int form) {
    Form& f = forms_[form];
    if (f.utf8.empty()) f.utf8 = to_utf8(f.written);
    return f.utf8;
  }
  void index_forms();
  // The features form f (null: the sentence's edge) gives a position in `role`, each passed to add(id).
  template <class Add>
  void add_form_features(FormRole role, const Form* f, Add add) const;

  const Doc& doc_;
  const RuleTags& rules_;
  const WordClusters& clusters_;
  bool has_clusters_;
  FormMemo* memo_;
  std::vector<Form> forms_;
  std::vector<int> form_of_;                                    // per token: its index in forms_
  std::vector<std::uint32_t> starts_, inside_, ends_, single_;  // per token: phrase sources matched there
  std::vector<std::uint32_t> context_;                         // per token: document flags of its form
};

}  // namespace article::internal
