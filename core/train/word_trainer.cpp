#include "word_trainer.h"

#include <algorithm>
#include <set>

#include "article/analyzer.h"
#include "pipeline.h"
#include "text.h"
#include "word_model.h"
#include "words.h"

namespace article::internal {

namespace {

// Letters as the treebank's words hold them: ASCII letters, and beyond ASCII anything but the Latin-1 signs and
// the general punctuation and symbol blocks (Vietnamese text has no other non-letters).
bool is_letter(char16_t c) {
  if (c < 0x80) return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
  if (c < 0xC0) return false;
  if (c == 0xD7 || c == 0xF7) return false;
  return c < 0x2000 || c > 0x2BFF;
}

// A treebank word as a word-list entry: 2–6 syllables of letters only, lowercased (as training/scripts/
// vtb_words.py writes the shipped list); empty otherwise.
std::string lexicon_form(const std::u16string& form) {
  std::size_t syllables = 1;
  for (char16_t c : form) {
    if (c == u' ')
      ++syllables;
    else if (!is_letter(c))
      return {};
  }
  if (syllables < 2 || syllables > 6) return {};
  return lower_utf8(form);
}

// Word index of each UTF-16 unit of the sentence's text (-1 between words).
std::vector<int> word_at(const TreebankSentence& s) {
  std::vector<int> at(decode_utf8_lossy(s.text).size() + 1, -1);
  for (std::size_t w = 0; w < s.words.size(); ++w)
    for (std::size_t k = s.words[w].first; k < s.words[w].second; ++k) at[k] = static_cast<int>(w);
  return at;
}

// The sentence analysed up to its words with the current word list; each doc sentence as a training sequence
// of B/I tags (I: the token is in the same treebank word as the one before).
void add_training_sequences(const TreebankSentence& s, const WordClusters* clusters,
                            std::vector<TrainingSequence>& out) {
  Doc doc;
  Options options;
  options.output.tokens = ListForm::kOmitted;
  options.language = "vi";
  if (!run_until_words(s.text, options, doc)) return;
  const std::vector<int> word = word_at(s);
  const std::vector<std::uint32_t> ids = syllable_ids(doc);
  const WordFeatureExtractor features(doc, doc.word_length, ids, clusters);
  for (std::size_t k = 0; k < doc.out.sentences.size(); ++k) {
    const int b = doc.sentence_token_begin(static_cast<int>(k)), e = doc.sentence_token_end(static_cast<int>(k));
    if (e <= b) continue;
    TrainingSequence seq;
    seq.features = features.sentence(b, e);
    for (int t = b; t < e; ++t) {
      const auto here = static_cast<std::size_t>(doc.text.to_input_start(doc.tokens[t].span.start));
      const auto before = t > b ? static_cast<std::size_t>(doc.text.to_input_start(doc.tokens[t - 1].span.start)) : 0;
      const bool inside = t > b && may_join(doc, t) && here < word.size() && before < word.size() && word[here] >= 0 &&
                          word[here] == word[before];
      seq.labels.push_back(inside ? 1 : 0);
    }
    out.push_back(std::move(seq));
  }
}

}  // namespace

std::vector<TreebankSentence> read_treebank(std::istream& in) {
  std::vector<TreebankSentence> out;
  std::string line, text;
  std::vector<std::string> forms;
  auto flush = [&] {
    if (text.empty() || forms.empty()) return;
    TreebankSentence s;
    s.text = text;
    const std::u16string t = decode_utf8_lossy(text);
    std::size_t at = 0;
    for (const std::string& f : forms) {
      const std::u16string form = decode_utf8_lossy(f);
      while (at < t.size() && t[at] == u' ') ++at;
      if (t.compare(at, form.size(), form) != 0) return;  // FORM does not align with the text: skipped
      s.words.emplace_back(at, at + form.size());
      const std::string entry = lexicon_form(form);
      if (!entry.empty()) s.lexicon_words.push_back(entry);
      at += form.size();
    }
    out.push_back(std::move(s));
  };
  while (std::getline(in, line)) {
    if (line.empty()) {
      flush();
      text.clear(), forms.clear();
    } else if (line.rfind("# text", 0) == 0 && line.find('=') != std::string::npos) {
      // "# text = …", and in some files "# text =…"
      text = line.substr(line.find('=') + 1);
      const std::size_t first = text.find_first_not_of(' '), last = text.find_last_not_of(" \r");
      text = first == std::string::npos ? std::string() : text.substr(first, last - first + 1);
    } else if (line[0] != '#') {
      const std::size_t a = line.find('\t'), b = line.find('\t', a + 1);
      const std::string id = line.substr(0, a);
      if (a == std::string::npos || b == std::string::npos || id.find_first_not_of("0123456789") != std::string::npos)
        continue;  // multiword ranges and empty nodes
      forms.push_back(line.substr(a + 1, b - a - 1));
    }
  }
  flush();
  return out;
}

// The word list of the given sentences' words, after the base list.
std::string word_list_of(const std::string& base, const std::vector<const TreebankSentence*>& sentences) {
  std::set<std::string> entries;
  for (const TreebankSentence* s : sentences) entries.insert(s->lexicon_words.begin(), s->lexicon_words.end());
  std::string out = base;
  if (!out.empty() && out.back() != '\n') out += '\n';
  for (const std::string& e : entries) out += e + '\n';
  return out;
}

void score_segmentation(const TreebankSentence& s, SegmentationCounts& counts) {
  const std::u16string t = decode_utf8_lossy(s.text);
  std::vector<int> syllable(t.size() + 1, -1);
  int n = 0;
  for (std::size_t i = 0; i < t.size();) {
    if (t[i] == u' ') {
      ++i;
      continue;
    }
    while (i < t.size() && t[i] != u' ') syllable[i++] = n;
    ++n;
  }
  auto run = [&](std::size_t a, std::size_t b) {  // syllables overlapped by UTF-16 [a, b)
    int first = -1, last = -1;
    for (std::size_t k = a; k < b && k < t.size(); ++k)
      if (syllable[k] >= 0) {
        if (first < 0) first = syllable[k];
        last = syllable[k];
      }
    return std::make_pair(first, last);
  };
  std::set<std::pair<int, int>> gold, predicted;
  for (const auto& w : s.words) gold.insert(run(w.first, w.second));
  Doc doc;
  Options options;
  options.output.tokens = ListForm::kOmitted;
  options.language = "vi";
  std::vector<bool> covered(n, false);
  if (run_until_words(s.text, options, doc))
    for (const Word& w : doc.out.words) {
      const auto r = run(static_cast<std::size_t>(doc.text.to_input_start(w.span.start)),
                         static_cast<std::size_t>(doc.text.to_input_end(w.span.end)));
      if (r.first < 0) continue;
      bool overlaps = false;
      for (int k = r.first; k <= r.second; ++k) overlaps |= covered[k];
      if (overlaps) continue;  // a word over syllables another word holds: the first one counts
      for (int k = r.first; k <= r.second; ++k) covered[k] = true;
      predicted.insert(r);
    }
  for (int k = 0; k < n; ++k)
    if (!covered[k]) predicted.insert({k, k});
  counts.gold += static_cast<long>(gold.size());
  counts.predicted += static_cast<long>(predicted.size());
  for (const auto& w : predicted) counts.correct += gold.count(w);
}

std::string train_word_segmenter(const std::vector<TreebankSentence>& sentences, const WordTrainingOptions& options,
                                 void (*progress)(int epoch, double error_rate)) {
  set_word_segmenter(SequenceModel(), nullptr);
  std::vector<TrainingSequence> data;
  const int folds = std::max(1, options.folds);
  for (int fold = 0; fold < folds; ++fold) {
    std::vector<const TreebankSentence*> others, these;
    for (std::size_t i = 0; i < sentences.size(); ++i)
      (folds > 1 && static_cast<int>(i % folds) == fold ? these : others).push_back(&sentences[i]);
    if (folds == 1) these = others;
    set_word_list(word_list_of(options.base_words, others));
    for (const TreebankSentence* s : these) add_training_sequences(*s, options.clusters, data);
  }
  AveragedPerceptron model(word_labels());
  model.train(data, options.perceptron, progress);

  std::vector<const TreebankSentence*> all;
  for (const TreebankSentence& s : sentences) all.push_back(&s);
  set_word_list(word_list_of(options.base_words, all));
  return "AAWS" + model.serialize(options.min_weight);
}

}  // namespace article::internal
