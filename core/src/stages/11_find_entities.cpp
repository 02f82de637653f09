// Stage 11: find_entities.
//
// Entities: dates and times, numbers and what they measure, and the names of organizations, places and
// people, found left to right in each sentence; at each token the first recognizer that matches wins, in
// this order: date/time, number, organization, place, person. Header and byline blocks are skipped (the
// byline's name is the author, not a person mentioned).
//
// Vietnamese names are told apart by context and data, not by capitals alone (every element of an official
// name is capitalized): data/places.tsv and place levels ("tỉnh", "huyện", "TX") for places, head words
// (data/org_heads.tsv) and abbreviations (data/abbreviations.tsv) for organizations, family names, titles
// and forms of address (data/surnames.txt, titles.tsv, honorifics.tsv) for people.
#include <unicode/uchar.h>

#include <algorithm>
#include <iterator>
#include <unordered_map>

#include "data.h"
#include "entity_model.h"
#include "matchers.h"
#include "names.h"
#include "rule_words.h"
#include "scan.h"
#include "string_table.h"

namespace article::internal {

namespace {

struct AbbreviationInfo {
  std::string expansion;
  // The entity type it names, if it names an organization or a place (the data's kind column also has
  // place_level and other).
  std::optional<EntityType> names;
};

const std::unordered_map<std::string, AbbreviationInfo>& abbreviation_table() {
  static const auto table = [] {
    std::unordered_map<std::string, AbbreviationInfo> m;
    for (const auto& row : data_rows(data::abbreviations_tsv))
      if (row.size() >= 3) m[row[0]] = {row[1], entity_type_from_json_name(row[2])};
    return m;
  }();
  return table;
}

const std::unordered_map<std::string, std::string>& gazetteer() { return data_map(data::places_tsv); }

// The UTF-16 code units keys begin with (a key beyond the BMP, by its high surrogate): a token that begins
// with no such unit is none of the keys, which saves converting it to look it up.
template <class Keys, class KeyOf>
std::vector<bool> first_units_of(const Keys& keys, KeyOf key_of) {
  std::vector<bool> units(0x10000, false);
  for (const auto& entry : keys) {
    const std::u16string first = decode_utf8_lossy(std::string_view(key_of(entry)).substr(0, 4));
    if (!first.empty()) units[first[0]] = true;
  }
  return units;
}

// The code units the abbreviations begin with: a token that begins with another is none of them.
const std::vector<bool>& abbreviation_first_units() {
  static const std::vector<bool> units =
      first_units_of(abbreviation_table(), [](const auto& entry) -> const std::string& { return entry.first; });
  return units;
}

// "ban Dân vận Tỉnh ủy" → "Ban Dân vận Tỉnh ủy": an organization written after a title ("Trưởng ban …")
// is named with its head word capitalized.
std::string capitalize_first(const std::string& utf8) {
  std::u16string s = decode_utf8_lossy(utf8);
  if (!s.empty()) s[0] = static_cast<char16_t>(u_toupper(s[0]));
  return to_utf8(s);
}

// "MOSCOW" → "Moscow", "PHNOM PENH" → "Phnom Penh" (ASCII letters; all-caps datelines and headlines).
std::string title_case(std::string s) {
  bool start = true;
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z' && !start) c = static_cast<char>(c + 32);
    start = c == ' ' || c == '-';
  }
  return s;
}

class EntityFinder {
 public:
  EntityFinder(const Doc& doc, EntityList& found) : doc_(doc), found_(found) {
    std::string reference = doc.out.article.date;
    if (reference.empty()) reference = doc.options.reference_date;
    if (!doc.options.reference_date.empty() && doc.options.reference_date.size() > reference.size() &&
        doc.options.reference_date.compare(0, reference.size(), reference) == 0)
      reference = doc.options.reference_date;  // a fuller date that agrees with the article's own
    ref_ = parse_reference(reference);
    english_ = doc.out.language == "en";
    // Photographers named in a credit ("Photo: Maria Lopez") are not people of the story (GUIDE.md).
    if (english_)
      for (const Block& b : doc.out.blocks)
        if (b.credit) credits_.push_back({b.credit->start, b.credit->end});
  }

  void run() {
    for (int si = 0; si < static_cast<int>(doc_.out.sentences.size()); ++si)
      if (!skipped(si)) scan_sentence(si);
    apply_model();
    given_name_mentions();
    byline_sources();
  }

  // The outlet a byline credits is an organization (GUIDE.md: "Credits are organizations, not authors"):
  // "Theo VnExpress", "Theo Thiên Sơn / Reatimes", "Thế Kha - Dân Trí", "Theo Đức Nguyễn (Báo Bóng đá)". The
  // author's own name is not a person of the story.
  void byline_sources() {
    bool added = false;
    for (int si = 0; si < static_cast<int>(doc_.out.sentences.size()); ++si) {
      const int block = doc_.out.sentences[si].block;
      if (block < 0 || doc_.out.blocks[block].type != BlockType::kByline) continue;
      const int begin = doc_.sentence_token_begin(si), end = doc_.sentence_token_end(si);
      std::vector<std::pair<int, int>> sources;
      int t = begin;
      if (t < end && lower(t) == "(") ++t;
      const bool theo = t < end && is_rule_word(RuleWord::kBylineFrom, lower(t));
      if (theo) ++t;
      int close = t;
      while (close < end && lower(close) != "(" && lower(close) != ")") ++close;
      int separator = -1;
      for (int k = t; k < close && separator < 0; ++k)
        if (lower(k) == "/" || lower(k) == "|" ||
            ((lower(k) == "-" || lower(k) == "–") && doc_.tokens[k].span.start > doc_.tokens[k - 1].span.end &&
             !reads_as_personal_name(
                 doc_.slice(doc_.tokens[k + 1 < close ? k + 1 : k].span.start, doc_.tokens[close - 1].span.end))))
          separator = k;
      if (separator >= 0)
        sources.push_back({separator + 1, close});
      else if (theo && (close == end || lower(close) == ")"))
        sources.push_back({t, close});
      if (close < end && lower(close) == "(") {  // "(Báo Bóng đá)", but not "(T/h)" or "(Tổng hợp)"
        int shut = close + 1;
        while (shut < end && lower(shut) != ")") ++shut;
        const std::string note = lower_utf8(doc_.slice(doc_.tokens[std::min(close + 1, end - 1)].span.start,
                                                       doc_.tokens[std::max(close, shut - 1)].span.end));
        const int from = close + 1 < shut && is_rule_word(RuleWord::kBylineFrom, lower(close + 1))
                             ? close + 2
                             : close + 1;  // "NM (Theo Sputnik)"
        if (shut > from && !contains_rule_word(RuleWord::kCompiledNote, note)) sources.push_back({from, shut});
      }
      for (const auto& [b, e] : sources) {
        if (e <= b || e - b > 6 || !capitalized(b)) continue;
        add(si, b, e, EntityType::kOrganization);
        added = true;
      }
    }
    if (added) sort_entities();
  }

 private:
  bool skipped(int si) const { return doc_.in_byline_or_header(si); }

