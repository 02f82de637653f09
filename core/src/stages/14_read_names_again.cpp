// Stage 14: read_names_again.
//
// Names read again across their sentence and their article, after the entity stage:
// - A place the gazetteer names in full is not cut short: "tỉnh Bà Rịa Vũng Tàu" (written without the hyphen
//   of "Bà Rịa-Vũng Tàu") is one place, not "Bà Rịa Vũng". Names are compared with hyphens read as spaces.
// - A name in a list of people is a person: "Văn Hậu, Minh Dĩ, Hoàng Nam" (a name between two people, joined
//   by commas or "và"), unless a gazetteer knows it as a place.
// - One name, one sense in an article: a name written the same way as a person found more often elsewhere in
//   the article is that person, unless a gazetteer knows it as a place ("Công Phượng" after "ở").
// Gazetteers: data/places.tsv, gaz_vn_admin_units.tsv, gaz_countries.tsv.
#include <unordered_map>
#include <unordered_set>

#include "data.h"
#include "entity_edits.h"
#include "names.h"
#include "rule_words.h"

namespace article::internal {

namespace {

constexpr int kMostMissingSyllables = 3;

// "Bà Rịa - Vũng Tàu", "Bà Rịa-Vũng Tàu" → "Bà Rịa Vũng Tàu".
std::u16string without_hyphens(std::u16string_view name) {
  std::u16string out;
  for (char16_t c : name) {
    const bool space = c == u' ' || c == u'-' || c == u'–';
    if (!space)
      out += c;
    else if (!out.empty() && out.back() != u' ')
      out += u' ';
  }
  while (!out.empty() && out.back() == u' ') out.pop_back();
  return out;
}

struct Gazetteer {
  std::unordered_set<std::string> written;             // as the files write them
  std::unordered_set<std::u16string> without_hyphens;  // the same, hyphens read as spaces
};

const Gazetteer& gazetteer() {
  static const Gazetteer g = [] {
    Gazetteer out;
    for (DataFile file : {data::places_tsv, data::gaz_vn_admin_units_tsv, data::gaz_countries_tsv})
      for (const auto& row : data_rows(file)) {
        out.written.insert(row[0]);
        out.without_hyphens.insert(without_hyphens(decode_utf8_lossy(row[0])));
      }
    return out;
  }();
  return g;
}

class NameConsistency {
 public:
  NameConsistency(const Doc& doc, EntityList entities) : doc_(doc), list_(std::move(entities)) {}

  // The stage's product (the object is spent).
  EntityList run() && {
    complete_places();
    people_in_lists();
    one_sense_per_article();
    return std::move(list_);
  }

 private:
  int token_count() const { return static_cast<int>(doc_.tokens.size()); }
  std::u16string_view token(int t) const { return doc_.slice(doc_.tokens[t].span); }
  bool known_place(const Entity& e) const { return gazetteer().written.count(to_utf8(doc_.slice(e.span))) > 0; }

  void complete_places() {
    std::vector<Entity> found;
    std::vector<std::pair<int, int>> found_tokens;
    for (std::size_t e = 0; e < list_.entities.size(); ++e) {
      const Entity& place = list_.entities[e];
      if (place.type != EntityType::kLocation) continue;
      auto [b, end] = list_.tokens[e];
      int name = b;
      while (name < end && !is_name_word(doc_, name)) ++name;
      if (name == end) continue;
      // The capitalized syllables that follow, one space apart (a dash written in the text joins two names:
      // "Mỹ - Trung" is not the commune Mỹ Trung).
      int longest = 0;
      for (int t = end, added = 0; t < token_count() && added < kMostMissingSyllables; ++t, ++added) {
        if (doc_.tokens[t].sentence != place.sentence) break;
        if (!is_name_word(doc_, t) || !doc_.one_apart(t - 1, t)) break;
        const auto whole = doc_.slice(doc_.tokens[name].span.start, doc_.tokens[t].span.end);
        if (gazetteer().without_hyphens.count(without_hyphens(whole))) longest = t + 1;
      }
      if (longest == 0) continue;
      Entity whole = place;
      whole.span = doc_.span(doc_.tokens[b].span.start, doc_.tokens[longest - 1].span.end);
      whole.value = EntityValue{};
      whole.value.canonical = to_utf8(doc_.slice(doc_.tokens[name].span.start, doc_.tokens[longest - 1].span.end));
      found.push_back(std::move(whole));
      found_tokens.push_back({b, longest});
    }
    merge_entities(list_, std::move(found), std::move(found_tokens), static_cast<int>(doc_.tokens.size()));
  }

  // Entity k - 1 and entity k are listed together: one comma or "và" between them.
  bool listed_together(std::size_t k) const {
    const int gap_begin = list_.tokens[k - 1].second, gap_end = list_.tokens[k].first;
    return gap_end == gap_begin + 1 &&
           (token(gap_begin) == u"," || is_rule_word(RuleWord::kConjunction, doc_.info[gap_begin].lower()));
  }

  void people_in_lists() {
    auto& entities = list_.entities;
    for (std::size_t k = 1; k + 1 < entities.size(); ++k)
      if (entities[k].type == EntityType::kLocation && entities[k - 1].type == EntityType::kPerson &&
          entities[k + 1].type == EntityType::kPerson && listed_together(k) && listed_together(k + 1) &&
          !known_place(entities[k]))
        make_person(entities[k]);
  }

  void one_sense_per_article() {
    std::unordered_map<std::u16string_view, int> people_minus_places;  // per written form
    for (const Entity& e : list_.entities)
      if (e.type == EntityType::kPerson || e.type == EntityType::kLocation)
        people_minus_places[doc_.slice(e.span)] += e.type == EntityType::kPerson ? 1 : -1;
    for (Entity& e : list_.entities)
      if (e.type == EntityType::kLocation && people_minus_places[doc_.slice(e.span)] > 0 && !known_place(e))
        make_person(e);
  }

  static void make_person(Entity& e) {
    e.type = EntityType::kPerson;
    e.value = EntityValue{};
  }

  const Doc& doc_;
  EntityList list_;  // the entities so far, which the stage revises and returns
};

}  // namespace

EntityList read_names_again(const Doc& doc, EntityList entities) {
  return NameConsistency(doc, std::move(entities)).run();
}

}  // namespace article::internal
