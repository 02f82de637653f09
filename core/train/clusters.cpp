#include "clusters.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

namespace article::internal {

void ClusterBuilder::add_sentence(const std::vector<std::string>& tokens) {
  std::vector<int> ids;
  ids.reserve(tokens.size());
  for (const std::string& t : tokens) {
    auto [it, inserted] = ids_.try_emplace(t, static_cast<int>(words_.size()));
    if (inserted) {
      words_.push_back(t);
      counts_.push_back(0);
    }
    ++counts_[it->second];
    ids.push_back(it->second);
  }
  sentences_.push_back(std::move(ids));
}

namespace {

using Sparse = std::vector<std::pair<int, float>>;  // (dimension, value), sorted by dimension

// Spherical k-means over unit vectors; centroids start at the first k vectors (the most frequent words).
std::vector<int> kmeans(const std::vector<Sparse>& vectors, int dims, int k, int iterations) {
  const int n = static_cast<int>(vectors.size());
  k = std::min(k, n);
  std::vector<float> centroids(static_cast<std::size_t>(k) * dims, 0.0f);
  for (int c = 0; c < k; ++c)
    for (const auto& [d, v] : vectors[c]) centroids[static_cast<std::size_t>(c) * dims + d] = v;
  std::vector<int> assign(n, 0);
  for (int it = 0; it < iterations; ++it) {
    int moved = 0;
    for (int i = 0; i < n; ++i) {
      int best = 0;
      float best_score = -1e30f;
      for (int c = 0; c < k; ++c) {
        const float* row = &centroids[static_cast<std::size_t>(c) * dims];
        float s = 0;
        for (const auto& [d, v] : vectors[i]) s += row[d] * v;
        if (s > best_score) best_score = s, best = c;
      }
      moved += assign[i] != best;
      assign[i] = best;
    }
    std::fill(centroids.begin(), centroids.end(), 0.0f);
    for (int i = 0; i < n; ++i)
      for (const auto& [d, v] : vectors[i]) centroids[static_cast<std::size_t>(assign[i]) * dims + d] += v;
    for (int c = 0; c < k; ++c) {
      float* row = &centroids[static_cast<std::size_t>(c) * dims];
      float norm = 0;
      for (int d = 0; d < dims; ++d) norm += row[d] * row[d];
      norm = std::sqrt(norm);
      if (norm > 0)
        for (int d = 0; d < dims; ++d) row[d] /= norm;
    }
    std::fprintf(stderr, "k-means k=%d iteration %d: %d moved\n", k, it + 1, moved);
    if (it > 0 && moved == 0) break;
  }
  return assign;
}

}  // namespace

std::unordered_map<std::string, std::pair<int, int>> ClusterBuilder::build(const ClusterOptions& options) const {
  std::vector<int> order(words_.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    return counts_[a] != counts_[b] ? counts_[a] > counts_[b] : words_[a] < words_[b];
  });
  // Context words: the most frequent forms; dimension 2c is "c on the left", 2c+1 "c on the right".
  std::vector<int> context(words_.size(), -1);
  for (int i = 0; i < options.contexts && i < static_cast<int>(order.size()); ++i) context[order[i]] = i;
  std::vector<int> row(words_.size(), -1);
  int rows = 0;
  for (int w : order) {
    if (counts_[w] < options.min_count || rows >= options.max_words) break;
    row[w] = rows++;
  }
  const int dims = 2 * options.contexts;
  std::vector<std::unordered_map<int, float>> counts(rows);
  std::vector<double> dim_total(dims, 0.0);
  double total = 0;
  for (const auto& s : sentences_)
    for (std::size_t i = 0; i < s.size(); ++i) {
      const int r = row[s[i]];
      if (r < 0) continue;
      if (i > 0 && context[s[i - 1]] >= 0) counts[r][2 * context[s[i - 1]]] += 1;
      if (i + 1 < s.size() && context[s[i + 1]] >= 0) counts[r][2 * context[s[i + 1]] + 1] += 1;
    }
  std::vector<double> row_total(rows, 0.0);
  for (int r = 0; r < rows; ++r)
    for (const auto& [d, c] : counts[r]) row_total[r] += c, dim_total[d] += c, total += c;
  std::vector<Sparse> vectors(rows);
  for (int r = 0; r < rows; ++r) {
    Sparse v;
    for (const auto& [d, c] : counts[r]) {
      const double pmi = std::log(c * total / (row_total[r] * dim_total[d]));
      if (pmi > 0) v.push_back({d, static_cast<float>(pmi)});
    }
    std::sort(v.begin(), v.end());
    float norm = 0;
    for (const auto& [d, x] : v) norm += x * x;
    norm = std::sqrt(norm);
    for (auto& [d, x] : v) x = norm > 0 ? x / norm : 0;
    vectors[r] = std::move(v);
  }
  const std::vector<int> coarse = kmeans(vectors, dims, options.coarse, options.iterations);
  const std::vector<int> fine = kmeans(vectors, dims, options.fine, options.iterations);
  std::unordered_map<std::string, std::pair<int, int>> out;
  for (int w = 0; w < static_cast<int>(words_.size()); ++w)
    if (row[w] >= 0) out[words_[w]] = {coarse[row[w]], fine[row[w]]};
  return out;
}

}  // namespace article::internal
