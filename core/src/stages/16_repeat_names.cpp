// Stage 16: repeat_names.
//
// English: a name found once is the same name wherever the article writes it again and nothing else was found
// there ("Essex" of a results table, then "Essex, however, look certain …"), in capitals too ("ESSEX CLOSE IN
// ON TITLE", "ROTTERDAM (Reuters) -" after "Rotterdam"). The rules type a name by what stands around it (a
// title, a score, a legal form), which its other mentions may lack; so this runs after every stage that types
// names from their context.
// - A mention is the same words, capitalized the same way or all in capitals, as a whole run of capitalized
//   words ("Essex" in "Essex County" is not one), where no entity was found.
// - A name typed two ways takes, at every mention, the type it has more often ("Kerrow" a club in two result
//   lines and, to the model, a person in the prose); a tie changes nothing.
// - A one-word name that is also an ordinary word (en_common_words.txt: "Nice", "Real") is not repeated: its
//   other mentions may be the word.
#include <algorithm>
#include <unordered_map>

#include "data.h"
#include "entity_edits.h"

namespace article::internal {

namespace {

constexpr int kLongestName = 6;  // tokens: longer names are not looked for again

class NameRepeats {
 public:
  NameRepeats(const Doc& doc, EntityList entities) : doc_(doc), list_(std::move(entities)) {}

  struct Name {
    int first = 0, length = 0;       // a mention's tokens
    std::size_t entity = 0;          // the entity whose type and value the other mentions take
    std::vector<std::size_t> found;  // the entities of these words so far
  };

  // The stage's product (the object is spent).
  EntityList run() && {
    static const auto& common_words = data_set(data::en_common_words_txt);
    const int count = token_count();
    std::vector<bool> taken(count, false);
    for (const auto& [b, e] : list_.tokens)
      for (int t = b; t < e; ++t) taken[t] = true;
    // The words of tokens [b, e) as written, one space apart, in one buffer reused for every lookup.
    std::u16string buffer;
    auto words_of = [&](int b, int e) -> const std::u16string& {
      buffer.clear();
      for (int t = b; t < e; ++t) {
        if (t > b) buffer += u' ';
        buffer += token(t);
      }
      return buffer;
    };
    // The same in lowercase (UTF-8), for names written in capitals.
    auto lowercase_words_of = [&](int b, int e) {
      std::string out;
      for (int t = b; t < e; ++t) {
        if (t > b) out += ' ';
        out += doc_.info[t].lower();
      }
      return out;
    };
    std::unordered_map<std::u16string, Name> names;  // by the words as written
    for (std::size_t e = 0; e < list_.entities.size(); ++e) {
      const Entity& entity = list_.entities[e];
      if (entity.type != EntityType::kPerson && entity.type != EntityType::kOrganization &&
          entity.type != EntityType::kLocation)
        continue;
      const auto [b, end] = list_.tokens[e];
      if (end - b > kLongestName || doc_.info[b].all_upper) continue;
      bool capitalized = true;
      for (int t = b; t < end && capitalized; ++t) capitalized = doc_.info[t].upper_start || doc_.info[t].is_punct;
      if (!capitalized || (end - b == 1 && common_words.count(doc_.info[b].lower()))) continue;
      Name& name = names.try_emplace(words_of(b, end), Name{b, end - b, e, {}}).first->second;
      name.found.push_back(e);
    }
    add_short_company_names(names, words_of);
    if (names.empty()) return std::move(list_);
    // The type of most mentions, where one type has more than any other, is every mention's.
    std::unordered_map<std::string, const Name*> in_capitals;  // by the lowercase words
    for (auto& [written, name] : names) {
      static_assert(static_cast<int>(EntityType::kPerson) == 0 && static_cast<int>(EntityType::kOrganization) == 1 &&
                    static_cast<int>(EntityType::kLocation) == 2);
      int mentions[3] = {0, 0, 0};  // by type
      for (std::size_t e : name.found) ++mentions[static_cast<int>(list_.entities[e].type)];
      const int best = static_cast<int>(std::max_element(mentions, mentions + 3) - mentions);
      const bool majority = std::count(mentions, mentions + 3, mentions[best]) == 1;
      for (std::size_t e : name.found)
        if (static_cast<int>(list_.entities[e].type) == best) {
          name.entity = e;
          break;
        }
      if (majority)
        for (std::size_t e : name.found)
          if (static_cast<int>(list_.entities[e].type) != best) {
            list_.entities[e].type = list_.entities[name.entity].type;
            list_.entities[e].value = list_.entities[name.entity].value;
          }
      in_capitals.try_emplace(lowercase_words_of(name.first, name.first + name.length), &name);
    }
    auto name_word = [&](int t) { return t >= 0 && t < count && doc_.info[t].is_word && doc_.info[t].upper_start; };
    std::vector<Entity> found;
    std::vector<std::pair<int, int>> found_tokens;
    std::string capitals;  // the words in capitals looked up, reused
    for (int b = 0; b < count; ++b) {
      if (taken[b] || !name_word(b)) continue;
      const int si = doc_.tokens[b].sentence;
      if (doc_.in_byline_or_header(si)) continue;
      const Name* name = nullptr;
      int e = b;
      if (doc_.info[b].all_upper) {
        // In capitals, the longest name that starts here: a headline runs its words together ("ESSEX CLOSE IN").
        capitals.clear();
        for (int k = b; k < count && k - b < kLongestName && doc_.tokens[k].sentence == si && !taken[k] &&
                        name_word(k) && doc_.info[k].all_upper && (k == b || doc_.one_apart(k - 1, k));
             ++k) {
          if (k > b) capitals += ' ';
          capitals += doc_.info[k].lower();
          if (const auto it = in_capitals.find(capitals); it != in_capitals.end()) name = it->second, e = k + 1;
        }
      } else if (b == 0 || !name_word(b - 1) || !doc_.one_apart(b - 1, b)) {
        e = b + 1;  // the whole capitalized run
        while (e < count && doc_.tokens[e].sentence == si && name_word(e) && doc_.one_apart(e - 1, e) && !taken[e]) ++e;
        const bool runs_on = e < count && taken[e] && doc_.tokens[e].sentence == si && doc_.one_apart(e - 1, e);
        if (const auto it = names.find(words_of(b, e)); it != names.end() && !runs_on) name = &it->second;
      }
      if (!name) continue;
      const Entity& source = list_.entities[name->entity];
      Entity mention = source;
      mention.span = doc_.span(doc_.tokens[b].span.start, doc_.tokens[e - 1].span.end);
      mention.sentence = si;
      // In capitals, or short for a company's full name: the name as the article writes it in full, so that
      // the cast lists one organization with every mention.
      const bool shorter = e - b < list_.tokens[name->entity].second - list_.tokens[name->entity].first;
      if ((doc_.info[b].all_upper || shorter) && mention.value.canonical.empty())
        mention.value.canonical = to_utf8(doc_.slice(source.span));
      found.push_back(std::move(mention));
      found_tokens.push_back({b, e});
      b = e - 1;
    }
    merge_entities(list_, std::move(found), std::move(found_tokens), count);
    return std::move(list_);
  }

