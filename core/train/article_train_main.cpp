// article-train: builds the learned models.
//
//   article-train clusters --words FILE --corpus ARTICLES.jsonl --out CLUSTERS.tsv [--max-articles N]
//       word clusters from raw articles (JSONL {"id", "text"}), read by the analyzer's own tokenizer;
//   article-train entities --words FILE --articles DIR --annotations DIR --out MODEL [--clusters CLUSTERS.tsv]
//                 [--segmenter SEGMENTER] [--english MODEL] [--epochs N] [--seed S] [--holdout PERCENT]
//                 [--min-weight W] [--average-seeds N]
//       the entity model, with the clusters (and the word segmenter, which reads the documents) bundled into the
//       model file; --english bundles an English entity model (trained by this same command on English
//       documents, or the English section of another model file) as the file's "AAEN" section; --average-seeds N trains
//       N perceptrons (seeds S … S + N - 1) and averages their weights, which makes the model depend less on the seed;
//   article-train bundle --model MODEL [--segmenter SEGMENTER] [--english ENGLISH] --out OUT
//       MODEL with its word segmenter section replaced by SEGMENTER (`words` writes one), its English section by
//       the English model ENGLISH, or both (the Vietnamese entity model as it is);
//   article-train words --train TREEBANK.conllu --out SEGMENTER [--dev TREEBANK.conllu] [--words FILE] [--folds N]
//                 [--clusters CLUSTERS.tsv | --model MODEL] [--epochs N] [--seed S] [--min-weight W]
//       the word segmenter (word_trainer.h), as the model file's "AAWS" section, which `entities --segmenter`
//       bundles; with --dev, its scores and the rules' on that treebank.
//
// Each annotation is DIR/<id>.json with "mentions": [{type, start, end, text}] (UTF-16 offsets into
// ARTICLES/<id>.txt; training/scripts/cast_mentions.py derives them from a cast). Documents are read by the
// analyzer's own stages (tokens, words, the rules' entities), so training sees what analysis sees. With
// --holdout, that share of the documents (chosen by the seed) is kept out of training and scored (exact
// spans, per type) at the end. Deterministic for a given seed.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "article/analyzer.h"
#include "clusters.h"
#include "entity_features.h"
#include "entity_model.h"
#include "perceptron.h"
#include "pipeline.h"
#include "text.h"
#include "word_model.h"
#include "word_trainer.h"

namespace fs = std::filesystem;
using namespace article;
using namespace article::internal;

