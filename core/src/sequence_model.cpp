#include "sequence_model.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace article::internal {

namespace {

class Reader {
 public:
  explicit Reader(std::string_view b) : b_(b) {}
  bool ok() const { return ok_; }
  bool done() const { return pos_ == b_.size(); }
  std::size_t position() const { return pos_; }
  template <typename T>
  T fixed() {
    T v{};
    if (pos_ + sizeof(T) > b_.size()) {
      ok_ = false;
      return v;
    }
    std::memcpy(&v, b_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return v;
  }
  std::uint32_t varint() {
    std::uint32_t v = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      const auto byte = fixed<std::uint8_t>();
      if (!ok_) return 0;
      v |= static_cast<std::uint32_t>(byte & 0x7f) << shift;
      if (!(byte & 0x80)) return v;
    }
    ok_ = false;
    return 0;
  }
  std::string_view bytes(std::size_t n) {
    if (pos_ + n > b_.size()) {
      ok_ = false;
      return {};
    }
    std::string_view s = b_.substr(pos_, n);
    pos_ += n;
    return s;
  }

 private:
  std::string_view b_;
  std::size_t pos_ = 0;
  bool ok_ = true;
};

template <typename T>
void put(std::string& out, T v) {
  char bytes[sizeof(T)];
  std::memcpy(bytes, &v, sizeof(T));
  out.append(bytes, sizeof(T));
}

void put_varint(std::string& out, std::uint32_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}

}  // namespace

std::vector<bool> bio_transitions(const std::vector<std::string>& labels) {
  const int n = static_cast<int>(labels.size());
  std::vector<bool> allowed((n + 1) * n, true);
  for (int next = 0; next < n; ++next) {
    const std::string& to = labels[next];
    if (to.size() < 2 || to.compare(0, 2, "I-") != 0) continue;
    const std::string type = to.substr(2);
    for (int prev = 0; prev <= n; ++prev) {
      const bool ok = prev < n && labels[prev].size() > 2 && labels[prev].substr(2) == type &&
                      (labels[prev][0] == 'B' || labels[prev][0] == 'I');
      allowed[prev * n + next] = ok;
    }
  }
  return allowed;
}

namespace {
// The best path over `length` positions and n labels, from cost[prev * n + next] (row n: the start;
// -infinity where the transition is not allowed) and emit(i, label). A disallowed transition costs
// -infinity, so the inner loop needs no test: a sum with -infinity never beats the best so far, which starts
// at -infinity (ties keep the first predecessor, as a test would). Labels number at most 255 (the file
// stores their count in a byte), so a back pointer is a byte.
//
// N > 0: the label count known when compiling (n == N), so that the loops over labels unroll and the scores
// stay in registers; N == 0: any n.
template <int N, class Emit>
std::vector<int> best_path_of(int length, int n_given, const float* cost, Emit emit) {
  const int n = N > 0 ? N : n_given;
  std::vector<int> path(length, 0);
  if (length == 0 || n == 0) return path;
  constexpr float kNone = -std::numeric_limits<float>::infinity();
  // Reused from call to call (a document decodes a few hundred sentences).
  static thread_local std::vector<std::uint8_t> back;
  static thread_local std::vector<float> score_any, best_any;
  static thread_local std::vector<std::int32_t> arg_any;
  constexpr int kLocal = N > 0 ? N : 1;
  float score_local[kLocal], best_local[kLocal];
  std::int32_t arg_local[kLocal];
  float *score = score_local, *best = best_local;
  std::int32_t* arg = arg_local;
  if (N == 0) {
    score_any.assign(n, 0.0f), best_any.assign(n, 0.0f), arg_any.assign(n, 0);
    score = score_any.data(), best = best_any.data(), arg = arg_any.data();
  }
  back.assign(static_cast<std::size_t>(length) * n, 0);
  for (int y = 0; y < n; ++y) score[y] = cost[n * n + y] + emit(0, y);
  for (int i = 1; i < length; ++i) {
    // For every label y at once, the best previous label p: p in the outer loop, so that each step reads a
    // row of the costs in order (17 % fewer instructions than a loop over p for each y, which strides down a
    // column); p rising with a strict comparison keeps the first best p, as that loop did.
    for (int y = 0; y < n; ++y) best[y] = kNone, arg[y] = 0;
    for (int p = 0; p < n; ++p) {
      const float from = score[p];
      const float* row = cost + p * n;
      for (int y = 0; y < n; ++y) {
        const float s = from + row[y];
        const bool better = s > best[y];
        best[y] = better ? s : best[y];
        arg[y] = better ? p : arg[y];
      }
    }
    std::uint8_t* b = &back[static_cast<std::size_t>(i) * n];
    for (int y = 0; y < n; ++y) {
      score[y] = best[y] + emit(i, y);
      b[y] = static_cast<std::uint8_t>(arg[y]);
    }
  }
  int y = static_cast<int>(std::max_element(score, score + n) - score);
  for (int i = length - 1; i >= 0; --i) {
    path[i] = y;
    y = back[static_cast<std::size_t>(i) * n + y];
  }
  return path;
}

// The entity models' seven labels (O and B/I of three types) and the segmenter's two get loops of their own.
template <class Emit>
std::vector<int> best_path(int length, int n, const float* cost, Emit emit) {
  if (n == 7) return best_path_of<7>(length, n, cost, emit);
  if (n == 2) return best_path_of<2>(length, n, cost, emit);
  return best_path_of<0>(length, n, cost, emit);
}

// Transition costs with -infinity where `allowed` forbids the transition.
std::vector<float> masked_costs(const std::vector<float>& trans, const std::vector<bool>& allowed) {
  std::vector<float> cost(trans.size());
  for (std::size_t k = 0; k < trans.size(); ++k) cost[k] = allowed[k] ? trans[k] : -std::numeric_limits<float>::infinity();
  return cost;
}
}  // namespace