  // With an entity model loaded, people, organizations and places are the model's: it reads the rules' names
  // as one of its features and decides (in English it only adds names; below). Dates and figures stay the
  // rules' (where they do not overlap a name).
  void apply_model() {
    const EntityModel* model = entity_model(english_);
    if (!model) return;
    std::vector<std::pair<int, NameSpan>> names;  // sentence, span
    std::vector<bool> named(doc_.tokens.size(), false);
    {  // the features go before the entities are rebuilt: on a large document both are large
      const RuleTags rules = rule_tags(found_, doc_.tokens.size());
      // (A model not loaded by set_entity_model has no number to key a memo by.)
      const EntityFeatureExtractor features(doc_, rules, model->clusters,
                                            model->generation ? &form_memo(*model) : nullptr);
      const EntityTagger tagger(*model, features);
      for (int si = 0; si < static_cast<int>(doc_.out.sentences.size()); ++si) {
        if (skipped(si)) continue;
        std::vector<NameSpan> found = tagger.sentence(doc_.sentence_token_begin(si), doc_.sentence_token_end(si));
        for (std::size_t k = 0; k < found.size(); ++k) {
          NameSpan& n = found[k];
          const int limit = k + 1 < found.size() ? found[k + 1].begin : doc_.sentence_token_end(si);
          n.end = whole_word_end(n.end, limit, n.type);
          for (const NameSpan& part : split_holder(n)) {
            names.push_back({si, part});
            for (int t = part.begin; t < part.end; ++t) named[t] = true;
          }
        }
      }
    }
    std::vector<Entity> rule_entities = std::move(found_.entities);
    std::vector<std::pair<int, int>> rule_tokens = std::move(found_.tokens);
    found_.entities.clear();
    found_.tokens.clear();
    found_.nested_places.clear();
    person_names_.clear();
    // A sum of money whose currency names a country ("5,88 tỷ đô la Mỹ", "10 triệu bảng Anh"; units.tsv)
    // holds no place of the story: the rules' figure stays, and the model's places inside it go.
    for (std::size_t e = 0; e < rule_entities.size(); ++e) {
      if (rule_entities[e].type != EntityType::kMoney) continue;
      const auto [b, end] = rule_tokens[e];
      bool only_places_inside = false;
      for (const auto& [si, n] : names)
        if (n.begin < end && n.end > b) {
          only_places_inside = n.type == NameType::kLocation && n.begin > b && n.end <= end;
          if (!only_places_inside) break;
        }
      if (!only_places_inside) continue;
      names.erase(std::remove_if(names.begin(), names.end(),
                                 [&, b = b, end = end](const auto& name) {
                                   return name.second.begin < end && name.second.end > b;
                                 }),
                  names.end());
      for (int t = b; t < end; ++t) named[t] = false;
    }
    // In English the model adds the names the rules missed and leaves the rules' own names as they are (but
    // for the people they found only by default: retype_unsure_people). It is
    // trained on 70 GUM documents (news, interviews, academic and court texts), whose conventions differ from
    // news wire ("Sweden" the team is an organization there); a first version that replaced the rules' names
    // scored 0.705 on CoNLL-2003 against their 0.787. As a second opinion where the rules say nothing it gains
    // on GUM documents held out of its training (0.472 → 0.550) and holds CoNLL (0.791). Nor does it add a
    // name over the rules' dates and figures ("July 4"), or where the rules know a word names nobody ("in
    // July", "Iraqi"). See core/data/model/README.md.
    const bool adds_only = english_;
    std::vector<bool> dropped(rule_entities.size(), false);  // the rules' people the model unseats
    if (adds_only) {
      dropped = retype_unsure_people(rule_entities, rule_tokens, names);
      std::vector<bool> rule_named = names_nobody_;
      rule_named.resize(doc_.tokens.size(), false);
      for (std::size_t e = 0; e < rule_entities.size(); ++e)
        for (int t = rule_tokens[e].first; t < rule_tokens[e].second; ++t) rule_named[t] = true;
      names.erase(std::remove_if(names.begin(), names.end(),
                                 [&](const auto& name) {
                                   for (int t = name.second.begin; t < name.second.end; ++t)
                                     if (rule_named[t]) return true;
                                   return false;
                                 }),
                  names.end());
      std::fill(named.begin(), named.end(), false);
      for (const auto& [si, n] : names)
        for (int t = n.begin; t < n.end; ++t) named[t] = true;
    }
    // The rules' dates and figures that no name of the model overlaps stay.
    std::vector<std::size_t> kept;
    for (std::size_t e = 0; e < rule_entities.size(); ++e) {
      bool overlaps = !adds_only && name_type_of(rule_entities[e].type) != NameType::kNone;
      if (dropped[e]) continue;
      for (int t = rule_tokens[e].first; t < rule_tokens[e].second && !overlaps; ++t) overlaps = named[t];
      if (!overlaps) kept.push_back(e);
    }
    // Reserved exactly: entities are large, and doubling would hold up to twice what is needed.
    found_.entities.reserve(kept.size() + names.size());
    found_.tokens.reserve(kept.size() + names.size());
    for (std::size_t e : kept) {
      found_.entities.push_back(std::move(rule_entities[e]));
      found_.tokens.push_back(rule_tokens[e]);
    }
    std::vector<Entity>().swap(rule_entities);
    for (const auto& [si, n] : names) {
      const int end = doc_.sentence_token_end(si);
      EntityValue v;
      if (n.type == NameType::kOrganization) {
        std::string expansion, prefix;
        organization_at(n.begin, end, &expansion, &prefix);
        const AbbreviationInfo* abbreviation = abbreviation_at(n.begin);
        if (abbreviation && abbreviation->names == EntityType::kOrganization)
          v.expansion = abbreviation->expansion +
                        to_utf8(doc_.slice(doc_.tokens[n.begin].span.end, doc_.tokens[n.end - 1].span.end));
        else if (!prefix.empty())
          v.canonical = prefix + to_utf8(doc_.slice(doc_.tokens[n.begin].span.start, doc_.tokens[n.end - 1].span.end));
        else if (const int type = type_words_before_name(n.begin, n.end); type > 0)
          v.canonical = to_utf8(doc_.slice(doc_.tokens[n.begin + type].span.start, doc_.tokens[n.end - 1].span.end));
        else if (!capitalized(n.begin) && match_phrase(doc_, data::org_heads_tsv, n.begin, n.end) > 0)
          v.canonical =
              capitalize_first(to_utf8(doc_.slice(doc_.tokens[n.begin].span.start, doc_.tokens[n.end - 1].span.end)));
      } else if (n.type == NameType::kLocation) {
        if (glued_to_a_word(n)) continue;
        v = location_value(n.begin, n.end);
      }
      add(si, n.begin, n.end, entity_type_of(n.type), std::move(v));
      if (n.type == NameType::kOrganization) places_inside(si, n.begin, n.end);
    }
    sort_entities();
  }

  // English: a person the rules found by default (two capitalized words or more, no title, no particle;
  // unsure_people_) is what the model reads the same words as when it reads them as an organization
  // or a place ("Air France", "Dynamo Moscow"). Where the model starts no name there, it is no person when one
  // of its words is an ordinary English word written alone (en_common_words.txt: "Cultural Revolution",
  // "Democracy Wall"; "In" of "Kim In-so" is glued to the rest of a given name). Where the rules had more to
  // go on, they stay. Returns, per rule entity, whether it goes.
  std::vector<bool> retype_unsure_people(std::vector<Entity>& rule_entities,
                                         const std::vector<std::pair<int, int>>& rule_tokens,
                                         const std::vector<std::pair<int, NameSpan>>& names) const {
    std::vector<bool> dropped(rule_entities.size(), false);
    if (unsure_people_.empty()) return dropped;
    static const auto& common_words = data_set(data::en_common_words_txt);
    const int count = static_cast<int>(doc_.tokens.size());
    auto written_alone = [&](int k) {
      return !(k + 1 < count && doc_.tokens[k + 1].span.start == doc_.tokens[k].span.end) &&
             !(k > 0 && doc_.tokens[k - 1].span.end == doc_.tokens[k].span.start);
    };
    std::unordered_map<int, const NameSpan*> model_name_at;  // by first token
    for (const auto& [si, n] : names) model_name_at[n.begin] = &n;
    for (std::size_t e = 0; e < rule_entities.size(); ++e) {
      const auto [b, end] = rule_tokens[e];
      if (rule_entities[e].type != EntityType::kPerson || !unsure_people_.count(b)) continue;
      const auto it = model_name_at.find(b);
      if (it == model_name_at.end()) {
        for (int k = b; k < end && !dropped[e]; ++k) dropped[e] = common_words.count(lower(k)) > 0 && written_alone(k);
      } else if (it->second->end == end && it->second->type == NameType::kOrganization) {
        rule_entities[e].type = EntityType::kOrganization;
        rule_entities[e].value = EntityValue{};
      } else if (it->second->end == end && it->second->type == NameType::kLocation) {
        rule_entities[e].type = EntityType::kLocation;
        rule_entities[e].value = location_value(b, end);
      }
    }
    return dropped;
  }