namespace {

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// The label of a mention of `type`, as the annotation writes it ("person"): 0 (outside) if no name's.
int label_of(const std::string& type, bool begin) {
  const std::optional<article::EntityType> entity_type = article::entity_type_from_json_name(type);
  const NameType name = entity_type ? name_type_of(*entity_type) : NameType::kNone;
  const std::string suffix = name == NameType::kPerson         ? "PER"
                             : name == NameType::kOrganization ? "ORG"
                             : name == NameType::kLocation     ? "LOC"
                                                               : "";
  if (suffix.empty()) return 0;
  const auto& labels = entity_labels();
  const std::string want = (begin ? "B-" : "I-") + suffix;
  return static_cast<int>(std::find(labels.begin(), labels.end(), want) - labels.begin());
}

struct Document {
  std::string id;
  std::vector<TrainingSequence> sentences;
};

// The document's sentences as features and gold labels.
bool read_document(const fs::path& article, const nlohmann::json& annotation, const WordClusters& clusters,
                   Document& out) {
  const std::string text = read_file(article);
  Doc doc;
  if (!run_until_words(text, Options{}, doc)) return false;
  // No model is registered in the trainer: these are the rules' entities.
  const RuleTags rules = rule_tags(find_entities(doc).list, doc.tokens.size());
  const EntityFeatureExtractor features(doc, rules, clusters);
  // Gold label of every token: a token whose input start falls inside a mention.
  std::vector<int> gold(doc.tokens.size(), 0);
  std::vector<std::tuple<std::int64_t, std::int64_t, std::string>> mentions;
  for (const auto& m : annotation.value("mentions", nlohmann::json::array()))
    mentions.emplace_back(m.at("start").get<std::int64_t>(), m.at("end").get<std::int64_t>(),
                          m.at("type").get<std::string>());
  std::sort(mentions.begin(), mentions.end());
  std::size_t next = 0;
  std::int64_t open_end = -1;
  std::string open_type;
  for (std::size_t t = 0; t < doc.tokens.size(); ++t) {
    const std::int64_t start = doc.text.to_input_start(doc.tokens[t].span.start);
    if (start >= open_end) open_end = -1;
    bool begins = false;
    while (next < mentions.size() && std::get<0>(mentions[next]) <= start) {
      if (std::get<1>(mentions[next]) > start) {
        open_end = std::get<1>(mentions[next]);
        open_type = std::get<2>(mentions[next]);
        begins = true;
      }
      ++next;
    }
    if (open_end > start) gold[t] = label_of(open_type, begins);
  }
  for (std::size_t s = 0; s < doc.out.sentences.size(); ++s) {
    const int b = doc.sentence_token_begin(static_cast<int>(s)), e = doc.sentence_token_end(static_cast<int>(s));
    if (e <= b) continue;
    TrainingSequence seq;
    seq.features = features.sentence(b, e);
    seq.labels.assign(gold.begin() + b, gold.begin() + e);
    // A sentence cut inside a mention starts with an I- tag: make it a B- so the sequence is well formed.
    if (seq.labels[0] != 0 && entity_labels()[seq.labels[0]][0] == 'I') --seq.labels[0];
    out.sentences.push_back(std::move(seq));
  }
  return true;
}

// Exact-span scores per type over the held-out sentences, decoded by the model as written (quantized and
// pruned), which is the model that ships.
void score(const SequenceModel& model, const std::vector<const TrainingSequence*>& test) {
  const auto& labels = entity_labels();
  auto spans = [&](const std::vector<int>& tags) {
    std::set<std::tuple<int, int, std::string>> out;
    for (std::size_t i = 0; i < tags.size();) {
      if (labels[tags[i]][0] != 'B') {
        ++i;
        continue;
      }
      const std::string type = labels[tags[i]].substr(2);
      std::size_t j = i + 1;
      while (j < tags.size() && labels[tags[j]] == "I-" + type) ++j;
      out.insert({static_cast<int>(i), static_cast<int>(j), type});
      i = j;
    }
    return out;
  };
  std::map<std::string, std::array<int, 3>> counts;  // correct, guessed, gold
  for (const TrainingSequence* s : test) {
    const auto gold = spans(s->labels), guess = spans(model.decode(s->features));
    for (const auto& g : gold) ++counts[std::get<2>(g)][2], ++counts["ALL"][2];
    for (const auto& g : guess) {
      ++counts[std::get<2>(g)][1], ++counts["ALL"][1];
      if (gold.count(g)) ++counts[std::get<2>(g)][0], ++counts["ALL"][0];
    }
  }
  for (const auto& [type, c] : counts) {
    const double p = c[1] ? 1.0 * c[0] / c[1] : 0, r = c[2] ? 1.0 * c[0] / c[2] : 0;
    std::printf("held-out %-4s P %.3f R %.3f F %.3f (gold %d)\n", type.c_str(), p, r, p + r ? 2 * p * r / (p + r) : 0,
                c[2]);
  }
}

// The "AAEN" section of a model file (entity_model.h): the English model's file, after its length.
std::string english_section(const std::string& english) {
  const auto length = static_cast<std::uint32_t>(english.size());
  std::string section = "AAEN";
  section.append(reinterpret_cast<const char*>(&length), 4);
  return section + english;
}

// An English entity model's file, or "" (with a message) if it is none: a file of its own (with no section),
// or the English section of a model file that has one (the shipped model's, which train.sh keeps).
std::string read_english_model(const std::string& path) {
  std::string english = read_file(path);
  EntityModel model;
  const bool loaded = model.load(english);
  if (loaded && !model.english.empty()) return model.english;
  if (!loaded || !model.segmenter.empty()) {
    std::cerr << "article-train: no English entity model at " << path << "\n";
    return std::string();
  }
  return english;
}

// A word segmenter's section ("AAWS" + SequenceModel's format, as `words` writes it) and the segmenter it
// holds, or "" (with a message).
std::string read_segmenter_section(const std::string& path, SequenceModel& segmenter) {
  std::string section = read_file(path);
  if (section.compare(0, 4, "AAWS") != 0 || !segmenter.load(std::string_view(section).substr(4))) {
    std::cerr << "article-train: no word segmenter at " << path << "\n";
    return std::string();
  }
  return section;
}

int bundle(const std::string& model_path, const std::string& segmenter_path, const std::string& english_path,
           const std::string& out) {
  const std::string bytes = read_file(model_path);
  EntityModel model;
  if (!model.load(bytes)) {
    std::cerr << "article-train: no entity model at " << model_path << "\n";
    return 1;
  }
  // The file's sections in their order (entity_model.h): its own part, the segmenter's, the English model's.
  std::string segmenter = bytes.substr(model.own_bytes, model.segmenter_bytes), english = model.english;
  SequenceModel unused;
  if (!segmenter_path.empty() && (segmenter = read_segmenter_section(segmenter_path, unused)).empty()) return 1;
  if (!english_path.empty() && (english = read_english_model(english_path)).empty()) return 1;
  const std::string bundled =
      bytes.substr(0, model.own_bytes) + segmenter + (english.empty() ? std::string() : english_section(english));
  if (!EntityModel().load(bundled)) return 1;
  std::ofstream(out, std::ios::binary) << bundled;
  std::printf("wrote %s: %zu bytes, of which the segmenter %zu, the English model %zu\n", out.c_str(), bundled.size(),
              segmenter.size(), english.size());
  return 0;
}

int usage() {
  std::cerr
      << "usage: article-train clusters --words FILE --corpus ARTICLES.jsonl --out CLUSTERS.tsv [--max-articles N]\n"
         "       article-train entities --words FILE --articles DIR --annotations DIR --out MODEL\n"
         "                     [--clusters CLUSTERS.tsv] [--segmenter SEGMENTER] [--english MODEL] [--epochs N] "
         "[--seed S]\n"
         "                     [--holdout PERCENT] [--min-weight W] [--average-seeds N]\n"
         "       article-train bundle --model MODEL [--segmenter SEGMENTER] [--english ENGLISH] --out MODEL\n"
         "       article-train words --train TREEBANK.conllu --out SEGMENTER [--dev TREEBANK.conllu] [--words FILE]\n"
         "                     [--clusters CLUSTERS.tsv | --model MODEL] [--folds N] [--epochs N] [--seed S] "
         "[--min-weight W]\n";
  return 1;
}

WordClusters read_clusters(const std::string& path) {
  WordClusters clusters;
  if (path.empty()) return clusters;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    const std::size_t a = line.find('\t'), b = line.find('\t', a + 1);
    if (line.empty() || line[0] == '#' || a == std::string::npos || b == std::string::npos) continue;
    clusters[line.substr(0, a)] = {static_cast<std::uint16_t>(std::stoi(line.substr(a + 1, b - a - 1))),
                                   static_cast<std::uint16_t>(std::stoi(line.substr(b + 1)))};
  }
  return clusters;
}

