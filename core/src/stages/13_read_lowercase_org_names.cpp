// Stage 13: read_lowercase_org_names.
//
// Organizations whose name runs through lowercase words to the place it is of: "Hội sinh viên Việt Nam",
// "Nhà hát giao hưởng nhạc vũ kịch TP HCM" (GUIDE.md: lowercase words inside a name belong to it). The model
// reads the capitalized place at the end as a place of its own; a capitalized head word written as a word
// of its own ("Hội", not the "Hội" of "Hội nghị"), then lowercase content words, then that
// place, are one organization, and the place is named inside it. The head is one that takes such words
// (data/descriptive_org_heads.txt); the words are not verbs, function words or speech cues
// (data/role_breakers.txt, stopwords.txt, speech_cues.tsv, org_name_breakers.txt). At a sentence's start a
// capital says nothing, so the head must stand inside the sentence.
#include "entity_edits.h"
#include "names.h"

namespace article::internal {

namespace {

constexpr int kMostLowercaseWords = 6;  // "giao hưởng nhạc vũ kịch" is five

class LowercaseOrgNames {
 public:
  LowercaseOrgNames(const Doc& doc, EntityList entities) : doc_(doc), list_(std::move(entities)) {
    place_at_.assign(doc_.tokens.size() + 1, -1);
    for (std::size_t e = 0; e < list_.entities.size(); ++e)
      if (list_.entities[e].type == EntityType::kLocation) place_at_[list_.tokens[e].first] = static_cast<int>(e);
  }

  // The stage's product (the object is spent).
  EntityList run() && {
    std::vector<Entity> found;
    std::vector<std::pair<int, int>> found_tokens;
    for (int si = 0; si < static_cast<int>(doc_.out.sentences.size()); ++si) {
      const int begin = doc_.sentence_token_begin(si), end = doc_.sentence_token_end(si);
      for (int t = begin + 1; t < end; ++t) {
        const int place = place_after_head(t, end);
        if (place < 0) continue;
        const int last = list_.tokens[place].second;
        Entity org;
        org.type = EntityType::kOrganization;
        org.span = doc_.span(doc_.tokens[t].span.start, doc_.tokens[last - 1].span.end);
        org.sentence = si;
        found.push_back(std::move(org));
        found_tokens.push_back({t, last});
        list_.nested_places.push_back({list_.entities[place].span, si});
        t = last - 1;
      }
    }
    merge_entities(list_, std::move(found), std::move(found_tokens), static_cast<int>(doc_.tokens.size()));
    return std::move(list_);
  }

 private:
  // The place entity that ends the organization whose head is at t, or -1.
  int place_after_head(int t, int end) const {
    if (!doc_.info[t].upper_start || doc_.info[t].all_upper) return -1;
    const int head = match_phrase(doc_, data::descriptive_org_heads_txt, t, end);
    if (head == 0 || doc_.word_length[t] > head) return -1;
    int k = t + head;
    for (int words = 0; k < end && words < kMostLowercaseWords; ++words) {
      if (!doc_.one_apart(k - 1, k)) return -1;
      if (place_at_[k] >= 0) return words > 0 ? place_at_[k] : -1;
      const TokenInfo& info = doc_.info[k];
      if (!info.is_word || info.upper_start || breaks_name(k, end)) return -1;
      ++k;
    }
    return -1;
  }

  bool breaks_name(int k, int end) const {
    for (DataFile list : {data::role_breakers_txt, data::stopwords_txt, data::locative_prepositions_txt,
                          data::speech_cues_tsv, data::org_name_breakers_txt})
      if (match_phrase(doc_, list, k, end) > 0) return true;
    return false;
  }

  const Doc& doc_;
  EntityList list_;            // the entities so far, which the stage revises and returns
  std::vector<int> place_at_;  // the location entity starting at token t, or -1
};

}  // namespace

EntityList read_lowercase_org_names(const Doc& doc, EntityList entities) {
  return LowercaseOrgNames(doc, std::move(entities)).run();
}

}  // namespace article::internal