  // A place written with a level word and a name of one capitalized syllable that the word list joins to
  // the lowercase syllable after it ("loa phường Dự kiến …", a heading run into its text; "Vùng Cảnh sát
  // biển") names nothing: the syllable opens an ordinary word. Only levels that take a proper name count:
  // a region's name is a direction ("miền Nam", whatever follows it); and without a level word a
  // one-syllable place is a country as often as not ("sang Mỹ học").
  bool glued_to_a_word(const NameSpan& n) const {
    int level = 0;
    if (!is_place_level(n.begin, n.end, &level)) return false;
    std::string written;
    for (int t = n.begin; t < n.begin + level; ++t) written += (t > n.begin ? " " : "") + lower(t);
    const auto& kinds = data_map(data::place_levels_tsv);
    if (const auto kind = kinds.find(written); kind == kinds.end() || kind->second == "region") return false;
    const int name = n.begin + level;
    if (n.end - name != 1 || !capitalized(name) || n.end >= static_cast<int>(doc_.tokens.size())) return false;
    return static_cast<std::size_t>(name) < doc_.word_length.size() && doc_.word_length[name] >= 2 && word(n.end) &&
           !capitalized(n.end) && adjacent(name, n.end);
  }

  // The common noun introducing an organization's name, in tokens (data/org_type_words.txt: "kênh Al
  // Mayadeen", "hãng tin Dogan"), or 0. Written in lowercase it is not part of the name; capitalized it is
  // ("Đài Truyền hình Việt Nam"), except for the capital a sentence opens with ("Hãng tin Dogan cho biết").
  int type_words_before_name(int begin, int end) const {
    const int k = match_phrase(doc_, data::org_type_words_txt, begin, end);
    if (k == 0 || begin + k >= end || !capitalized(begin + k)) return 0;
    const bool opens_sentence = begin == doc_.sentence_token_begin(doc_.tokens[begin].sentence);
    for (int t = begin; t < begin + k; ++t)
      if (doc_.info[t].upper_start && !(t == begin && opens_sentence && k >= 2)) return 0;
    return k;
  }

  // "Phó Chủ tịch Ủy ban MTTQ tỉnh Hoàng Anh Đức", "Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch Nguyễn Ngọc
  // Thiện": after a title, an organization read together with the name of the person holding the title is
  // the organization followed by the person (a Vietnamese full name starting with a family name).
  std::vector<NameSpan> split_holder(const NameSpan& n) const {
    if (n.type != NameType::kOrganization || n.end - n.begin < 4) return {n};
    // A title ends right before the organization, or the organization starts with the title's last word
    // ("Trưởng ban Dân vận Tỉnh ủy Phan Cao Thanh", written "ban" in lowercase).
    bool titled = false;
    for (int k = std::max(doc_.sentence_token_begin(doc_.tokens[n.begin].sentence), n.begin - 4);
         k < n.begin && !titled; ++k) {
      const int len = match_phrase(doc_, data::titles_tsv, k, n.end);
      if (len == 0) continue;
      int te = k + len;  // "Phó trưởng Ban thường trực Ban Dân vận …": qualifiers may follow the title
      for (int q = 0; te < n.begin && (q = match_phrase(doc_, data::qualifiers_tsv, te, n.begin)) > 0;) te += q;
      titled = te == n.begin || te == n.begin + 1;
    }
    if (!titled) return {n};
    const int name = name_ending_at(doc_, n.begin + 2, n.end);
    if (name < 0 || n.end - name < 3) return {n};  // three or four syllables: "Thạch Hà" is a place
    return {{n.begin, name, NameType::kOrganization}, {name, n.end, NameType::kPerson}};
  }

  // A name ends where a word ends: never inside a hyphenated form ("Moon Jae-in", "Lee Hae-chan") nor
  // before the lowercase syllables completing its last word ("Bộ Tài nguyên và Môi trường", "đảng Dân chủ").
  // A place's name is capitalized throughout: a lowercase syllable the word list joins to it is the next word
  // ("Hà Nội tại …" is "Hà Nội", then "tại").
  int whole_word_end(int end, int limit, NameType type) const {
    for (;;) {
      if (end + 1 < limit && lower(end) == "-" && word(end + 1) &&
          doc_.tokens[end].span.start == doc_.tokens[end - 1].span.end &&
          doc_.tokens[end + 1].span.start == doc_.tokens[end].span.end) {
        end += 2;
        continue;
      }
      if (type != NameType::kLocation && end < limit && word(end) && !capitalized(end) &&
          static_cast<std::size_t>(end) < doc_.word_length.size() && doc_.word_length[end] == 0 &&
          adjacent(end - 1, end)) {
        ++end;
        continue;
      }
      return end;
    }
  }

  // A place's name without the level word written before it ("huyện Hoằng Hóa" → "Hoằng Hóa"), except for
  // regions, whose name alone means nothing ("miền Trung"); an abbreviation spelled out ("TP.HCM").
  EntityValue location_value(int begin, int end) const {
    EntityValue v;
    if (end - begin == 1)
      if (const AbbreviationInfo* abbreviation = abbreviation_at(begin);
          abbreviation && abbreviation->names == EntityType::kLocation) {
        v.expansion = abbreviation->expansion;
        v.canonical = abbreviation->expansion;
        return v;
      }
    // The name starts at its first capitalized word ("huyện Hoằng Hóa", "thành Paris", "quần đảo Trường Sa"),
    // unless the words before it are part of it (data/place_name_words.txt: "miền Trung", "châu Âu").
    if (match_phrase(doc_, data::place_name_words_txt, begin, end) > 0) return place_value(begin, end);
    int name = begin;
    for (int level = 0; name < end - 1;) {
      if (is_place_level(name, end, &level) && name + level < end) {
        name += level;
      } else if (!capitalized(name)) {
        ++name;
      } else {
        break;
      }
    }
    return place_value(name < end && capitalized(name) ? name : begin, end);
  }

  void sort_entities() {
    std::vector<std::size_t> order(found_.entities.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return found_.entities[a].span.start < found_.entities[b].span.start;
    });
    std::vector<Entity> entities;
    std::vector<std::pair<int, int>> tokens;
    entities.reserve(order.size());
    tokens.reserve(order.size());
    for (std::size_t i : order) {
      entities.push_back(std::move(found_.entities[i]));
      tokens.push_back(found_.tokens[i]);
    }
    found_.entities = std::move(entities);
    found_.tokens = std::move(tokens);
  }

  // Once "Nguyễn Thị Vy" is named, "Vy" alone (anywhere, before or after) is that person. Found in a
  // second pass, then all entities are put back in text order.
  void given_name_mentions() {
    std::unordered_set<std::string> given;
    for (std::size_t e = 0; e < found_.entities.size(); ++e)
      if (found_.entities[e].type == EntityType::kPerson && found_.tokens[e].second - found_.tokens[e].first >= 2)
        given.insert(to_utf8(doc_.slice(doc_.tokens[found_.tokens[e].second - 1].span)));
    if (given.empty()) return;
    std::vector<bool> taken(doc_.tokens.size(), false);
    for (const auto& [b, e] : found_.tokens)
      for (int t = b; t < e; ++t) taken[t] = true;
    const std::size_t found_before = found_.entities.size();
    for (int si = 0; si < static_cast<int>(doc_.out.sentences.size()); ++si) {
      if (skipped(si)) continue;
      const int begin = doc_.sentence_token_begin(si), end = doc_.sentence_token_end(si);
      for (int t = begin; t < end; ++t) {
        if (taken[t] || !capitalized(t) || doc_.info[t].all_upper) continue;
        // In English, "I" and "July" alone name nobody (in Vietnamese a letter does: "chị L" of "Nguyễn Thị L").
        if (english_ && (doc_.slice(doc_.tokens[t].span).size() == 1 || month_name(t))) continue;
        const bool alone = (t == begin || !capitalized(t - 1) || !adjacent(t - 1, t)) &&
                           (t + 1 >= end || !capitalized(t + 1) || !adjacent(t, t + 1));
        if (alone && given.count(to_utf8(doc_.slice(doc_.tokens[t].span)))) add(si, t, t + 1, EntityType::kPerson);
      }
    }
    if (found_.entities.size() != found_before) sort_entities();
  }

 public:
 private:
  const std::string& lower(int t) const { return doc_.info[t].lower(); }
  bool word(int t) const { return doc_.info[t].is_word; }
  bool capitalized(int t) const { return word(t) && doc_.info[t].upper_start; }
  // Tokens t-1 and t are parts of one name: separated by one space (or joined by a hyphen inside a token).
  bool adjacent(int a, int b) const { return doc_.one_apart(a, b); }