// Token forms of every sentence of the corpus (numbers folded to one form), fed to the cluster builder.
int build_clusters(const std::string& corpus, const std::string& out, int max_articles) {
  ClusterBuilder builder;
  std::ifstream in(corpus);
  std::string line;
  int articles = 0;
  while (std::getline(in, line) && (max_articles <= 0 || articles < max_articles)) {
    if (line.empty()) continue;
    const std::string text = nlohmann::json::parse(line).value("text", "");
    Doc doc;
    Options options;
    options.output.tokens = article::ListForm::kOmitted;
    if (!run_until_words(text, options, doc)) continue;
    for (std::size_t s = 0; s < doc.out.sentences.size(); ++s) {
      std::vector<std::string> forms;
      for (int t = doc.sentence_token_begin(static_cast<int>(s)); t < doc.sentence_token_end(static_cast<int>(s)); ++t)
        forms.push_back(doc.info[t].is_number ? "<num>" : to_utf8(doc.slice(doc.tokens[t].span)));
      builder.add_sentence(forms);
    }
    if (++articles % 5000 == 0) std::fprintf(stderr, "read %d articles\n", articles);
  }
  const auto clusters = builder.build(ClusterOptions{});
  std::vector<std::pair<std::string, std::pair<int, int>>> sorted(clusters.begin(), clusters.end());
  std::sort(sorted.begin(), sorted.end());
  std::ofstream file(out);
  file << "# Word clusters learned by `article-train clusters` from " << articles
       << " raw news articles (no text kept): word, coarse cluster, fine cluster\n";
  for (const auto& [word, ids] : sorted) file << word << '\t' << ids.first << '\t' << ids.second << '\n';
  std::printf("wrote %s: %zu words from %d articles\n", out.c_str(), sorted.size(), articles);
  return 0;
}

