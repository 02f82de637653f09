// An averaged structured perceptron (Collins 2002) for the linear-chain SequenceModel: exact Viterbi decoding
// with the model's own BIO constraints, lazy averaging, seeded shuffling, so training is deterministic.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "sequence_model.h"

namespace article::internal {

struct TrainingSequence {
  SequenceFeatures features;
  std::vector<int> labels;
};

struct TrainingOptions {
  int epochs = 10;
  std::uint32_t seed = 1;
  int min_feature_count = 2;  // features seen fewer times in the training data are ignored
};

class AveragedPerceptron {
 public:
  explicit AveragedPerceptron(std::vector<std::string> labels);
  // One pass over `data` in a seeded order; returns the token error rate of the pass.
  void train(const std::vector<TrainingSequence>& data, const TrainingOptions& options,
             void (*progress)(int epoch, double error_rate) = nullptr);
  std::vector<int> decode(const SequenceFeatures& features) const;  // with the averaged weights after train()
  std::string serialize(float min_weight = 0.0f) const;             // SequenceModel's format
  // The mean of the averaged weights of `models` (each trained on the same data with another seed), as one
  // model, which no one seed decides (train.sh, --average-seeds). Labels must match.
  static AveragedPerceptron mean_of(const std::vector<AveragedPerceptron>& models);
  std::size_t feature_count() const { return weights_.size(); }

 private:
  struct Weights {
    std::vector<float> w, total;  // current weights, and their running sum for averaging
    std::vector<long long> stamp; // step of each weight's last change
  };
  std::vector<float> emissions(const SequenceFeatures& features, bool averaged) const;
  void update(std::uint32_t feature, int label, float delta);
  void update_transition(int prev, int next, float delta);
  void average();

  std::vector<std::string> labels_;
  int n_;
  std::unordered_map<std::uint32_t, Weights> weights_;
  Weights transitions_;
  std::vector<bool> allowed_;
  long long step_ = 1;
  bool averaged_ = false;
  std::unordered_map<std::uint32_t, std::vector<float>> final_;
  std::vector<float> final_transitions_;
};

}  // namespace article::internal
