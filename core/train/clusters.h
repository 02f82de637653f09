// Word clusters learned without labels from raw text, for the entity model's features: each word's
// distribution of left and right neighbours (positive PMI over the most frequent context words), grouped by
// spherical k-means at two granularities. Deterministic: the initial centroids are the most frequent words.
#pragma once

#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace article::internal {

struct ClusterOptions {
  int min_count = 8;         // words seen less often get no cluster
  int max_words = 40000;     // the most frequent words only
  int contexts = 2000;       // context words (each as a left and a right neighbour)
  int coarse = 64, fine = 512;
  int iterations = 12;
};

class ClusterBuilder {
 public:
  // Adds one sentence (token forms as written, in order).
  void add_sentence(const std::vector<std::string>& tokens);
  // word → (coarse cluster, fine cluster)
  std::unordered_map<std::string, std::pair<int, int>> build(const ClusterOptions& options) const;

 private:
  std::unordered_map<std::string, int> ids_;
  std::vector<std::string> words_;
  std::vector<long long> counts_;
  std::vector<std::vector<int>> sentences_;
};

}  // namespace article::internal