  void add(int si, int begin, int end, EntityType type, EntityValue value = {}) {
    Entity e;
    e.type = type;
    e.span = doc_.span(doc_.tokens[begin].span.start, doc_.tokens[end - 1].span.end);
    e.value = std::move(value);
    e.sentence = si;
    if (e.type == EntityType::kPerson) person_names_.insert(to_utf8(doc_.slice(e.span)));
    found_.entities.push_back(std::move(e));
    found_.tokens.push_back({begin, end});
  }

  // Capitalized run from t: adjacent capitalized words, not all-caps abbreviations. A hyphenated part
  // joins the word before it ("Moon Jae-in", "Bà Rịa-Vũng Tàu"). Rules only care about runs up to some
  // length: `limit` stops the walk there, so that asking at every token of a long run stays linear.
  int capitalized_run(int t, int end, int limit = 1 << 30) const {
    int n = 0;
    while (n < limit && t + n < end && capitalized(t + n) && !doc_.info[t + n].all_upper &&
           (n == 0 || adjacent(t + n - 1, t + n))) {
      ++n;
      while (t + n + 1 < end && lower(t + n) == "-" && word(t + n + 1) &&
             doc_.tokens[t + n].span.start == doc_.tokens[t + n - 1].span.end &&
             doc_.tokens[t + n + 1].span.start == doc_.tokens[t + n].span.end)
        n += 2;
    }
    return n;
  }

  // The abbreviation token t is as written (abbreviations.tsv), or null; looked up once per token.
  const AbbreviationInfo* abbreviation_at(int t) const {
    if (abbreviation_memo_.empty()) abbreviation_memo_.assign(doc_.tokens.size(), {false, nullptr});
    auto& [asked, info] = abbreviation_memo_[t];
    if (!asked) {
      asked = true;
      const std::u16string_view written = doc_.slice(doc_.tokens[t].span);
      if (written.empty() || !abbreviation_first_units()[written[0]]) return info;
      const auto it = abbreviation_table().find(to_utf8(written));
      info = it == abbreviation_table().end() ? nullptr : &it->second;
    }
    return info;
  }

  // Longest gazetteer place starting at t (tokens), 0 if none. Place names may contain hyphens
  // ("Bà Rịa-Vũng Tàu"). The rules ask this of one token many times (as a name's start, inside
  // organizations, …): the answer is kept per token for the `end` it was asked with.
  int known_place_at(int t, int end) const {
    if (known_place_memo_.empty()) known_place_memo_.assign(doc_.tokens.size(), {-1, 0});
    auto& [asked_end, length] = known_place_memo_[t];
    if (asked_end != end) asked_end = end, length = known_place_length(t, end);
    return length;
  }
  int known_place_length(int t, int end) const {
    if (!word(t)) return 0;
    // Asked of every capitalized token: the names and the words they begin with as flat tables.
    struct Places {
      StringTable<char> names, first_words;
      std::vector<bool> first_units;
    };
    static const Places places = [] {
      Places p;
      p.names.reserve(gazetteer().size());
      for (const auto& [name, kind] : gazetteer()) {
        p.names.try_emplace(name);
        p.first_words.try_emplace(std::string_view(name).substr(0, name.find_first_of(" -")));
      }
      // (A word in capitals is looked up in title case too, which begins with the same letter.)
      p.first_units = first_units_of(gazetteer(), [](const auto& entry) -> const std::string& { return entry.first; });
      return p;
    }();
    const std::u16string_view written = doc_.slice(doc_.tokens[t].span);
    if (written.empty() || !places.first_units[written[0]]) return 0;
    const std::string first = to_utf8(written);
    if (!places.first_words.contains(first) &&
        !(doc_.info[t].all_upper && places.first_words.contains(title_case(first))))
      return 0;
    int best = 0;
    for (int n = 1; n <= 6 && t + n <= end; ++n) {
      const int last = t + n - 1;
      if (n > 1 && doc_.tokens[last].span.start - doc_.tokens[last - 1].span.end > 1) break;
      if (doc_.info[last].is_word || lower(last) == "-" || lower(last) == "–") {
        if (!doc_.info[last].is_word) continue;
        const std::string key = to_utf8(doc_.slice(doc_.tokens[t].span.start, doc_.tokens[last].span.end));
        if (places.names.contains(key) || (doc_.info[t].all_upper && places.names.contains(title_case(key)))) best = n;
      } else {
        break;
      }
    }
    return best;
  }

  // Length of a personal name starting exactly at t (0 if none): the tail of the capitalized run that
  // name_ending_at() picks must start at t, and the run must not be a known place.
  int person_name_at(int t, int end) const {
    if (!capitalized(t) || known_place_at(t, end) > 0) return 0;
    // "Phó" and "Cao" are family names, but "Phó Trưởng phòng" is a title; "Ông" is one too, but
    // "Ông Võ Văn Khang" starts with a form of address.
    if (match_phrase(doc_, data::titles_tsv, t, end) > 0 || match_phrase(doc_, data::honorifics_tsv, t, end) == 1)
      return 0;
    // The name is the tail of the whole capitalized run around t; it must start at t ("Thạch Hà Lê Văn Sơn"
    // has its name start at "Lê", not at "Thạch" or "Hà").
    // Runs longer than kLongestNameRun hold no name, so neither walk goes further than that.
    constexpr int kLongestNameRun = 6;
    int run_start = t;
    while (run_start > 0 && t - run_start <= kLongestNameRun && capitalized(run_start - 1) &&
           !doc_.info[run_start - 1].all_upper && adjacent(run_start - 1, run_start) &&
           doc_.tokens[run_start - 1].sentence == doc_.tokens[t].sentence)
      --run_start;
    const int run_end = t + capitalized_run(t, end, kLongestNameRun + 1);
    if (run_end - t < 2 || run_end - run_start > kLongestNameRun) return 0;
    return name_ending_at(doc_, run_start, run_end) == t ? run_end - t : 0;
  }

  // A place name inside a longer capitalized name is part of that name: "Mỹ" in "Phú Mỹ Hưng", "Đức" in
  // "Đức Hùng" (a person).
  bool inside_longer_name(int t, int n, int end) const {
    const bool before = t > doc_.sentence_token_begin(doc_.tokens[t].sentence) && capitalized(t - 1) &&
                        adjacent(t - 1, t) && !doc_.info[t - 1].all_upper;
    const bool after = t + n < end && capitalized(t + n) && adjacent(t + n - 1, t + n) && !doc_.info[t + n].all_upper &&
                       known_place_at(t + n, end) == 0;
    if (before) {
      int level = 0;
      if (is_place_level(t - 1, t, &level)) return false;  // "TP Hà Tĩnh", "Tỉnh Nghệ An"
      return true;
    }
    return after && n == 1;
  }

  bool is_place_level(int t, int end, int* length) const {
    *length = match_phrase(doc_, data::place_levels_tsv, t, end);
    return *length > 0;
  }