int train_words(const std::string& train_path, const std::string& dev_path, const std::string& base_words_path,
                const std::string& model_path, const std::string& clusters_path, const std::string& out, int folds,
                const TrainingOptions& options, float min_weight) {
  // The word clusters the segmenter will ship with (its features read them): from --clusters, or those of
  // the model file given by --model.
  EntityModel entities;
  if (!model_path.empty() && !entities.load(read_file(model_path))) {
    std::cerr << "article-train: no model at " << model_path << "\n";
    return 1;
  }
  if (!clusters_path.empty()) entities.clusters = read_clusters(clusters_path);
  std::ifstream train_file(train_path);
  const std::vector<TreebankSentence> train = read_treebank(train_file);
  WordTrainingOptions word_options;
  word_options.perceptron = options;
  word_options.folds = folds;
  word_options.base_words = base_words_path.empty() ? std::string() : read_file(base_words_path);
  word_options.clusters = model_path.empty() && clusters_path.empty() ? nullptr : &entities.clusters;
  word_options.min_weight = min_weight;
  std::printf("training sentences %zu, folds %d\n", train.size(), folds);
  const std::string bytes = train_word_segmenter(
      train, word_options, [](int epoch, double error) { std::printf("epoch %d token error %.4f\n", epoch, error); });
  SequenceModel check;
  if (!check.load(std::string_view(bytes).substr(4))) {
    std::cerr << "article-train: the written segmenter does not load\n";
    return 1;
  }
  std::printf("wrote %s: %zu features, %zu bytes\n", out.c_str(), check.feature_count(), bytes.size());
  std::ofstream(out, std::ios::binary) << bytes;
  if (!dev_path.empty()) {
    // The word list stays that of every training sentence: dev words the treebank's train part lacks are
    // missing from it, as they would be from any list.
    std::ifstream dev_file(dev_path);
    const std::vector<TreebankSentence> dev = read_treebank(dev_file);
    SegmentationCounts rules, learned;
    for (const TreebankSentence& s : dev) score_segmentation(s, rules);
    set_word_segmenter(check, word_options.clusters);
    for (const TreebankSentence& s : dev) score_segmentation(s, learned);
    rules.print("dev, rules");
    learned.print("dev, learned");
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return usage();
  const std::string command = argv[1];
  std::string words, articles, annotations, out, clusters_path, corpus, train_path, dev_path;
  int folds = 10;
  std::string model_path, segmenter_path, english_path;
  TrainingOptions options;
  int holdout = 0, max_articles = 0, average_seeds = 1;
  float min_weight = 0.0f;
  for (int i = 2; i + 1 < argc; i += 2) {
    const std::string arg = argv[i], value = argv[i + 1];
    if (arg == "--words")
      words = value;
    else if (arg == "--articles")
      articles = value;
    else if (arg == "--annotations")
      annotations = value;
    else if (arg == "--out")
      out = value;
    else if (arg == "--clusters")
      clusters_path = value;
    else if (arg == "--corpus")
      corpus = value;
    else if (arg == "--max-articles")
      max_articles = std::stoi(value);
    else if (arg == "--epochs")
      options.epochs = std::stoi(value);
    else if (arg == "--seed")
      options.seed = static_cast<std::uint32_t>(std::stoul(value));
    else if (arg == "--holdout")
      holdout = std::stoi(value);
    else if (arg == "--average-seeds")
      average_seeds = std::max(1, std::stoi(value));
    else if (arg == "--min-weight")
      min_weight = std::stof(value);
    else if (arg == "--train")
      train_path = value;
    else if (arg == "--dev")
      dev_path = value;
    else if (arg == "--folds")
      folds = std::stoi(value);
    else if (arg == "--model")
      model_path = value;
    else if (arg == "--segmenter")
      segmenter_path = value;
    else if (arg == "--english")
      english_path = value;
    else
      return usage();
  }
  if (command == "words")
    return train_path.empty() || out.empty()
               ? usage()
               : train_words(train_path, dev_path, words, model_path, clusters_path, out, folds, options, min_weight);
  if (!words.empty() && !set_word_list(read_file(words)))
    std::cerr << "article-train: no word list at " << words << "\n";
  if (command == "bundle")
    return model_path.empty() || (english_path.empty() && segmenter_path.empty()) || out.empty()
               ? usage()
               : bundle(model_path, segmenter_path, english_path, out);
  if (command == "clusters") return corpus.empty() || out.empty() ? usage() : build_clusters(corpus, out, max_articles);
  if (command != "entities" || articles.empty() || annotations.empty() || out.empty()) return usage();
  const WordClusters clusters = read_clusters(clusters_path);
  // The word segmenter the model ships with: documents are read with it (the entity features read the words),
  // and it is written into the model file after the clusters it reads.
  std::string segmenter_section;
  if (!segmenter_path.empty()) {
    SequenceModel segmenter;
    if ((segmenter_section = read_segmenter_section(segmenter_path, segmenter)).empty()) return 1;
    set_word_segmenter(std::move(segmenter), &clusters);
  }

  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(annotations))
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  std::vector<Document> documents;
  for (const fs::path& file : files) {
    const nlohmann::json annotation = nlohmann::json::parse(read_file(file));
    const std::string id = annotation.value("id", file.stem().string());
    const fs::path article = fs::path(articles) / (id + ".txt");
    if (!fs::exists(article)) {
      std::cerr << "article-train: no article " << article << "\n";
      continue;
    }
    Document d;
    d.id = id;
    if (read_document(article, annotation, clusters, d)) documents.push_back(std::move(d));
  }
  std::mt19937 rng(options.seed);
  std::vector<std::size_t> order(documents.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::shuffle(order.begin(), order.end(), rng);
  const std::size_t held = documents.size() * static_cast<std::size_t>(holdout) / 100;
  std::vector<TrainingSequence> train;
  std::vector<const TrainingSequence*> test;
  for (std::size_t k = 0; k < order.size(); ++k)
    for (const TrainingSequence& s : documents[order[k]].sentences)
      if (k < held)
        test.push_back(&s);
      else
        train.push_back(s);
  std::printf("documents %zu (held out %zu), training sentences %zu\n", documents.size(), held, train.size());
  // One perceptron per seed (seed, seed + 1, …: the order the sentences are shuffled in), their weights
  // averaged; the held-out documents are the first seed's either way.
  std::vector<AveragedPerceptron> members;
  for (int k = 0; k < average_seeds; ++k) {
    TrainingOptions member_options = options;
    member_options.seed = options.seed + static_cast<std::uint32_t>(k);
    members.emplace_back(entity_labels());
    members.back().train(train, member_options,
                         [](int epoch, double error) { std::printf("epoch %d token error %.4f\n", epoch, error); });
  }
  const AveragedPerceptron model =
      average_seeds == 1 ? std::move(members.front()) : AveragedPerceptron::mean_of(members);
  members.clear();
  std::string bytes = model.serialize(min_weight) + EntityModel::serialize_clusters(clusters) + segmenter_section;
  if (!english_path.empty()) {  // the English model rides in the same file (entity_model.h)
    const std::string english = read_english_model(english_path);
    if (english.empty()) return 1;
    bytes += english_section(english);
  }
  std::ofstream(out, std::ios::binary) << bytes;
  EntityModel check;
  if (!check.load(bytes)) {
    std::cerr << "article-train: the written model does not load\n";
    return 1;
  }
  if (!test.empty()) score(check.labeller, test);
  std::printf("wrote %s: %zu features, %zu clustered words, %zu bytes\n", out.c_str(), check.labeller.feature_count(),
              check.clusters.size(), bytes.size());
  return 0;
}