 private:
  // "Pirelli" after "Pirelli SpA", "Kia Motor" and "Kia" after "Kia Motor Corp": a company named once with its
  // legal form (en_company_suffixes.txt) is named without it too, and by its first word where that is no
  // ordinary word ("General" of "General Motors Corp" is). The full names found keep their own entries.
  template <typename WordsOf>
  void add_short_company_names(std::unordered_map<std::u16string, Name>& names, const WordsOf& words_of) const {
    static const auto& legal_forms = data_set(data::en_company_suffixes_txt, true);
    static const auto& common_words = data_set(data::en_common_words_txt);
    for (std::size_t e = 0; e < list_.entities.size(); ++e) {
      if (list_.entities[e].type != EntityType::kOrganization) continue;
      const auto [b, end] = list_.tokens[e];
      if (end - b > kLongestName || doc_.info[b].all_upper || !doc_.info[b].upper_start) continue;
      int stem = end;
      while (stem > b && doc_.info[stem - 1].is_punct) --stem;
      const int with_form = stem;
      while (stem > b + 1 && legal_forms.count(doc_.info[stem - 1].lower())) --stem;
      while (stem > b + 1 && doc_.info[stem - 1].is_punct) --stem;  // "Cofinec S.A.", "Acme, Inc."
      if (stem == with_form) continue;
      names.try_emplace(words_of(b, stem), Name{b, stem - b, e, {}});
      if (stem - b >= 2 && !common_words.count(doc_.info[b].lower()))
        names.try_emplace(words_of(b, b + 1), Name{b, 1, e, {}});
    }
  }

  int token_count() const { return static_cast<int>(doc_.tokens.size()); }
  std::u16string_view token(int t) const { return doc_.slice(doc_.tokens[t].span); }

  const Doc& doc_;
  EntityList list_;  // the entities so far, which the stage revises and returns
};

}  // namespace

EntityList repeat_names(const Doc& doc, EntityList entities) {
  if (doc.out.language != "en") return entities;
  return NameRepeats(doc, std::move(entities)).run();
}

}  // namespace article::internal