  // An organization starting at t; returns its length in tokens.
  // `expansion`: the spelled-out form of an abbreviation that starts it ("Ủy ban nhân dân" for "UBND");
  // `canonical_prefix`: a head word borrowed from the title before it ("Ban " for "Trưởng ban Dân vận …").
  int organization_at(int t, int end, std::string* expansion, std::string* canonical_prefix = nullptr) const {
    std::string ignored;
    if (!canonical_prefix) canonical_prefix = &ignored;
    int head = 0;
    if (const AbbreviationInfo* abbreviation = abbreviation_at(t);
        abbreviation && abbreviation->names == EntityType::kOrganization) {
      head = 1;
      *expansion = abbreviation->expansion;
    } else if (capitalized(t)) {
      if (match_phrase(doc_, data::not_organizations_txt, t, end) > 0) return 0;  // "Bộ Luật Hình sự", "Hội nghị"
      head = std::max(match_phrase(doc_, data::org_heads_tsv, t, end),
                      match_phrase(doc_, data::known_organizations_tsv, t, end));
      // "Trưởng ban Dân vận Tỉnh ủy": the title's lowercase last word ("ban") heads the organization that
      // follows it, which is then named "Ban Dân vận Tỉnh ủy".
      if (head == 0 && t >= 2 && !doc_.info[t - 1].upper_start && adjacent(t - 1, t) &&
          match_phrase(doc_, data::org_heads_tsv, t - 1, t) == 1 &&
          match_phrase(doc_, data::titles_tsv, t - 2, t) == 2) {
        head = 1;
        std::string written = to_utf8(doc_.slice(doc_.tokens[t - 1].span));
        if (!written.empty() && written[0] >= 'a' && written[0] <= 'z') written[0] = static_cast<char>(written[0] - 32);
        *canonical_prefix = written + " ";
      }
      if (head == 0) return 0;
      // A one-syllable head that forms an ordinary word with a lowercase syllable after it is that word:
      // "Hội nghị" (a conference), "Bộ phận" (a unit), "Đoàn kết".
      if (head == 1 && t + 1 < end && word(t + 1) && !capitalized(t + 1) && adjacent(t, t + 1) &&
          doc_.word_length.size() > static_cast<std::size_t>(t) && doc_.word_length[t] >= 2 &&
          match_phrase(doc_, data::known_organizations_tsv, t, end) == 0)
        return 0;
      // A head followed by nothing capitalized is a common noun ("Bộ" in "Bộ đã…" is still an organization
      // when written with a capital mid-sentence; at the start of a sentence it needs a name after it).
    }
    if (head == 0) return 0;
    const int known = match_phrase(doc_, data::known_organizations_tsv, t, end);
    int j = t + std::max(head, known);
    const int start_of_sentence = doc_.sentence_token_begin(doc_.tokens[t].sentence);
    while (j < end) {
      if (person_name_at(j, end) > 0 && known_place_at(j, end) == 0) break;
      if (capitalized(j) && adjacent(j - 1, j)) {
        // A nested head ("Ban Dân vận Tỉnh ủy"): keep going.
        ++j;
        continue;
      }
      if (doc_.info[j].is_word && doc_.info[j].all_upper && adjacent(j - 1, j)) {  // "Ủy ban MTTQ"
        ++j;
        continue;
      }
      // Abbreviations joined by "&" or "-" without spaces: "Bộ KH&ĐT", "Bộ LĐ-TB&XH".
      if (j + 1 < end && (lower(j) == "&" || lower(j) == "-") &&
          doc_.tokens[j].span.start == doc_.tokens[j - 1].span.end &&
          doc_.tokens[j + 1].span.start == doc_.tokens[j].span.end && doc_.info[j - 1].all_upper &&
          doc_.info[j + 1].is_word && doc_.info[j + 1].upper_start) {
        j += 2;
        continue;
      }
      if (word(j) && !capitalized(j) && adjacent(j - 1, j)) {
        // "Dân vận", "Tỉnh ủy", "Y tế": a lowercase syllable completing the previous capitalized word.
        if (capitalized(j - 1) && j >= 1 && doc_.word_length.size() > static_cast<std::size_t>(j) &&
            doc_.word_length[j] == 0) {
          ++j;
          continue;
        }
        int level = 0;
        if (is_place_level(j, end, &level) && j + level <= end) {
          // "UBND tỉnh", "Công an tỉnh", "UBND TP Hà Nội", but not "UBND tỉnh Lê Ngọc Châu".
          int k = j + level;
          if (k < end && capitalized(k) && adjacent(k - 1, k) && person_name_at(k, end) == 0) {
            // The place name, but never into a person's name after it ("UBND thành phố Hà Nội Nguyễn Đức
            // Chung").
            int place = known_place_at(k, end);
            if (place == 0) {
              const int run = capitalized_run(k, end, 6);
              while (place < run && (place == 0 || person_name_at(k + place, end) == 0)) ++place;
            }
            k += place;
          }
          j = k;
          break;
        }
        if (is_rule_word(RuleWord::kConjunction, lower(j)) && j + 1 < end && capitalized(j + 1) && j - t >= 2 &&
            known_place_at(j + 1, end) == 0 && match_phrase(doc_, data::org_heads_tsv, j + 1, end) == 0 &&
            person_name_at(j + 1, end) == 0) {  // "Giáo dục và Đào tạo"
          ++j;
          continue;
        }
      }
      break;
    }
    const int length = j - t;
    // A bare head word ("Ban", "Sở") at the start of a sentence is an ordinary word.
    const bool named_by_context = !expansion->empty() || !canonical_prefix->empty();
    if (length == head && head == 1 && known == 0 && t == start_of_sentence && !named_by_context) return 0;
    if (length == head && known == 0 && !named_by_context) {
      // A head word with no name after it ("Bộ", "Tập đoàn") is a common noun here.
      return 0;
    }
    return length;
  }

  // Records the places named inside an organization ("Huyện ủy Thạch Hà", "UBND TP Hà Nội").
  void places_inside(int si, int begin, int end) {
    for (int t = begin; t < end; ++t) {
      int n = known_place_at(t, end);
      if (n == 0 && t > begin && capitalized(t) && !capitalized(t - 1)) {
        // After "Tỉnh ủy", "Huyện ủy" or a place level, a capitalized run is a place.
        int level = 0;
        const bool after_party_committee = is_rule_word(RuleWord::kCommittee, lower(t - 1));
        const bool after_level = t >= 1 && is_place_level(t - 1, t, &level);
        if (after_party_committee || after_level) n = capitalized_run(t, end);
      }
      if (n > 0) {
        found_.nested_places.push_back({doc_.span(doc_.tokens[t].span.start, doc_.tokens[t + n - 1].span.end), si});
        t += n - 1;
      }
    }
  }

  // "các huyện: Đức Thọ, Can Lộc, Lộc Hà" — a plural place level followed by a list of names.
  int place_list_at(int si, int t, int end) {
    int level = 0;
    if (t == 0 || !is_rule_word(RuleWord::kPlural, lower(t - 1)) || !is_place_level(t, end, &level)) return 0;
    int j = t + level;
    if (j < end && lower(j) == ":") ++j;
    int found = 0;
    while (j < end) {
      int inner = 0;
      int k = j;
      if (is_place_level(k, end, &inner)) k += inner;  // "TX Kỳ Anh" inside the list
      if (k >= end || !capitalized(k) || organization_at_quiet(k, end) > 0) break;
      const int run = std::max(known_place_at(k, end), capitalized_run(k, end));
      if (run == 0 || run > 4) break;
      add(si, k, k + run, EntityType::kLocation, place_value(k, k + run));
      ++found;
      j = k + run;
      if (j < end && lower(j) == ",") {
        ++j;
        continue;
      }
      break;
    }
    return found > 0 ? j - t : 0;
  }

  int organization_at_quiet(int t, int end) const {
    std::string ignored;
    return organization_at(t, end, &ignored);
  }

  EntityValue place_value(int begin, int end) const {
    EntityValue v;
    v.canonical = to_utf8(doc_.slice(doc_.tokens[begin].span.start, doc_.tokens[end - 1].span.end));
    return v;
  }

  bool honorific_before(int t) const {
    if (t == 0) return false;
    for (int n = 1; n <= 2 && t - n >= doc_.sentence_token_begin(doc_.tokens[t].sentence); ++n)
      if (match_phrase(doc_, data::honorifics_tsv, t - n, t) == n) return true;
    return false;
  }

  bool title_shortly_before(int t) const {
    const int begin = std::max(doc_.sentence_token_begin(doc_.tokens[t].sentence), t - 10);
    for (int k = t - 1; k >= begin; --k) {
      if (lower(k) == ";" || lower(k) == ".") return false;
      if (match_phrase(doc_, data::titles_tsv, k, t) > 0) return true;
    }
    return false;
  }

  // Lowercase name particles from token k ("de", "van", "von der"), with a capitalized word right after them:
  // how many; 0 if none.
  int name_particles_at(int k, int end) const {
    static const auto& particles = data_set(data::en_name_particles_txt, true);
    int n = 0;
    while (k + n < end && word(k + n) && !doc_.info[k + n].upper_start && particles.count(lower(k + n)) &&
           (n == 0 || adjacent(k + n - 1, k + n)))
      ++n;
    return n > 0 && k + n < end && capitalized(k + n) && adjacent(k + n - 1, k + n) ? n : 0;
  }

  bool in_credit(int t) const {
    // Credits are in text order and apart: the one starting last at or before the token is the only candidate.
    const std::int64_t at = doc_.tokens[t].span.start;
    auto it =
        std::upper_bound(credits_.begin(), credits_.end(), at,
                         [](std::int64_t x, const std::pair<std::int64_t, std::int64_t>& c) { return x < c.first; });
    return it != credits_.begin() && at < std::prev(it)->second;
  }

