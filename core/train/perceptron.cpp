#include "perceptron.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

namespace article::internal {

AveragedPerceptron::AveragedPerceptron(std::vector<std::string> labels)
    : labels_(std::move(labels)), n_(static_cast<int>(labels_.size())) {
  allowed_ = bio_transitions(labels_);
  transitions_.w.assign((n_ + 1) * n_, 0.0f);
  transitions_.total.assign((n_ + 1) * n_, 0.0f);
  transitions_.stamp.assign((n_ + 1) * n_, 0);
}

std::vector<float> AveragedPerceptron::emissions(const SequenceFeatures& features, bool averaged) const {
  std::vector<float> emit(features.size() * n_, 0.0f);
  for (std::size_t i = 0; i < features.size(); ++i)
    for (std::uint32_t f : features[i]) {
      if (averaged) {
        const auto it = final_.find(f);
        if (it == final_.end()) continue;
        for (int y = 0; y < n_; ++y) emit[i * n_ + y] += it->second[y];
      } else {
        const auto it = weights_.find(f);
        if (it == weights_.end()) continue;
        for (int y = 0; y < n_; ++y) emit[i * n_ + y] += it->second.w[y];
      }
    }
  return emit;
}

void AveragedPerceptron::update(std::uint32_t feature, int label, float delta) {
  auto it = weights_.find(feature);
  if (it == weights_.end()) {
    Weights w;
    w.w.assign(n_, 0.0f);
    w.total.assign(n_, 0.0f);
    w.stamp.assign(n_, step_);
    it = weights_.emplace(feature, std::move(w)).first;
  }
  Weights& w = it->second;
  w.total[label] += static_cast<float>(step_ - w.stamp[label]) * w.w[label];
  w.stamp[label] = step_;
  w.w[label] += delta;
}

void AveragedPerceptron::update_transition(int prev, int next, float delta) {
  const int k = prev * n_ + next;
  transitions_.total[k] += static_cast<float>(step_ - transitions_.stamp[k]) * transitions_.w[k];
  transitions_.stamp[k] = step_;
  transitions_.w[k] += delta;
}

void AveragedPerceptron::train(const std::vector<TrainingSequence>& data, const TrainingOptions& options,
                               void (*progress)(int, double)) {
  // Features too rare to generalize are left out before the first pass.
  std::unordered_map<std::uint32_t, int> counts;
  for (const auto& s : data)
    for (std::size_t i = 0; i < s.features.size(); ++i)
      for (std::uint32_t f : s.features[i]) ++counts[f];
  std::vector<TrainingSequence> kept = data;
  for (auto& s : kept) s.features.keep_if([&](std::uint32_t f) { return counts[f] >= options.min_feature_count; });
  std::vector<std::size_t> order(kept.size());
  std::iota(order.begin(), order.end(), 0);
  std::mt19937 rng(options.seed);
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    long long errors = 0, total = 0;
    for (std::size_t index : order) {
      const TrainingSequence& s = kept[index];
      const int length = static_cast<int>(s.labels.size());
      if (length == 0) continue;
      const std::vector<int> guess = viterbi(emissions(s.features, false), length, n_, transitions_.w, allowed_);
      total += length;
      if (guess != s.labels) {
        for (int i = 0; i < length; ++i) {
          const int gold_prev = i == 0 ? n_ : s.labels[i - 1], guess_prev = i == 0 ? n_ : guess[i - 1];
          if (guess[i] != s.labels[i]) {
            ++errors;
            for (std::uint32_t f : s.features[i]) {
              update(f, s.labels[i], 1.0f);
              update(f, guess[i], -1.0f);
            }
          }
          if (gold_prev != guess_prev || s.labels[i] != guess[i]) {
            update_transition(gold_prev, s.labels[i], 1.0f);
            update_transition(guess_prev, guess[i], -1.0f);
          }
        }
      }
      ++step_;
    }
    if (progress) progress(epoch + 1, total ? static_cast<double>(errors) / total : 0.0);
  }
  average();
}

void AveragedPerceptron::average() {
  final_.clear();
  const float steps = static_cast<float>(step_);
  for (auto& [f, w] : weights_) {
    std::vector<float> avg(n_);
    for (int y = 0; y < n_; ++y) avg[y] = (w.total[y] + static_cast<float>(step_ - w.stamp[y]) * w.w[y]) / steps;
    final_.emplace(f, std::move(avg));
  }
  final_transitions_.assign(transitions_.w.size(), 0.0f);
  for (std::size_t k = 0; k < transitions_.w.size(); ++k)
    final_transitions_[k] =
        (transitions_.total[k] + static_cast<float>(step_ - transitions_.stamp[k]) * transitions_.w[k]) / steps;
  averaged_ = true;
}

std::vector<int> AveragedPerceptron::decode(const SequenceFeatures& features) const {
  return viterbi(emissions(features, averaged_), static_cast<int>(features.size()), n_,
                 averaged_ ? final_transitions_ : transitions_.w, allowed_);
}

AveragedPerceptron AveragedPerceptron::mean_of(const std::vector<AveragedPerceptron>& models) {
  AveragedPerceptron mean(models.front().labels_);
  const float share = 1.0f / static_cast<float>(models.size());
  mean.final_transitions_.assign(models.front().final_transitions_.size(), 0.0f);
  for (const AveragedPerceptron& m : models) {
    for (const auto& [f, w] : m.final_) {
      std::vector<float>& sum = mean.final_.try_emplace(f, std::vector<float>(mean.n_, 0.0f)).first->second;
      for (int y = 0; y < mean.n_; ++y) sum[y] += share * w[y];
    }
    for (std::size_t k = 0; k < m.final_transitions_.size(); ++k)
      mean.final_transitions_[k] += share * m.final_transitions_[k];
  }
  mean.averaged_ = true;
  return mean;
}

std::string AveragedPerceptron::serialize(float min_weight) const {
  std::vector<std::pair<std::uint32_t, std::vector<float>>> features;
  for (const auto& [f, w] : final_) {
    std::vector<float> kept = w;
    bool any = false;
    for (float& x : kept) {
      if (std::fabs(x) < min_weight) x = 0.0f;
      any |= x != 0.0f;
    }
    if (any) features.emplace_back(f, std::move(kept));
  }
  return SequenceModel::serialize(labels_, final_transitions_, features);
}

}  // namespace article::internal
