// Stage 20: rank_keywords.
//
// Keywords for tagging: the article's multi-syllable words and names, ranked by frequency weighted by where
// they occur (title ×3, lead ×2) and by length, function words left out (data/stopwords.txt).
#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "data.h"
#include "pipeline.h"

namespace article::internal {

std::vector<Keyword> rank_keywords(const Doc& doc) {
  static const auto& stop = data_set(data::stopwords_txt, true);
  struct Candidate {
    std::string text;
    double score = 0;
    int count = 0;
    std::size_t first = 0;
  };
  std::unordered_map<std::string, Candidate> candidates;
  // Blocks are in text order: find the one holding a position by binary search.
  auto weight_at = [&](std::int64_t pos) {
    const auto& blocks = doc.out.blocks;
    auto it = std::upper_bound(blocks.begin(), blocks.end(), pos,
                               [](std::int64_t p, const Block& b) { return p < b.span.start; });
    if (it == blocks.begin()) return 1.0;
    const Block& b = *(it - 1);
    if (pos >= b.span.end) return 1.0;
    return b.type == BlockType::kTitle    ? 3.0
           : b.type == BlockType::kLead   ? 2.0
           : b.type == BlockType::kByline ? 0.0
                                          : 1.0;
  };
  // The lowercase text of a word whose syllables are tokens [t, t + syllables): their lowercase forms (which
  // tokenize made once per form) and what stands between them, as lower_utf8 of the word's text would give
  // (it lowercases code point by code point). Null if the tokens do not make up exactly the word.
  std::string built;
  auto lower_word = [&](const Span& span, std::size_t t, int syllables) -> const std::string* {
    const std::size_t last = t + static_cast<std::size_t>(syllables) - 1;
    if (last >= doc.tokens.size() || doc.tokens[t].span.start != span.start || doc.tokens[last].span.end != span.end)
      return nullptr;
    built.clear();
    for (std::size_t k = t; k <= last; ++k) {
      if (k > t) {
        const std::u16string_view gap = doc.slice(doc.tokens[k - 1].span.end, doc.tokens[k].span.start);
        if (gap == u" ")
          built += ' ';
        else
          built += lower_utf8(gap);
      }
      if (doc.info[k].is_word)
        built += doc.info[k].lower();
      else
        built += lower_utf8(doc.slice(doc.tokens[k].span));
    }
    return &built;
  };
  auto consider = [&](const Span& span, const std::string& written, bool proper, int syllables, double boost,
                      const std::string* lowered = nullptr) {
    // One candidate per word whatever its case; a name keeps its written form for display.
    const std::string key = lowered  ? *lowered
                            : proper ? lower_utf8(decode_utf8_lossy(written))
                                     : lower_utf8(doc.slice(span));
    if (stop.count(key) || key.size() < 2) return;
    const double w = weight_at(span.start);
    if (w == 0) return;
    auto [it, inserted] = candidates.try_emplace(key);
    if (inserted) {
      it->second.text = proper ? written : key;
      it->second.first = candidates.size();
    } else if (proper) {
      it->second.text = written;
    }
    it->second.score += w * (1.0 + 0.25 * (syllables - 1)) * boost;
    ++it->second.count;
  };
  if (doc.out.language == "en") {
    // Every word of four units or more, which recur: summed per lowercase form (TokenInfo::form) in text
    // order, then made candidates in the order of their first use, as one call per occurrence would (the
    // same sums, the same order), without lowercasing and hashing each occurrence.
    struct FormTotal {
      double score = 0;
      int count = 0;
    };
    std::vector<FormTotal> totals(doc.lower_forms.size());
    std::vector<const TokenInfo*> first_use;  // a token of each form, in the order of first use
    for (std::size_t t = 0; t < doc.tokens.size(); ++t) {
      const DocToken& token = doc.tokens[t];
      const TokenInfo& info = doc.info[t];
      if (token.kind != TokenKind::kWord || token.span.end - token.span.start < 4 || info.form < 0) continue;
      const std::string& key = info.lower();
      if (stop.count(key) || key.size() < 2) continue;
      const double w = weight_at(token.span.start);
      if (w == 0) continue;
      FormTotal& total = totals[static_cast<std::size_t>(info.form)];
      if (total.count++ == 0) first_use.push_back(&info);
      total.score += w;  // w * (1 + 0.25 * (1 - 1)) * 1, as consider() weighs a one-syllable word
    }
    for (const TokenInfo* info : first_use) {
      const FormTotal& total = totals[static_cast<std::size_t>(info->form)];
      Candidate& c = candidates.try_emplace(info->lower()).first->second;
      c.text = info->lower();
      c.first = candidates.size();
      c.score += total.score;
      c.count = total.count;
    }
  } else {
    std::size_t t = 0;  // the first token of word w: words and tokens are both in text order
    for (const Word& w : doc.out.words) {
      if (w.syllables < 2 || w.proper) continue;
      while (t < doc.tokens.size() && doc.tokens[t].span.start < w.span.start) ++t;
      consider(w.span, {}, false, w.syllables, 1.0,
               t < doc.tokens.size() ? lower_word(w.span, t, w.syllables) : nullptr);
    }
  }
  for (const Entity& e : doc.out.entities)
    if (e.type == EntityType::kPerson || e.type == EntityType::kOrganization || e.type == EntityType::kLocation) {
      const std::string name = !e.value.canonical.empty() ? e.value.canonical : to_utf8(doc.slice(e.span));
      consider(e.span, name, true, 2, 1.5);
    }
  std::vector<Candidate> ranked;
  for (auto& [key, c] : candidates)
    if (c.count >= 2 || c.score >= 3) ranked.push_back(c);
  std::sort(ranked.begin(), ranked.end(), [](const Candidate& a, const Candidate& b) {
    return a.score != b.score ? a.score > b.score : a.first < b.first;
  });
  if (ranked.size() > 15) ranked.resize(15);
  const double top = ranked.empty() ? 1.0 : ranked.front().score;
  std::vector<Keyword> keywords;
  for (const Candidate& c : ranked) keywords.push_back({c.text, c.score / top, c.count});
  return keywords;
}

}  // namespace article::internal