  // The news agency of a dateline: the name in brackets before the dash that ends a sentence's opening place
  // in capitals ("ROTTERDAM (Reuters) -", "LONDON, June 3 (AP) —").
  bool dateline_agency(int si, int t, int n) const {
    const int begin = doc_.sentence_token_begin(si), end = doc_.sentence_token_end(si);
    if (t - 1 <= begin || t - begin > 10 || t + n + 1 >= end || !doc_.info[begin].all_upper) return false;
    const std::string& dash = lower(t + n + 1);
    return lower(t - 1) == "(" && lower(t + n) == ")" && (dash == "-" || dash == "\u2013" || dash == "\u2014");
  }

  // Whether the article writes token t's word capitalized after the first word of a sentence somewhere.
  bool capitalized_inside_a_sentence(int t) {
    if (capitalized_inside_.empty()) {
      capitalized_inside_.assign(doc_.lower_forms.size(), false);
      for (int k = 0; k < static_cast<int>(doc_.tokens.size()); ++k)
        if (doc_.info[k].upper_start && !doc_.info[k].all_upper &&
            k != doc_.sentence_token_begin(doc_.tokens[k].sentence))
          capitalized_inside_[doc_.info[k].form] = true;
    }
    return capitalized_inside_[doc_.info[t].form];
  }

  // English: a word for a kind of place, in lowercase, beside the run [b, e) makes it a place's name ("the
  // town of Liege", "the state capital Morelia", "Jiangsu province"; en_place_kinds.tsv).
  bool place_kind_beside(int si, int b, int e) const {
    static const auto& kinds = [] {
      std::unordered_set<std::string> out;  // "town of before", "capital before", "province after"
      for (const auto& row : data_rows(data::en_place_kinds_tsv))
        if (row.size() >= 2) out.insert(row[0] + "\t" + row[1]);
      return out;
    }();
    auto lowercase_word = [&](int k) { return word(k) && !doc_.info[k].upper_start; };
    const int begin = doc_.sentence_token_begin(si), end = doc_.sentence_token_end(si);
    if (b - 1 >= begin && lowercase_word(b - 1) && kinds.count(lower(b - 1) + "\tbefore")) return true;
    if (b - 2 >= begin && lowercase_word(b - 1) && lowercase_word(b - 2) &&
        kinds.count(lower(b - 2) + " " + lower(b - 1) + "\tbefore"))
      return true;
    return e < end && lowercase_word(e) && adjacent(e - 1, e) && kinds.count(lower(e) + "\tafter");
  }

  // An English month's name ("July"), which alone is no name.
  bool month_name(int t) const {
    static const auto& months = [] {
      std::unordered_set<std::string> m;
      for (const auto& row : data_rows(data::date_words_tsv))
        if (row.size() >= 2 && row[1] == "month_name") m.insert(row[0]);
      return m;
    }();
    return months.count(lower(t)) > 0;
  }

  // A people's or a country's adjective made from a country's name ("Iraqi", "Koreans", "Palestinian",
  // "British"; en_demonym_suffixes.txt): the word less a plural "s" and one of the endings begins a word of a
  // country's name, and the word is not one itself ("Jordan").
  bool demonym(int t) const {
    static const std::vector<std::string> country_words = [] {
      std::vector<std::string> words;
      for (const auto& name : data_set(data::gaz_countries_tsv, true)) {
        std::size_t start = 0;
        for (std::size_t space = name.find(' ');; space = name.find(' ', start)) {
          words.push_back(name.substr(start, space == std::string::npos ? std::string::npos : space - start));
          if (space == std::string::npos) break;
          start = space + 1;
        }
      }
      std::sort(words.begin(), words.end());
      words.erase(std::unique(words.begin(), words.end()), words.end());
      return words;
    }();
    static const auto suffixes = data_rows(data::en_demonym_suffixes_txt);
    if (!doc_.info[t].is_word || !doc_.info[t].upper_start) return false;
    const std::string& w = lower(t);
    auto is_country_word = [&](const std::string& x) {
      return std::binary_search(country_words.begin(), country_words.end(), x);
    };
    auto begins_country_word = [&](const std::string& stem) {
      const auto it = std::lower_bound(country_words.begin(), country_words.end(), stem);
      // The name goes on by at most three letters: "Kore|a", "Brit|ain", "Germ|any".
      return it != country_words.end() && it->compare(0, stem.size(), stem) == 0 && it->size() <= stem.size() + 3;
    };
    if (is_country_word(w)) return false;
    for (const std::string& word : {w, w.size() > 1 && w.back() == 's' ? w.substr(0, w.size() - 1) : std::string()}) {
      if (word.empty() || is_country_word(word)) continue;
      for (const auto& row : suffixes) {
        const std::string& suffix = row[0];
        if (word.size() < suffix.size() + 4 || word.compare(word.size() - suffix.size(), suffix.size(), suffix) != 0)
          continue;
        if (begins_country_word(word.substr(0, word.size() - suffix.size()))) return true;
      }
    }
    return false;
  }

  // Tokens [t, t + n) name nobody, as the rules know (a letter, a month, an event, a people's adjective): the
  // English model adds no name there either. Returns n.
  int names_nobody(int t, int n) {
    if (names_nobody_.size() < doc_.tokens.size()) names_nobody_.resize(doc_.tokens.size(), false);
    for (int k = t; k < t + n; ++k) names_nobody_[k] = true;
    return n;
  }

  // Tokens [t, end) are, as written or (in capitals) in title case, a town or a first-level division of the
  // world's countries (en_world_cities.txt). Only English text asks.
  bool world_city(int t, int end) const {
    static const auto& cities = data_set(data::en_world_cities_txt);
    const std::string written = to_utf8(doc_.slice(doc_.tokens[t].span.start, doc_.tokens[end - 1].span.end));
    return cities.count(written) || (doc_.info[t].all_upper && cities.count(title_case(written)));
  }

