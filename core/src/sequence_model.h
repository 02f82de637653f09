// A linear-chain sequence labeller: hashed sparse features per position, one weight per (feature, label),
// label-to-label transition weights, exact Viterbi decoding. Trained by core/train (an averaged structured
// perceptron) and shipped as a data file (`article::set_entity_model`), so the model is data, not code.
//
// Labels are BIO tags ("O", "B-PER", "I-PER", …). A tag "I-X" may only follow "B-X" or "I-X"; decoding never
// produces an ill-formed sequence.
#pragma once

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

  // The file format (little-endian): "AASM" u32 version; u8 label count, each label as u8 length + bytes;
  // f32 scale; (n+1)·n i16 transitions; u32 feature count; per feature (keys ascending): varint key delta,
  // u8 mask of labels with a weight, i16 per set bit. A weight is its i16 times `scale`.
  static std::string serialize(const std::vector<std::string>& labels, const std::vector<float>& transitions,
                               const std::vector<std::pair<std::uint32_t, std::vector<float>>>& features);

 private:
  static constexpr int kMaxLabels = 7;
  // Open addressing with the key and its quantized weights side by side (one cache line per lookup, which is
  // what decoding spends its time on): key 0 = empty slot (key 0 itself is stored as 1).
  struct Slot {
    std::uint32_t key = 0;
    std::int16_t weight[kMaxLabels] = {};
  };
  const Slot* find(std::uint32_t key) const;

  std::vector<std::string> labels_;
  std::vector<float> transitions_;
  std::vector<bool> allowed_;
  std::vector<Slot> slots_;
  float scale_ = 1.0f;
  std::uint32_t mask_ = 0;
  std::size_t count_ = 0;
};

}  // namespace article::internal
