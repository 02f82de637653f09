// Stage 12: read_addresses.
//
// Addresses, read after the names are found: the places an address names that neither the model nor the
// gazetteer reads as names.
// - Numbered districts and wards ("quận 12", "phường 5"): the level word and the number are the name
//   (data/numbered_place_levels.txt).
// - Streets after their word ("đường Láng", "phố Hàng Bông", "đường Trần Hưng Đạo"): the street is the place,
//   named with its word, and the name in it is not a person (GUIDE.md); data/street_words.txt. Not after a
//   word that makes it a way between places ("tuyến đường Hà Nội – Hải Phòng", data/route_words.txt).
// - The street of a house number written before its district ("68 Hàng Bông (quận Hoàn Kiếm)", "51 Lê Đại
//   Hành, quận Hai Bà Trưng").
// A place found here replaces the entities it overlaps ("Trần Hưng Đạo" read as a person, "Huế" in "phố
// Huế", the number "12"), unless a name already holds it whole ("Công an phường 5"): merge_entities.
#include <algorithm>

#include "entity_edits.h"
#include "names.h"

namespace article::internal {

namespace {

constexpr int kLongestStreetName = 5;  // syllables ("Nguyễn Thị Minh Khai")

class AddressReader {
 public:
  AddressReader(const Doc& doc, EntityList entities) : doc_(doc), list_(std::move(entities)) {}

  // The stage's product (the object is spent).
  EntityList run() && {
    std::vector<Entity> found;
    std::vector<std::pair<int, int>> found_tokens;
    for (int si = 0; si < static_cast<int>(doc_.out.sentences.size()); ++si) {
      if (doc_.in_byline_or_header(si)) continue;  // as in the entity stage
      const int begin = doc_.sentence_token_begin(si), end = doc_.sentence_token_end(si);
      for (int t = begin; t < end; ++t) {
        const auto [b, e] = place_at(t, begin, end);
        if (e <= b) continue;
        Entity place;
        place.type = EntityType::kLocation;
        place.span = doc_.span(doc_.tokens[b].span.start, doc_.tokens[e - 1].span.end);
        place.value.canonical = to_utf8(doc_.slice(place.span));
        place.sentence = si;
        found.push_back(std::move(place));
        found_tokens.push_back({b, e});
        t = e - 1;
      }
    }
    merge_entities(list_, std::move(found), std::move(found_tokens), static_cast<int>(doc_.tokens.size()));
    return std::move(list_);
  }

 private:
  int token_count() const { return static_cast<int>(doc_.tokens.size()); }
  std::u16string_view token(int t) const { return doc_.slice(doc_.tokens[t].span); }

  // Capitalized words from t joined by single spaces, at most `limit`, before `end`; not into a word that
  // opens a sentence a missing full stop did not close ("đường Võ Nguyên Giáp Theo đó, …").
  int name_run(int t, int end, int limit) const {
    int n = 0;
    while (n < limit && t + n < end && is_name_word(doc_, t + n) &&
           (n == 0 ||
            (doc_.one_apart(t + n - 1, t + n) && match_phrase(doc_, data::sentence_starters_txt, t + n, end) == 0)))
      ++n;
    return n;
  }

  // A word written in lowercase, or capitalized only because it opens the sentence.
  bool common_word(int t, int sentence_begin) const { return !doc_.info[t].upper_start || t == sentence_begin; }

  // The token range of the address place starting at or right after t, or an empty range.
  std::pair<int, int> place_at(int t, int sentence_begin, int end) const {
    if (!common_word(t, sentence_begin) && !doc_.info[t].is_number) return {0, 0};
    if (const int n = match_phrase(doc_, data::numbered_place_levels_txt, t, end);
        n > 0 && t + n < end && doc_.one_apart(t + n - 1, t + n) && unit_number(t + n))
      return {t, t + n + 1};
    if (const int n = match_phrase(doc_, data::street_words_txt, t, end);
        n > 0 && t + n < end && doc_.one_apart(t + n - 1, t + n)) {
      // The street word starts a word of its own: "phố" in "thành phố Hà Nội" does not.
      if (doc_.word_length[t] == 0) return {0, 0};
      if (t > sentence_begin && match_phrase(doc_, data::route_words_txt, t - 1, t) == 1) return {0, 0};
      // A street is named by a word, not a letter ("đường A" is a lane in a plan).
      if (token(t + n).size() < 2) return {0, 0};
      const int run = name_run(t + n, end, kLongestStreetName);
      const int after = t + n + run;
      // "đường Hà Nội – Hải Phòng" is a route too.
      const bool route =
          after + 1 < end && (token(after) == u"–" || token(after) == u"-") && is_name_word(doc_, after + 1);
      if (run > 0 && !route) return {t, after};
    }
    if (doc_.info[t].is_number && t + 1 < end && doc_.one_apart(t, t + 1) &&
        !(t > sentence_begin && doc_.info[t - 1].is_number)) {
      const int run = name_run(t + 1, end, kLongestStreetName);
      const int after = t + 1 + run;
      if (run > 0 && after + 1 < end && (token(after) == u"(" || token(after) == u",") &&
          match_phrase(doc_, data::place_levels_tsv, after + 1, end) > 0)
        return {t + 1, after};
    }
    return {0, 0};
  }

  // The number of a district or ward: one or two digits ("quận 12", not "quận 1.000"). A count is written
  // before the noun ("5 phường"), so a number after the level word is the unit's name.
  bool unit_number(int t) const {
    const std::u16string_view n = token(t);
    return doc_.info[t].is_number && n.size() <= 2 &&
           std::all_of(n.begin(), n.end(), [](char16_t c) { return c >= u'0' && c <= u'9'; });
  }

  const Doc& doc_;
  EntityList list_;  // the entities so far, which the stage revises and returns
};

}  // namespace

EntityList read_addresses(const Doc& doc, EntityList entities) { return AddressReader(doc, std::move(entities)).run(); }

}  // namespace article::internal