  // English names: a capitalized run classified by the gazetteer and organization suffixes.
  int english_name_at(int si, int t, int end) {
    static const auto& org_suffixes = data_set(data::en_org_words_txt, true);
    static const auto& stop = data_set(data::stopwords_txt, true);
    // "de Vries said" after "Anna de Vries": a family name that opens with its particle, once a full name
    // has shown it.
    if (const int particles = headline_ ? 0 : name_particles_at(t, end); particles > 0) {
      int n = particles;
      while (t + n < end && capitalized(t + n) && adjacent(t + n - 1, t + n)) ++n;
      if (!particle_surnames_.count(lower_utf8(doc_.slice(doc_.tokens[t].span.start, doc_.tokens[t + n - 1].span.end))))
        return 0;
      add(si, t, t + n, EntityType::kPerson);
      return n;
    }
    // "So I went", "In Tulsa": a word that opens sentences (en_sentence_starters.txt) opens no name there;
    // nor does an ordinary word capitalized only because it opens one ("Although Dvořák", "Despite Smith";
    // en_common_words.txt), unless the article also capitalizes it inside a sentence ("Will" of "Will Smith").
    static const auto& starters = data_set(data::en_sentence_starters_txt);
    static const auto& common_words = data_set(data::en_common_words_txt);
    if (capitalized(t) && t == doc_.sentence_token_begin(si) &&
        (starters.count(to_utf8(doc_.slice(doc_.tokens[t].span))) ||
         (common_words.count(lower(t)) && !capitalized_inside_a_sentence(t))))
      return 0;
    if (capitalized(t) && (stop.count(lower(t)) || match_phrase(doc_, data::titles_tsv, t, end) > 0 ||
                           match_phrase(doc_, data::honorifics_tsv, t, end) > 0))
      return 0;       // "The", "President": the name starts after them
    if (headline_) {  // AN ALL-CAPS HEADLINE: only known places are safe to pick out
      const int place = known_place_at(t, end);
      if (place > 0) add(si, t, t + place, EntityType::kLocation, place_value(t, t + place));
      return place;
    }
    if (in_credit(t)) return 1;
    int n = 0;
    int particle = -1;  // the first particle inside the run ("Anna de Vries")
    for (;;) {
      if (t + n < end && capitalized(t + n) && (n == 0 || adjacent(t + n - 1, t + n))) {
        ++n;
      } else if (const int particles =
                     n > 0 && t + n < end && adjacent(t + n - 1, t + n) ? name_particles_at(t + n, end) : 0;
                 particles > 0) {
        if (particle < 0) particle = t + n;
        n += particles;
      } else {
        break;
      }
    }
    // "… the Argentine State In the Nineties": a heading writes its function words capitalized too; a name
    // does not end with one. A letter ("Pedro I") or a word glued to what follows ("Kim In-so") may.
    auto glued_on = [&](int k) {
      return k + 1 < static_cast<int>(doc_.tokens.size()) && doc_.tokens[k + 1].span.start == doc_.tokens[k].span.end;
    };
    while (n > 1 && stop.count(lower(t + n - 1)) && doc_.slice(doc_.tokens[t + n - 1].span).size() > 1 &&
           !glued_on(t + n - 1))
      --n;
    if (n == 0) return 0;
    // "Defence Minister Volker Ruehe", "US Defence Secretary William Perry": a title inside the run ends what
    // comes before it, which is read as a name of its own ("US"), and the person follows it.
    for (int k = t + 1; k + 1 < t + n; ++k)
      if (const int title = match_phrase(doc_, data::titles_tsv, k, t + n); title > 0 && k + title < t + n) {
        english_name_at(si, t, k);
        return k + title - t;
      }
    // "told Reuters", "Interfax quoted …": an organization known by a name of its own.
    if (const int known = match_phrase(doc_, data::en_known_organizations_txt, t, end); known >= n) {
      add(si, t, t + known, EntityType::kOrganization);
      return known;
    }
    // What a capitalized run may be that names nothing of the cast: a letter alone ("I", "N"), a month
    // ("in July"), an event ("World Cup", "Labor Day"), a people's adjective ("Iraqi", "South Korean").
    static const auto& event_words = data_set(data::en_event_words_txt, true);
    // "J. Russell", "S. Waugh": an initial and the family name are a person.
    if (n == 1 && doc_.slice(doc_.tokens[t].span).size() == 1 && doc_.info[t].upper_start && t + 2 < end &&
        lower(t + 1) == "." && doc_.tokens[t + 1].span.start == doc_.tokens[t].span.end && capitalized(t + 2) &&
        adjacent(t + 1, t + 2) && !doc_.info[t + 2].all_upper) {
      int m = t + 3;
      while (m < end && capitalized(m) && adjacent(m - 1, m)) ++m;
      add(si, t, m, EntityType::kPerson);
      for (int k = t + 2; k < m; ++k) person_parts_.insert(lower(k));
      return m - t;
    }
    if (n == 1 && doc_.slice(doc_.tokens[t].span).size() == 1) return names_nobody(t, 1);
    // "W L PCT GB": a table's column heads, capitals and single letters, are no name.
    bool letters_and_capitals = n >= 2, single_letter = false;
    for (int k = t; k < t + n && letters_and_capitals; ++k) {
      const bool single = doc_.slice(doc_.tokens[k].span).size() == 1;
      single_letter |= single;
      letters_and_capitals = single || doc_.info[k].all_upper;
    }
    if (letters_and_capitals && single_letter) return names_nobody(t, n);
    if (n == 1 && month_name(t)) return names_nobody(t, 1);
    if (n >= 2 && event_words.count(lower(t + n - 1))) return names_nobody(t, n);
    if (demonym(t + n - 1)) return names_nobody(t, n);
    // "Palestinian President Yasser Arafat": the title and the name follow. "Bosnian Serbs": a people.
    static const auto& legal_forms = data_set(data::en_company_suffixes_txt, true);
    if (n >= 2 && demonym(t)) {
      if (match_phrase(doc_, data::titles_tsv, t + 1, end) > 0) return names_nobody(t, 1);
      if (n == 2 && lower(t + 1).size() > 3 && lower(t + 1).back() == 's') return names_nobody(t, n);
      // "American Nate Miller": a people's adjective before a name is not part of it, unless the run names a
      // body ("British Airways", "Italian Tobacco Co").
      if (!org_suffixes.count(lower(t + n - 1)) && !legal_forms.count(lower(t + n - 1))) return names_nobody(t, 1);
    }
    const bool sentence_start = t == doc_.sentence_token_begin(si);
    // "New York Times", "Hong Kong Government": a place that a body's word follows names the body.
    const bool ends_with_body_word = org_suffixes.count(lower(t + n - 1)) > 0;  // "Acme Corp", "Reserve Bank"
    const bool body_after_place = n >= 2 && ends_with_body_word;
    // ("Panama City": a town whose name begins with a country's is the town.)
    if (int place = known_place_at(t, end);
        place > 0 && place <= n && !(place < n && (body_after_place || world_city(t, t + n)))) {
      add(si, t, t + place, EntityType::kLocation, place_value(t, t + place));
      return place;
    }
    if (place_kind_beside(si, t, t + n)) {
      add(si, t, t + n, EntityType::kLocation, place_value(t, t + n));
      return n;
    }
    if (dateline_agency(si, t, n)) {
      add(si, t, t + n, EntityType::kOrganization);
      return n;
    }
    if (n == 1 && person_parts_.count(lower(t))) {  // "Levy" after "David Levy"
      add(si, t, t + 1, EntityType::kPerson);
      return 1;
    }
    // "Volkswagen AG", "Fiat S.p.A.": a company's legal form after its name.
    if (n >= 2 && legal_forms.count(lower(t + n - 1))) {
      add(si, t, t + n, EntityType::kOrganization);
      return n;
    }
    // After a form of address ("Mr Dole") or a title ("President Clinton", "Prime Minister Netanyahu").
    bool titled = t > 0 && match_phrase(doc_, data::honorifics_tsv, t - 1, t) > 0;
    for (int k = 1; k <= 3 && !titled && t - k >= doc_.sentence_token_begin(si); ++k)
      titled = capitalized(t - k) && match_phrase(doc_, data::titles_tsv, t - k, t) == k;
    // "in Kehl", "HERZLIYA, Israel", "Panama City": the whole run is the name of a town or of a country's
    // first-level division (en_world_cities.txt, GeoNames), and nothing above typed it.
    if (!titled && !ends_with_body_word && world_city(t, t + n)) {
      add(si, t, t + n, EntityType::kLocation, place_value(t, t + n));
      return n;
    }
    if (ends_with_body_word || doc_.info[t].all_upper) {
      if (n == 1 && (sentence_start || lower(t).size() < 2)) return 0;
      // "GMT", "CEO", "RBI": abbreviations in capitals that name no body (en_not_organizations.txt).
      static const auto& not_organizations = data_set(data::en_not_organizations_txt);
      if (n == 1 && not_organizations.count(lower(t))) return names_nobody(t, 1);
      // "Bank of England", "Department of Defense": a body's word, a link and the name it is of.
      if (!doc_.info[t].all_upper && t + n + 1 < end && adjacent(t + n - 1, t + n) && adjacent(t + n, t + n + 1) &&
          is_rule_word(RuleWord::kLink, lower(t + n)) && capitalized(t + n + 1)) {
        int m = t + n + 1;
        while (m < end && capitalized(m) && adjacent(m - 1, m)) ++m;
        n = m - t;
      }
      add(si, t, t + n, EntityType::kOrganization);
      return n;
    }
    // "Times Square", "Hudson River": a run that ends with a word for a kind of place names one.
    static const auto& place_words = data_set(data::en_place_words_txt, true);
    if (n >= 2 && place_words.count(lower(t + n - 1))) {
      add(si, t, t + n, EntityType::kLocation, place_value(t, t + n));
      return n;
    }
    if (n >= 2 || titled) {
      if (sentence_start && n == 1) return 0;
      // Capitalized words with no title or particle: a person by default, which the model may retype.
      if (!titled && particle < 0) unsure_people_.insert(t);
      add(si, t, t + n, EntityType::kPerson);
      for (int k = t; k < t + n; ++k)
        if (!doc_.info[k].is_punct && doc_.info[k].upper_start) person_parts_.insert(lower(k));
      if (particle >= 0)
        particle_surnames_.insert(
            lower_utf8(doc_.slice(doc_.tokens[particle].span.start, doc_.tokens[t + n - 1].span.end)));
      return n;
    }
    return 0;
  }