std::vector<int> viterbi(const std::vector<float>& emit, int length, int n, const std::vector<float>& trans,
                         const std::vector<bool>& allowed) {
  const std::vector<float> cost = masked_costs(trans, allowed);
  return best_path(length, n, cost.data(), [&](int i, int y) { return emit[static_cast<std::size_t>(i) * n + y]; });
}

bool SequenceModel::load(std::string_view bytes, std::size_t* consumed) {
  *this = SequenceModel();
  Reader r(bytes);
  if (r.bytes(4) != "AASM" || r.fixed<std::uint32_t>() != 1) return false;
  const int n = r.fixed<std::uint8_t>();
  std::vector<std::string> labels;
  for (int i = 0; i < n && r.ok(); ++i) labels.emplace_back(r.bytes(r.fixed<std::uint8_t>()));
  const float scale = r.fixed<float>();
  std::vector<float> transitions((n + 1) * n);
  for (float& t : transitions) t = r.fixed<std::int16_t>() * scale;
  const std::uint32_t count = r.fixed<std::uint32_t>();
  if (!r.ok() || n == 0 || n > kMaxLabels || count > (1u << 26)) return false;
  std::uint32_t size = 1;
  while (size < count + count / 2 + 2) size <<= 1;
  slots_.assign(size, Slot());
  mask_ = size - 1;
  std::uint32_t key = 0;
  for (std::uint32_t f = 0; f < count && r.ok(); ++f) {
    key += r.varint();
    const auto present = r.fixed<std::uint8_t>();
    std::uint32_t slot = slot_of(stored_key(key)) & mask_;
    while (slots_[slot].key != 0) slot = (slot + 1) & mask_;
    slots_[slot].key = stored_key(key);
    for (int y = 0; y < n; ++y)
      if (present & (1u << y)) slots_[slot].weight[y] = r.fixed<std::int16_t>();
  }
  if (!r.ok() || (!consumed && !r.done())) {
    *this = SequenceModel();
    return false;
  }
  labels_ = std::move(labels);
  transitions_ = std::move(transitions);
  costs_ = masked_costs(transitions_, bio_transitions(labels_));
  scale_ = scale;
  count_ = count;
  if (consumed) *consumed = r.position();
  return true;
}

int SequenceModel::label_index(std::string_view name) const {
  for (std::size_t i = 0; i < labels_.size(); ++i)
    if (labels_[i] == name) return static_cast<int>(i);
  return -1;
}

std::vector<int> SequenceModel::decode(const SequenceFeatures& features) const {
  const int length = static_cast<int>(features.size());
  if (labels_.empty()) return std::vector<int>(length, 0);
  std::vector<std::int32_t> sums(static_cast<std::size_t>(length) * kMaxLabels, 0);
  for (int i = 0; i < length; ++i)
    add_weights(features[i].begin(), features[i].size(), &sums[static_cast<std::size_t>(i) * kMaxLabels]);
  return decode_sums(sums, length);
}

std::vector<int> SequenceModel::decode_sums(const std::vector<std::int32_t>& sums, int length) const {
  const int n = static_cast<int>(labels_.size());
  // Emissions are summed in the weights' own integer units and scaled as they are needed.
  return best_path(length, n, costs_.data(), [&](int i, int y) {
    return static_cast<float>(sums[static_cast<std::size_t>(i) * kMaxLabels + y]) * scale_;
  });
}

std::string SequenceModel::serialize(const std::vector<std::string>& labels, const std::vector<float>& transitions,
                                     const std::vector<std::pair<std::uint32_t, std::vector<float>>>& features) {
  float largest = 0;
  for (float t : transitions) largest = std::max(largest, std::fabs(t));
  for (const auto& f : features)
    for (float w : f.second) largest = std::max(largest, std::fabs(w));
  const float scale = largest > 0 ? largest / 32767.0f : 1.0f;
  auto q = [&](float w) { return static_cast<std::int16_t>(std::lround(w / scale)); };
  std::string out = "AASM";
  put<std::uint32_t>(out, 1);
  put<std::uint8_t>(out, static_cast<std::uint8_t>(labels.size()));
  for (const std::string& l : labels) {
    put<std::uint8_t>(out, static_cast<std::uint8_t>(l.size()));
    out += l;
  }
  put<float>(out, scale);
  for (float t : transitions) put<std::int16_t>(out, q(t));
  std::vector<std::pair<std::uint32_t, std::vector<float>>> sorted = features;
  std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  // Features whose every weight rounds to zero are dropped.
  std::vector<const std::pair<std::uint32_t, std::vector<float>>*> kept;
  for (const auto& f : sorted) {
    bool any = false;
    for (float w : f.second) any |= q(w) != 0;
    if (any && (kept.empty() || kept.back()->first != f.first)) kept.push_back(&f);
  }
  put<std::uint32_t>(out, static_cast<std::uint32_t>(kept.size()));
  std::uint32_t previous = 0;
  for (const auto* f : kept) {
    put_varint(out, f->first - previous);
    previous = f->first;
    std::uint8_t present = 0;
    for (std::size_t y = 0; y < f->second.size(); ++y)
      if (q(f->second[y]) != 0) present |= static_cast<std::uint8_t>(1u << y);
    put<std::uint8_t>(out, present);
    for (std::size_t y = 0; y < f->second.size(); ++y)
      if (present & (1u << y)) put<std::int16_t>(out, q(f->second[y]));
  }
  return out;
}

}  // namespace article::internal
