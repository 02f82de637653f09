// A linear-chain sequence labeller: hashed sparse features per position, one weight per (feature, label),
// label-to-label transition weights, exact Viterbi decoding. Trained by core/train (an averaged structured
// perceptron) and shipped as a data file (`article::set_entity_model`), so the model is data, not code.
//
// Labels are BIO tags ("O", "B-PER", "I-PER", …). A tag "I-X" may only follow "B-X" or "I-X"; decoding never
// produces an ill-formed sequence.
#pragma once

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace article::internal {

// Feature ids are 32-bit integers: FNV-1a of a template's name or of a value, combined by feature_mix. The
// entity features hash each token's strings once and mix integers from there; no feature string is built.
constexpr std::uint32_t feature_hash(std::string_view s, std::uint32_t h = 2166136261u) {
  for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  return h;
}
constexpr std::uint32_t feature_mix(std::uint32_t a, std::uint32_t b) {
  std::uint32_t h = a * 0x9E3779B1u ^ (b + 0x7F4A7C15u + (a << 6) + (a >> 2));
  h ^= h >> 16;
  h *= 0x85EBCA6Bu;
  h ^= h >> 13;
  h *= 0xC2B2AE35u;
  return h ^ (h >> 16);
}

// The features of each position of one sequence, stored flat (one array of ids, and where each position's
// ids end): a sentence's features are two allocations, not one per token.
class SequenceFeatures {
 public:
  // One position's feature ids, to iterate over.
  struct Position {
    const std::uint32_t* first;
    const std::uint32_t* last;
    const std::uint32_t* begin() const { return first; }
    const std::uint32_t* end() const { return last; }
    std::size_t size() const { return static_cast<std::size_t>(last - first); }
  };

  SequenceFeatures() = default;
  // {{ids of position 0}, {ids of position 1}, …}
  SequenceFeatures(std::initializer_list<std::initializer_list<std::uint32_t>> positions) {
    for (const auto& position : positions) add_position(position);
  }

  std::size_t size() const { return ends_.size(); }
  bool empty() const { return ends_.empty(); }
  Position operator[](std::size_t i) const {
    return {ids_.data() + (i == 0 ? 0 : ends_[i - 1]), ids_.data() + ends_[i]};
  }

  void reserve(std::size_t positions, std::size_t ids) { ends_.reserve(positions), ids_.reserve(ids); }
  void add(std::uint32_t id) { ids_.push_back(id); }  // to the position being built
  void end_position() { ends_.push_back(static_cast<std::uint32_t>(ids_.size())); }
  void add_position(std::initializer_list<std::uint32_t> ids) {
    ids_.insert(ids_.end(), ids.begin(), ids.end());
    end_position();
  }

  // Drops every id for which keep(id) is false, keeping the others in order.
  template <class Keep>
  void keep_if(Keep keep) {
    std::size_t out = 0, from = 0;
    for (std::uint32_t& end : ends_) {
      for (std::size_t k = from; k < end; ++k)
        if (keep(ids_[k])) ids_[out++] = ids_[k];
      from = end;
      end = static_cast<std::uint32_t>(out);
    }
    ids_.resize(out);
  }

 private:
  std::vector<std::uint32_t> ids_;
  std::vector<std::uint32_t> ends_;
};

// Which label may follow which, from the BIO tag names: allowed[prev * n + next]; row n is the start state.
std::vector<bool> bio_transitions(const std::vector<std::string>& labels);

// Best label sequence for emission scores emit[i * n + label] and transitions trans[(prev) * n + next] (row n:
// start). Disallowed transitions are never taken.
std::vector<int> viterbi(const std::vector<float>& emit, int length, int n, const std::vector<float>& trans,
                         const std::vector<bool>& allowed);

class SequenceModel {
 public:
  // Parses the binary model format written by serialize(); false (and an empty model) if malformed. With
  // `consumed`, the model may be followed by other sections and their start is returned there.
  bool load(std::string_view bytes, std::size_t* consumed = nullptr);
  bool empty() const { return labels_.empty(); }
  const std::vector<std::string>& labels() const { return labels_; }
  int label_index(std::string_view name) const;
  std::vector<int> decode(const SequenceFeatures& features) const;
  std::size_t feature_count() const { return count_; }

  // Decoding in two steps, for a caller that sums some features' weights once and reuses the sums:
  // add_weights adds the weights of `count` features, in the model's integer units, to sum[0 .. kMaxLabels);
  // decode_sums decodes positions whose summed weights are sums[i * kMaxLabels + label]. Integer sums do not
  // depend on the order of addition, so any grouping decodes exactly as decode() does.
  static constexpr int kMaxLabels = 7;
  // The table is larger than the caches, and a lookup that waits for its slot before the next one starts
  // pays the full memory latency each time: every feature's first slot is read before any comparison is
  // made, so that the reads overlap. (Natively this does as well as prefetching a position ahead, and
  // WebAssembly has no prefetch instruction.)
  void add_weights(const std::uint32_t* features, std::size_t count, std::int32_t* sum) const {
    if (slots_.empty()) return;
    constexpr std::size_t kBatch = 32;
    std::uint32_t keys[kBatch], found[kBatch];
    std::uint32_t slots[kBatch];
    // Summed in locals, which the compiler keeps in registers (it cannot for sum[], which might alias the
    // weights), and added to sum once.
    std::int32_t s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0;
    static_assert(kMaxLabels == 7, "one local per label");
    for (std::size_t from = 0; from < count; from += kBatch) {
      const std::size_t m = std::min(kBatch, count - from);
      for (std::size_t j = 0; j < m; ++j) {
        keys[j] = stored_key(features[from + j]);
        slots[j] = slot_of(keys[j]) & mask_;
        found[j] = slots_[slots[j]].key;
      }
      for (std::size_t j = 0; j < m; ++j) {
        const Slot* slot = nullptr;
        if (found[j] == keys[j])
          slot = &slots_[slots[j]];
        else if (found[j] != 0)
          slot = find_after(keys[j], slots[j]);
        if (slot) {
          const std::int16_t* w = slot->weight;
          s0 += w[0], s1 += w[1], s2 += w[2], s3 += w[3], s4 += w[4], s5 += w[5], s6 += w[6];
        }
      }
    }
    sum[0] += s0, sum[1] += s1, sum[2] += s2, sum[3] += s3, sum[4] += s4, sum[5] += s5, sum[6] += s6;
  }
  std::vector<int> decode_sums(const std::vector<std::int32_t>& sums, int length) const;

  // A feature extractor's sink that adds each position's weights to sums (kMaxLabels per position) as its
  // features come, in batches: no list of ids per sentence. add(id) for each feature, end_position() after
  // each position's; decode_sums then decodes exactly as decode() would have decoded the features.
  class Sums {
   public:
    Sums(const SequenceModel& model, std::int32_t* sums) : model_(model), sums_(sums) {}
    void add(std::uint32_t id) {
      if (count_ == kIds) model_.add_weights(ids_, count_, sums_), count_ = 0;
      ids_[count_++] = id;
    }
    void end_position() {
      model_.add_weights(ids_, count_, sums_);
      count_ = 0;
      sums_ += kMaxLabels;
    }

   private:
    static constexpr std::size_t kIds = 64;
    const SequenceModel& model_;
    std::int32_t* sums_;
    std::uint32_t ids_[kIds];
    std::size_t count_ = 0;
  };

  // The file format (little-endian): "AASM" u32 version; u8 label count, each label as u8 length + bytes;
  // f32 scale; (n+1)·n i16 transitions; u32 feature count; per feature (keys ascending): varint key delta,
  // u8 mask of labels with a weight, i16 per set bit. A weight is its i16 times `scale`.
  static std::string serialize(const std::vector<std::string>& labels, const std::vector<float>& transitions,
                               const std::vector<std::pair<std::uint32_t, std::vector<float>>>& features);

 private:
  // Open addressing with the key and its quantized weights side by side (one cache line per lookup, which is
  // what decoding spends its time on): key 0 = empty slot (key 0 itself is stored as 1).
  struct Slot {
    std::uint32_t key = 0;
    std::int16_t weight[kMaxLabels] = {};
  };
  static std::uint32_t stored_key(std::uint32_t key) { return key == 0 ? 1 : key; }
  static std::uint32_t slot_of(std::uint32_t key) { return key * 2654435761u; }
  // The lookup of a stored key whose home slot holds another key.
  const Slot* find_after(std::uint32_t key, std::uint32_t home) const {
    for (std::uint32_t slot = (home + 1) & mask_;; slot = (slot + 1) & mask_) {
      if (slots_[slot].key == key) return &slots_[slot];
      if (slots_[slot].key == 0) return nullptr;
    }
  }

  std::vector<std::string> labels_;
  std::vector<float> transitions_;
  std::vector<float> costs_;  // transitions_, -infinity where BIO forbids one (bio_transitions)
  std::vector<Slot> slots_;
  float scale_ = 1.0f;
  std::uint32_t mask_ = 0;
  std::size_t count_ = 0;
};

}  // namespace article::internal