  void scan_sentence(int si) {
    const int begin = doc_.sentence_token_begin(si), end = doc_.sentence_token_end(si);
    int words = 0, caps = 0;
    for (int t = begin; t < end; ++t)
      if (word(t)) {
        ++words;
        caps += doc_.info[t].all_upper;
      }
    headline_ = words >= 3 && caps * 3 > words * 2;
    for (int t = begin; t < end;) {
      if (Match m = match_date(doc_, t, end, ref_); m.length > 0) {
        add(si, t, t + m.length, m.type, std::move(m.value));
        t += m.length;
        continue;
      }
      if (t >= begin + 2 && lower(t - 1) == "-" && doc_.tokens[t - 1].span.end == doc_.tokens[t].span.start &&
          doc_.tokens[t - 2].span.end == doc_.tokens[t - 1].span.start && word(t - 2)) {
        ++t;  // "Covid-19", "A-320": part of a name, not a figure
        continue;
      }
      if (Match m = match_number(doc_, t, end); m.length > 0) {
        add(si, t, t + m.length, m.type, std::move(m.value));
        t += m.length;
        continue;
      }
      if (english_) {
        const int n = english_name_at(si, t, end);
        t += std::max(n, 1);
        continue;
      }
      std::string expansion, prefix;
      if (const int n = organization_at(t, end, &expansion, &prefix); n > 0) {
        EntityValue v;
        if (!prefix.empty()) {
          v.canonical = prefix + to_utf8(doc_.slice(doc_.tokens[t].span.start, doc_.tokens[t + n - 1].span.end));
        } else if (!expansion.empty()) {
          const std::string rest = to_utf8(doc_.slice(doc_.tokens[t].span.end, doc_.tokens[t + n - 1].span.end));
          v.expansion = expansion + rest;
        }
        add(si, t, t + n, EntityType::kOrganization, std::move(v));
        places_inside(si, t, t + n);
        t += n;
        continue;
      }
      if (const int n = place_list_at(si, t, end); n > 0) {
        t += n;
        continue;
      }
      if (const AbbreviationInfo* abbreviation = abbreviation_at(t);
          abbreviation && abbreviation->names == EntityType::kLocation) {
        EntityValue v;
        v.expansion = abbreviation->expansion;
        v.canonical = abbreviation->expansion;
        add(si, t, t + 1, EntityType::kLocation, std::move(v));
        ++t;
        continue;
      }
      if (const int n = known_place_at(t, end);
          n > 0 && person_name_at(t, end) <= n && !inside_longer_name(t, n, end)) {
        add(si, t, t + n, EntityType::kLocation, place_value(t, t + n));
        t += n;
        continue;
      }
      int level = 0;
      if (is_place_level(t, end, &level) && t + level < end && capitalized(t + level) &&
          adjacent(t + level - 1, t + level)) {
        const int k = t + level;
        const int known = known_place_at(k, end);
        const int person = person_name_at(k, end);
        // After a place level the name is a place even when it reads like a person's ("huyện Thạch Hà",
        // "Khu công nghiệp Lê Minh Xuân", "đường Lê Lợi"), unless the level word ends a title ("Chủ tịch xã
        // Nguyễn Văn A") — organizations ending in a level word ("UBND tỉnh") were handled above.
        const int run = capitalized_run(k, end, 5);
        bool after_title = false;
        for (int q = std::max(begin, t - 3); q < t && !after_title; ++q)
          after_title = match_phrase(doc_, data::titles_tsv, q, t) == t - q;
        if (known > 0 || (run > 0 && (person == 0 || run <= 2 || !after_title))) {
          const int n = known > 0 ? known : run;
          // "miền Trung", "vùng Tây Bắc": after a word for a region, the name alone ("Trung") means nothing.
          const bool region = is_rule_word(RuleWord::kRegion, lower(t));
          const int from = region ? t : k;
          add(si, from, k + n, EntityType::kLocation, place_value(from, k + n));
          t = k + n;
          continue;
        }
      }
      if (capitalized(t) && honorific_before(t) && !doc_.info[t].all_upper) {
        const int n = capitalized_run(t, end, 4);
        if (n > 0) {
          add(si, t, t + n, EntityType::kPerson);
          t += n;
          continue;
        }
      }
      if (capitalized(t) && !doc_.info[t].all_upper && t > begin &&
          match_phrase(doc_, data::locative_prepositions_txt, t - 1, t) == 1 && !doc_.info[t - 1].upper_start) {
        // "ở Tân Lộc", "tại Hà Tiên": after a preposition of place a name is a place, unless it reads as a
        // person's full name ("đến Nguyễn Văn An").
        const int run = capitalized_run(t, end, 4);
        const int person = person_name_at(t, end);
        if (run > 0 && (person == 0 || run <= 2) && organization_at_quiet(t, end) == 0) {
          add(si, t, t + run, EntityType::kLocation, place_value(t, t + run));
          t += run;
          continue;
        }
      }
      if (capitalized(t) && !doc_.info[t].all_upper && t >= begin + 2 &&
          (is_rule_word(RuleWord::kConjunction, lower(t - 1)) || lower(t - 1) == ",") && !found_.tokens.empty() &&
          found_.tokens.back().second == t - 1 && found_.entities.back().type == EntityType::kLocation) {
        // "ở Cẩm Xuyên và Kỳ Anh": a name coordinated with a place is a place, unless it is a full personal name.
        const int run = capitalized_run(t, end, 4);
        if (run > 0 && run <= 3 && (person_name_at(t, end) == 0 || run <= 2) && organization_at_quiet(t, end) == 0) {
          add(si, t, t + run, EntityType::kLocation, place_value(t, t + run));
          t += run;
          continue;
        }
      }
      if (const int n = person_name_at(t, end); n > 0) {
        const bool bare_pair = n == 2;
        const bool listed = t > begin && (lower(t - 1) == "," || lower(t - 1) == ":") && title_shortly_before(t);
        if (!bare_pair || title_shortly_before(t) || listed || known_full_name(t, n)) {
          add(si, t, t + n, EntityType::kPerson);
          t += n;
          continue;
        }
      }
      ++t;
    }
  }

  bool known_full_name(int t, int n) const {
    return person_names_.count(to_utf8(doc_.slice(doc_.tokens[t].span.start, doc_.tokens[t + n - 1].span.end))) > 0;
  }
  mutable std::vector<std::pair<bool, const AbbreviationInfo*>> abbreviation_memo_;  // per token, once asked
  mutable std::vector<std::pair<int, int>> known_place_memo_;  // per token: (end asked with, or -1; answer)
  std::unordered_set<std::string> person_names_;               // every person name found so far
  std::unordered_set<std::string> person_parts_;               // English: lowercase parts of names found so far
  std::unordered_set<std::string> particle_surnames_;
  std::unordered_set<int> unsure_people_;  // English: first tokens of the people found by default
  std::vector<bool> capitalized_inside_;   // English: per lowercase form, capitalized_inside_a_sentence
  std::vector<bool> names_nobody_;         // English: per token, whether the rules know it names nobody (names_nobody)
  std::vector<std::pair<std::int64_t, std::int64_t>>
      credits_;  // English: photo credits' spans, in text.norm  // English: "de vries" of "Anna de Vries", lowercase

  const Doc& doc_;
  EntityList& found_;  // what the stage returns: the rules' entities, then the model's names among them
  ReferenceDate ref_;
  bool english_ = false;
  bool headline_ = false;  // the current sentence is written in capitals
};

}  // namespace

FoundEntities find_entities(const Doc& doc) {
  FoundEntities result;
  EntityFinder(doc, result.list).run();
  // Abbreviations used anywhere in the text, with what they stand for.
  std::unordered_map<std::string, int> counts;
  std::vector<std::string> order;
  for (std::size_t t = 0; t < doc.tokens.size(); ++t) {
    if (!doc.info[t].is_word) continue;
    const std::u16string_view written = doc.slice(doc.tokens[t].span);
    if (written.empty() || !abbreviation_first_units()[written[0]]) continue;
    const std::string text = to_utf8(written);
    if (!abbreviation_table().count(text)) continue;
    if (counts[text]++ == 0) order.push_back(text);
  }
  for (const std::string& a : order)
    result.abbreviations.push_back({a, abbreviation_table().at(a).expansion, counts[a]});
  return result;
}

}  // namespace article::internal
