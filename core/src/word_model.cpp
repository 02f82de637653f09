#include "word_model.h"

#include <algorithm>

#include "words.h"

namespace article::internal {

namespace {
WordSegmenter& segmenter_slot() {
  static WordSegmenter segmenter;
  return segmenter;
}

#define TEMPLATE(name) (std::integral_constant<std::uint32_t, feature_hash(name)>::value)

// Shape of a token: its kind, and for a syllable its case (lower, capitalized, all capitals).
std::uint8_t shape_of(const TokenInfo& info) {
  if (info.is_number) return 1;
  if (info.is_punct) return 2;
  if (info.is_symbol) return 3;
  return info.all_upper ? 6 : info.upper_start ? 5 : 4;
}
}  // namespace

const std::vector<std::string>& word_labels() {
  static const std::vector<std::string> labels{"B-W", "I-W"};
  return labels;
}

const WordSegmenter* word_segmenter() { return segmenter_slot().labeller.empty() ? nullptr : &segmenter_slot(); }
void set_word_segmenter(SequenceModel labeller, const WordClusters* clusters) {
  segmenter_slot() = {std::move(labeller), clusters};
}

bool may_join(const Doc& doc, int t) {
  if (t <= 0) return false;
  const TokenInfo &a = doc.info[t - 1], &b = doc.info[t];
  if (!(a.is_word || a.is_number) || !(b.is_word || b.is_number)) return false;
  const std::int64_t gap = doc.tokens[t].span.start - doc.tokens[t - 1].span.end;
  return gap == 0 || (gap == 1 && doc.text.norm[doc.tokens[t - 1].span.end] == ' ');
}

WordFeatureExtractor::WordFeatureExtractor(const Doc& doc, const std::vector<int>& proposal,
                                           const std::vector<std::uint32_t>& syllable_ids, const WordClusters* clusters)
    : doc_(doc), proposal_(proposal), ids_(syllable_ids) {
  coarse_.assign(doc.tokens.size(), 0);
  const bool clustered = clusters && clusters->size() > 0;
  // Forms are hashed, and their clusters looked up, once per distinct lowercase form of the document (the
  // clusters are keyed by the written form; the lowercase one's stands for every way of writing it).
  std::vector<std::uint32_t> by_form(doc.lower_forms.size(), 0);
  std::vector<std::uint16_t> cluster_by_form(doc.lower_forms.size(), 0);
  std::vector<bool> hashed(doc.lower_forms.size(), false);
  form_.resize(doc.tokens.size());
  shape_.resize(doc.tokens.size());
  for (std::size_t t = 0; t < doc.tokens.size(); ++t) {
    const TokenInfo& info = doc.info[t];
    shape_[t] = shape_of(info);
    // Numbers share one form: which number it is says nothing of where words end.
    if (info.is_number) {
      form_[t] = TEMPLATE("<num>");
      continue;
    }
    if (info.form < 0) {
      form_[t] = feature_hash(info.lower());
      continue;
    }
    if (!hashed[info.form]) {
      hashed[info.form] = true;
      by_form[info.form] = feature_hash(info.lower());
      if (clustered && info.is_word) {
        if (const auto* c = clusters->find(info.lower())) cluster_by_form[info.form] = c->first;
      }
    }
    form_[t] = by_form[info.form];
    coarse_[t] = cluster_by_form[info.form];
  }
}

SequenceFeatures WordFeatureExtractor::sentence(int b, int e) const {
  SequenceFeatures out;
  const int n = std::max(0, e - b);
  out.reserve(static_cast<std::size_t>(n), static_cast<std::size_t>(n) * 32);
  features(b, e, out);
  return out;
}

void WordFeatureExtractor::add_weights(int b, int e, const SequenceModel& model, std::int32_t* sums) const {
  SequenceModel::Sums sink(model, sums);
  features(b, e, sink);
}

template <class Sink>
void WordFeatureExtractor::features(int b, int e, Sink& out) const {
  // Kept per thread between calls: a document asks for a few hundred sentences.
  static thread_local LexiconMatches lexicon;
  lexicon_matches(doc_, ids_, b, e, lexicon);
  constexpr std::uint32_t kEdge = TEMPLATE("<edge>");
  auto form = [&](int t) { return t < b || t >= e ? kEdge : form_[t]; };
  auto shape = [&](int t) -> std::uint32_t { return t < b || t >= e ? 0 : shape_[t]; };
  // The rules' segmentation: does a word start at t (1), continue there (0)?
  auto rule_starts = [&](int t) -> std::uint32_t {
    if (t < b || t >= e) return 2;
    return proposal_[t] != 0 ? 1 : 0;
  };
  auto starting = [&](int t) -> std::uint32_t { return t < b || t >= e ? 0 : lexicon.starting[t - b]; };
  auto ending = [&](int t) -> std::uint32_t { return t < b || t >= e ? 0 : lexicon.ending[t - b]; };
  for (int t = b; t < e; ++t) {
    auto add = [&](std::uint32_t id) { out.add(id); };
    auto one = [&](std::uint32_t tmpl, std::uint32_t v) { add(feature_mix(tmpl, v)); };
    auto two = [&](std::uint32_t tmpl, std::uint32_t v, std::uint32_t w) { add(feature_mix(feature_mix(tmpl, v), w)); };
    auto three = [&](std::uint32_t tmpl, std::uint32_t u, std::uint32_t v, std::uint32_t w) {
      add(feature_mix(feature_mix(feature_mix(tmpl, u), v), w));
    };
    const std::uint32_t join = may_join(doc_, t) ? 1 : 0;
    const std::uint32_t spanning = lexicon.spanning[t - b];
    add(TEMPLATE("bias"));
    one(TEMPLATE("join"), join);
    if (!join) {
      // Nothing else decides a position that cannot continue a word.
      out.end_position();
      continue;
    }
    one(TEMPLATE("w0"), form(t));
    one(TEMPLATE("w-1"), form(t - 1));
    one(TEMPLATE("w+1"), form(t + 1));
    two(TEMPLATE("w-1w0"), form(t - 1), form(t));
    two(TEMPLATE("w0w+1"), form(t), form(t + 1));
    two(TEMPLATE("s-1s0"), shape(t - 1), shape(t));
    two(TEMPLATE("s0w-1"), shape(t), form(t - 1));
    two(TEMPLATE("s-1w0"), shape(t - 1), form(t));
    // The word list: words that span the boundary before t, end at t - 1, start at t.
    one(TEMPLATE("span"), std::min<std::uint32_t>(spanning, 4));
    three(TEMPLATE("end-1start0span"), std::min<std::uint32_t>(ending(t - 1), 4),
          std::min<std::uint32_t>(starting(t), 4), std::min<std::uint32_t>(spanning, 4));
    two(TEMPLATE("spanw0"), spanning > 0, form(t));
    two(TEMPLATE("spansrc"), lexicon.spanning_sources[t - b], std::min<std::uint32_t>(spanning, 4));
    // Word clusters of the syllables around: which kinds of syllable go together.
    auto coarse = [&](int k) -> std::uint32_t { return k < b || k >= e ? 0xFFFF : coarse_[k]; };
    two(TEMPLATE("c-1c0"), coarse(t - 1), coarse(t));
    two(TEMPLATE("c0w-1"), coarse(t), form(t - 1));
    two(TEMPLATE("c-1w0"), coarse(t - 1), form(t));
    // The rules' segmentation, alone and with the case of the tokens around.
    one(TEMPLATE("rule"), rule_starts(t));
    two(TEMPLATE("rule0rule+1"), rule_starts(t), rule_starts(t + 1));
    three(TEMPLATE("rules-1s0"), rule_starts(t), shape(t - 1), shape(t));
    out.end_position();
  }
}

void apply_word_segmenter(const Doc& doc, const std::vector<std::uint32_t>& syllable_ids,
                          const WordSegmenter& segmenter, Words& proposed) {
  const SequenceModel& model = segmenter.labeller;
  const WordFeatureExtractor features(doc, proposed.word_length, syllable_ids, segmenter.clusters);
  const int begins = model.label_index("B-W");
  std::vector<int> lengths(doc.tokens.size(), 1);
  std::vector<Word> words;
  words.reserve(proposed.words.size());
  std::vector<std::int32_t> sums;  // the weights of a sentence's features, per token and label
  for (std::size_t s = 0; s < doc.out.sentences.size(); ++s) {
    const int b = doc.sentence_token_begin(static_cast<int>(s)), e = doc.sentence_token_end(static_cast<int>(s));
    if (e <= b) continue;
    sums.assign(static_cast<std::size_t>(e - b) * SequenceModel::kMaxLabels, 0);
    features.add_weights(b, e, model, sums.data());
    const std::vector<int> tags = model.decode_sums(sums, e - b);
    for (int t = b; t < e;) {
      if (!doc.info[t].is_word && !doc.info[t].is_number) {
        ++t;
        continue;
      }
      int end = t + 1;
      // The segmenter decides between two lowercase syllables; names (capitalized runs) and numbers with
      // their multipliers ("10 triệu") stay as the rules make them, which the name and figure stages read
      // (letting the model decide those too broke the sample's places, figures and quotes).
      auto joins = [&](int k) {
        const TokenInfo &before = doc.info[k - 1], &here = doc.info[k];
        if (before.is_word && here.is_word && !before.upper_start && !here.upper_start) return tags[k - b] != begins;
        return proposed.word_length[k] == 0;
      };
      while (end < e && may_join(doc, end) && joins(end)) ++end;
      bool proper = end - t >= 2;
      for (int k = t; k < end && proper; ++k) proper = doc.info[k].is_word && doc.info[k].upper_start;
      lengths[t] = end - t;
      for (int k = t + 1; k < end; ++k) lengths[k] = 0;
      words.push_back({doc.span(doc.tokens[t].span.start, doc.tokens[end - 1].span.end), end - t, proper});
      t = end;
    }
  }
  proposed.word_length = std::move(lengths);
  proposed.words = std::move(words);
}

}  // namespace article::internal
