// The word segmenter's trainer (core/train/word_trainer.h) on a treebank sample written for this test.
#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "article/analyzer.h"
#include "kinds.h"
#include "entity_model.h"
#include "sequence_model.h"
#include "word_model.h"
#include "word_trainer.h"

using namespace article::internal;

namespace {

std::string read(const char* path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// A CoNLL-U sentence from its words (a word's syllables joined by spaces, as VTB writes them).
std::string conllu(const std::vector<std::string>& words) {
  std::string text, rows;
  for (std::size_t i = 0; i < words.size(); ++i) {
    text += (i ? " " : "") + words[i];
    rows += std::to_string(i + 1) + "\t" + words[i] + "\t" + words[i] + "\tX\tX\t_\t0\tdep\t_\t_\n";
  }
  return "# text = " + text + "\n" + rows + "\n";
}

std::vector<std::string> words_of(const std::string& text) {
  article::Options options;
  options.language = "vi";
  std::vector<std::string> out;
  for (const auto& w : article::analyze(text, options).words) out.push_back(w.span.text);
  return out;
}

}  // namespace

TEST_CASE("word trainer: learns a treebank's words and where they end, and segments new sentences by them",
          "[model][words]") {
  // The sentences use the same words in other orders: the test sentence is none of them.
  std::istringstream treebank(
      conllu({"Hợp tác xã", "mua", "máy cày", "mới", "."}) + conllu({"Nông dân", "bán", "lúa", "cho", "hợp tác xã", "."}) +
      conllu({"Máy cày", "của", "nông dân", "hỏng", "."}) + conllu({"Họ", "mua", "lúa", "giống", "mới", "."}) +
      conllu({"Nông dân", "mua", "máy cày", "cho", "hợp tác xã", "."}) + conllu({"Lúa", "giống", "hỏng", "."}) +
      conllu({"Họ", "bán", "lúa", "cho", "nông dân", "."}) + conllu({"Hợp tác xã", "mua", "lúa", "cho", "họ", "."}));
  const std::vector<TreebankSentence> sentences = read_treebank(treebank);
  REQUIRE(sentences.size() == 8);
  CHECK(sentences[0].words.size() == 5);
  CHECK(sentences[0].lexicon_words == std::vector<std::string>{"hợp tác xã", "máy cày"});

  WordTrainingOptions options;
  options.folds = 1;  // eight sentences: every one reads every word
  options.perceptron.epochs = 10;
  options.perceptron.min_feature_count = 1;
  options.clusters = &entity_model()->clusters;  // the registered model's, which analysis reads
  const std::string model = train_word_segmenter(sentences, options);
  REQUIRE(model.compare(0, 4, "AAWS") == 0);
  SequenceModel segmenter;
  REQUIRE(segmenter.load(std::string_view(model).substr(4)));
  CHECK(segmenter.label_index("B-W") >= 0);
  CHECK(segmenter.label_index("I-W") >= 0);

  // The section goes between the model file's own part and its English section (entity_model.h), where
  // `article-train bundle --segmenter` puts it by these offsets; appended after the English section, it makes
  // no model file.
  const std::string shipped = read(ARTICLE_MODEL_FILE);
  EntityModel parsed;
  REQUIRE(parsed.load(shipped));
  REQUIRE_FALSE(parsed.english.empty());
  CHECK(parsed.segmenter_bytes == 0);
  EntityModel bundled;
  REQUIRE(bundled.load(shipped.substr(0, parsed.own_bytes) + model + shipped.substr(parsed.own_bytes)));
  CHECK(bundled.own_bytes == parsed.own_bytes);
  CHECK(bundled.segmenter_bytes == model.size());
  CHECK(bundled.segmenter.label_index("B-W") >= 0);
  CHECK(bundled.english == parsed.english);
  CHECK_FALSE(EntityModel().load(shipped + model));

  const std::string test = "Hợp tác xã bán máy cày hỏng cho nông dân.";
  set_word_segmenter(segmenter, options.clusters);
  CHECK(words_of(test) == std::vector<std::string>{"Hợp tác xã", "bán", "máy cày", "hỏng", "cho", "nông dân"});

  // Where the word list is wrong, the treebank wins: given a list that joins "lúa cho", which the treebank
  // always writes as two words, the rules join it and the learned segmenter does not.
  std::istringstream more(
      conllu({"Nông dân", "bán", "lúa", "cho", "hợp tác xã", "."}) + conllu({"Ai", "mua", "lúa", "cho", "họ", "?"}) +
      conllu({"Họ", "để", "lúa", "cho", "nông dân", "."}) + conllu({"Lúa", "cho", "hợp tác xã", "hỏng", "."}) +
      conllu({"Máy cày", "chở", "lúa", "cho", "nông dân", "."}));
  std::vector<TreebankSentence> misleading = sentences;
  for (TreebankSentence& s : read_treebank(more)) misleading.push_back(std::move(s));
  WordTrainingOptions misled = options;
  misled.base_words = "lúa cho\n";
  const std::string misled_model = train_word_segmenter(misleading, misled);
  REQUIRE(segmenter.load(std::string_view(misled_model).substr(4)));
  const std::string sale = "Nông dân giữ lúa cho hợp tác xã.";  // "giữ" is in no training sentence
  set_word_segmenter(SequenceModel(), nullptr);
  CHECK(words_of(sale) == std::vector<std::string>{"Nông dân", "giữ", "lúa cho", "hợp tác xã"});
  set_word_segmenter(segmenter, options.clusters);
  CHECK(words_of(sale) == std::vector<std::string>{"Nông dân", "giữ", "lúa", "cho", "hợp tác xã"});

  // Back to the analyzer every other test expects.
  REQUIRE(article::set_word_list(read(ARTICLE_WORDS_FILE)));
  REQUIRE(article::set_entity_model(read(ARTICLE_MODEL_FILE)));
}

TEST_CASE("word trainer: a sentence whose forms do not spell its text is skipped", "[model][words]") {
  std::istringstream treebank("# text = Một hai ba\n1\tMột\t_\tX\tX\t_\t0\tdep\t_\t_\n2\tbốn\t_\tX\tX\t_\t0\tdep\t_\t_\n\n" +
                              conllu({"Hai", "ba"}));
  const std::vector<TreebankSentence> sentences = read_treebank(treebank);
  REQUIRE(sentences.size() == 1);
  CHECK(sentences[0].text == "Hai ba");
}
