// Stage 18: find_people.
//
// People, organizations and places as lists: each once, with every mention.
//
// People: a full name starts a person; later short forms ("ông Châu", "bà Nhi", "Ngọc Châu") join the most
// recent person whose name ends the same way. Roles come from the title phrase written before a full name
// ("nguyên Trưởng ban Dân vận Tỉnh ủy Phan Cao Thanh") or after it between commas ("ông A, Giám đốc Sở Y tế,
// …"); a title before a list applies to every name in it ("các Phó trưởng Ban: Ngô Văn Huỳnh, Dương Xuân
// Hòa").
#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "data.h"
#include "names.h"
#include "rule_words.h"
#include "scan.h"

namespace article::internal {

namespace {

class PeopleBuilder {
 public:
  PeopleBuilder(const Doc& doc, Cast& cast) : doc_(doc), cast_(cast) {}

  void run() {
    cast_.entity_person.assign(doc_.out.entities.size(), -1);
    index_full_names();
    cast_.person_ending_at.assign(doc_.tokens.size() + 1, -1);
    for (std::size_t e = 0; e < doc_.out.entities.size(); ++e)
      if (doc_.out.entities[e].type == EntityType::kPerson)
        cast_.person_ending_at[doc_.entity_tokens[e].second] = static_cast<int>(e);
    for (std::size_t e = 0; e < doc_.out.entities.size(); ++e) {
      if (doc_.out.entities[e].type != EntityType::kPerson) continue;
      const auto [b, end] = doc_.entity_tokens[e];
      const int person = person_for(b, end);
      cast_.entity_person[e] = person;
      Person& p = cast_.people[person];
      p.mentions.push_back(doc_.out.entities[e].span);
      cast_.entity_names[e] = p.name;
      // Any mention may carry a role: "HLV Hữu Thắng", "Tổng thống Duterte", "Martial, tiền đạo người Pháp,".
      if (auto role = role_before(b)) add_role(p, std::move(*role));
      if (auto role = role_after(end)) add_role(p, std::move(*role));
    }
  }

 private:
  const std::string& lower(int t) const { return doc_.info[t].lower(); }

  std::string text(int b, int e) const {
    return to_utf8(doc_.slice(doc_.tokens[b].span.start, doc_.tokens[e - 1].span.end));
  }

  // The person a mention names, found through indexes of the names seen so far (no scan of every person per
  // mention): the exact name; a short form ending a full name ("ông Châu", "Hữu Thắng" of "Nguyễn Hữu
  // Thắng"), the most recent one first; the first part of a foreign name ("Ivanka" of "Ivanka Trump"); or,
  // when the full name is written only later ("HLV Hữu Thắng … Nguyễn Hữu Thắng"), that full name.
  int person_for(int b, int e) {
    const std::string name = text(b, e);
    if (const auto it = by_name_.find(name); it != by_name_.end()) return it->second;
    // Two syllables at most, or a family name opening with its particle ("von der Leyen").
    if (e - b <= 2 || !doc_.info[b].upper_start) {
      if (const auto it = by_short_form_.find(name); it != by_short_form_.end()) return it->second;
      if (const auto it = later_full_name_.find(name); it != later_full_name_.end())
        for (const auto& [first_token, full] : it->second)
          if (first_token > b) return new_person(full);
    }
    return new_person(name);
  }

  int new_person(const std::string& name) {
    if (const auto it = by_name_.find(name); it != by_name_.end()) return it->second;
    Person person;
    person.name = name;
    cast_.people.push_back(std::move(person));
    const int index = static_cast<int>(cast_.people.size()) - 1;
    by_name_[name] = index;
    for (const std::string& form : short_forms(name)) by_short_form_[form] = index;  // later people win
    return index;
  }

  // The forms a full name may be shortened to: its last one or two syllables, for a foreign name (one not
  // starting with a Vietnamese family name) its first part, and a family name that opens with a lowercase
  // particle ("von der Leyen" of "Ursula von der Leyen").
  static std::vector<std::string> short_forms(const std::string& full) {
    std::vector<std::string> forms;
    std::vector<std::size_t> spaces;
    for (std::size_t i = 0; i < full.size(); ++i)
      if (full[i] == ' ') spaces.push_back(i);
    if (spaces.empty()) return forms;
    forms.push_back(full.substr(spaces.back() + 1));
    if (spaces.size() >= 2) forms.push_back(full.substr(spaces[spaces.size() - 2] + 1));
    if (!starts_with_surname(full)) forms.push_back(full.substr(0, spaces.front()));
    for (const std::size_t space : spaces)
      if (space + 1 < full.size() && full[space + 1] >= 'a' && full[space + 1] <= 'z') {
        forms.push_back(full.substr(space + 1));
        break;
      }
    return forms;
  }

  // Full names (two syllables or more) by the short forms they may appear as, with where they are written.
  void index_full_names() {
    for (std::size_t e = 0; e < doc_.out.entities.size(); ++e) {
      if (doc_.out.entities[e].type != EntityType::kPerson) continue;
      const auto [b, end] = doc_.entity_tokens[e];
      if (end - b < 2) continue;
      const std::string full = text(b, end);
      for (const std::string& form : short_forms(full)) later_full_name_[form].push_back({b, full});
    }
  }

  static bool starts_with_surname(const std::string& full) {
    static const auto& surnames = data_set(data::surnames_txt, true);
    const std::string first = full.substr(0, full.find(' '));
    return surnames.count(lower_utf8(decode_utf8_lossy(first))) > 0;
  }

  int person_start_ending_at(int t) const {
    const int e = cast_.person_ending_at[t + 1];
    return e < 0 ? -1 : doc_.entity_tokens[e].first;
  }

  // Builds a role from title tokens [tb, te) and organization tokens [ob, oe).
  Role make_role(int qb, int tb, int te, int ob, int oe) const {
    Role r;
    r.title = text(tb, te);
    // Qualifiers before the title ("nguyên") and right after it ("thường trực").
    for (int q = qb; q < tb; ++q)
      if (auto it = data_map(data::qualifiers_tsv, true).find(lower(q));
          it != data_map(data::qualifiers_tsv, true).end())
        r.qualifiers.push_back(it->second);
    while (ob < oe) {
      const int n = match_phrase(doc_, data::qualifiers_tsv, ob, oe);
      if (n == 0) break;
      std::string key;
      for (int k = ob; k < ob + n; ++k) key += (k > ob ? " " : "") + lower(k);
      r.qualifiers.push_back(data_map(data::qualifiers_tsv, true).at(key));
      ob += n;
    }
    if (ob < oe) {
      r.organization = text(ob, oe);
      // "Trưởng ban Dân vận Tỉnh ủy": the title's last word heads the organization ("Ban Dân vận Tỉnh ủy").
      if (te - tb >= 2 && match_phrase(doc_, data::org_heads_tsv, te - 1, te) == 1 &&
          match_phrase(doc_, data::org_heads_tsv, ob, oe) == 0) {
        std::u16string head(doc_.slice(doc_.tokens[te - 1].span));
        std::string head_utf8 = to_utf8(head);
        if (!head_utf8.empty() && head_utf8[0] >= 'a' && head_utf8[0] <= 'z')
          head_utf8[0] = static_cast<char>(head_utf8[0] - 32);
        r.organization = head_utf8 + " " + r.organization;
      }
    }
    const int span_end = oe > ob ? oe : te;
    r.span = doc_.span(doc_.tokens[qb].span.start, doc_.tokens[span_end - 1].span.end);
    return r;
  }

  // The role phrase written right before a name starting at token b.
  std::optional<Role> role_before(int b) const {
    const int sb = doc_.sentence_token_begin(doc_.tokens[b].sentence);
    int k = b - 1;
    // "Chủ tịch UBND tỉnh, ông Nguyễn Văn A" / "Giám đốc Sở ông A": the form of address stands between.
    for (int n = 2; n >= 1; --n)
      if (k - n + 1 >= sb && match_phrase(doc_, data::honorifics_tsv, k - n + 1, k + 1) == n) {
        k -= n;
        break;
      }
    // "…, ông A" and "hai trọng tài biên là ông A và ông B": the title stands before the comma or "là".
    if (k > sb && k < b - 1 && (lower(k) == "," || is_rule_word(RuleWord::kCopula, lower(k))))
      --k;
    else if (k > sb && k == b - 1 && is_rule_word(RuleWord::kCopula, lower(k)))
      --k;
    // A name in a list ("các bị cáo A (23 tuổi), B (20 tuổi) và C"): skip the names, their parenthesized
    // notes, commas and "và" back to the title.
    for (;;) {
      if (k > sb && (lower(k) == "," || is_rule_word(RuleWord::kConjunction, lower(k)))) {
        int j = k - 1;
        if (lower(j) == ")")
          while (j > sb && lower(j) != "(") --j;
        if (lower(j) == "(") --j;
        if (j >= sb && person_start_ending_at(j) >= 0) {
          k = person_start_ending_at(j) - 1;
          continue;
        }
      }
      break;
    }
    if (k >= sb && lower(k) == ":") --k;
    const int role_end = k + 1;
    for (int p = k; p >= sb && p >= role_end - 12; --p) {
      const std::string_view w = lower(p);
      if (w == ";" || w == "." || w == "“" || w == "”" || w == "\"" || w == ":" || w == "(" || w == ")" || w == ",")
        break;
      if (!doc_.info[p].is_word) continue;
      int len = match_phrase(doc_, data::titles_tsv, p, role_end);
      if (len == 0) {
        if (match_phrase(doc_, data::role_breakers_txt, p, p + 1) == 1 ||
            match_phrase(doc_, data::honorifics_tsv, p, p + 1) == 1)
          break;
        continue;
      }
      // A longer title may start just before ("Phó" + "Chủ tịch", "Phó" + "trưởng Ban").
      int tb = p;
      for (int q = p - 1; q >= sb && q >= p - 2; --q) {
        const int longer = match_phrase(doc_, data::titles_tsv, q, role_end);
        if (longer > 0 && q + longer >= tb + len) {
          len = longer;
          tb = q;
        }
      }
      const int te = tb + len;
      // Between the title and the name stand the organization or the title's complement ("Ban Dân vận Tỉnh
      // ủy", "KH&ĐT", "lớp 12 THPT chuyên Quốc học", "Real Madrid"): words, numbers and joined symbols, none
      // of which opens a new clause (the scan above stopped at those).
      for (int q = te; q < role_end; ++q)
        if (!doc_.info[q].is_word && !doc_.info[q].is_number && doc_.tokens[q].span.start > doc_.tokens[q - 1].span.end)
          return std::nullopt;
      int qb = tb;
      while (qb > sb && match_phrase(doc_, data::qualifiers_tsv, qb - 1, tb) == tb - qb + 1) --qb;
      // "các cầu thủ đá chính gồm A, B": words that end by opening a list describe the group, not the
      // title's organization (data/list_openers.txt).
      for (int q = te; q < role_end; ++q)
        if (const int n = match_phrase(doc_, data::list_openers_txt, q, role_end); n > 0 && q + n == role_end)
          return make_role(qb, tb, te, te, te);
      return make_role(qb, tb, te, te, role_end);
    }
    return std::nullopt;
  }

  // "ông A, Giám đốc Sở Y tế, cho biết": a title phrase between commas right after the name.
  std::optional<Role> role_after(int e) const {
    const int se = doc_.sentence_token_end(doc_.tokens[e - 1].sentence);
    // After a comma, a dash ("Thái Hữu Dũng – Phó trưởng khoa …") or an opening parenthesis.
    if (e + 1 >= se || !(lower(e) == "," || lower(e) == "–" || lower(e) == "-" || lower(e) == "(" ||
                         is_rule_word(RuleWord::kCopula, lower(e))))
      return std::nullopt;
    int qb = e + 1;
    if (is_rule_word(RuleWord::kCopula, lower(e)) && qb < se && is_rule_word(RuleWord::kIndefinite, lower(qb)))
      ++qb;                                                                // "X là một thầy thuốc"
    if (qb + 1 < se && is_rule_word(RuleWord::kArticle, lower(qb))) ++qb;  // "Tom Reed, a police officer"
    int tb = qb;
    while (tb < se && match_phrase(doc_, data::qualifiers_tsv, tb, se) > 0)
      tb += match_phrase(doc_, data::qualifiers_tsv, tb, se);
    const int len = tb < se ? match_phrase(doc_, data::titles_tsv, tb, se) : 0;
    if (len == 0) return std::nullopt;
    int end = tb + len;
    // "chief executive of Acme Corp": the organization after a linking word, when a capital opens it.
    int org_begin = end;
    if (end + 1 < se && is_rule_word(RuleWord::kLink, lower(end)) && doc_.info[end + 1].upper_start) org_begin = ++end;
    // After an organization's head word ("Trường tiểu học Kim Thủy") its own lowercase words belong to it.
    const bool org_follows = end < se && match_phrase(doc_, data::org_heads_tsv, end, se) > 0;
    while (end < se && end - tb < 14 && lower(end) != "," && lower(end) != ";" && lower(end) != "." &&
           match_phrase(doc_, data::speech_cues_tsv, end, se) == 0 &&
           (org_follows || doc_.info[end].upper_start ||
            (doc_.word_length.size() > static_cast<std::size_t>(end) && doc_.word_length[end] == 0) ||
            match_phrase(doc_, data::place_levels_tsv, end, end + 1) > 0))
      ++end;
    return make_role(qb, tb, tb + len, org_begin, end);
  }

  static void add_role(Person& p, Role role) {
    // A title capitalized at a sentence's start is the same title ("Nghi phạm …" and "… nghi phạm A").
    auto same_title = [](const std::string& a, const std::string& b) {
      return a == b || lower_utf8(decode_utf8_lossy(a)) == lower_utf8(decode_utf8_lossy(b));
    };
    for (Role& r : p.roles) {
      if (!same_title(r.title, role.title)) continue;
      if (r.organization == role.organization) return;
      // A fuller statement of the same title replaces a bare one ("Phó trưởng Ban" → "… thường trực Ban …").
      if (r.organization.empty()) {
        r = std::move(role);
        return;
      }
      if (role.organization.empty()) return;
    }
    p.roles.push_back(std::move(role));
  }

  const Doc& doc_;
  Cast& cast_;  // what the stage returns
  std::unordered_map<std::string, int> by_name_, by_short_form_;
  std::unordered_map<std::string, std::vector<std::pair<int, std::string>>> later_full_name_;
};

void add_named(std::vector<NamedThing>& list, std::unordered_map<std::string, int>& index, const std::string& name,
               const std::string& abbreviation, const Span& mention) {
  auto [it, inserted] = index.try_emplace(name, static_cast<int>(list.size()));
  if (inserted) list.push_back({name, abbreviation, {}});
  list[it->second].mentions.push_back(mention);
}

}  // namespace

// A name as one line: runs of white space inside it ("Phòng vệ  Israel", a line break in a pasted name) are
// one space, so that the same name written twice is one organization or place.
std::string single_spaced(std::u16string_view written) {
  std::u16string out;
  out.reserve(written.size());
  for (char16_t c : written) {
    const bool space = is_space(c) || is_line_break(c);
    if (!space)
      out += c;
    else if (!out.empty() && out.back() != u' ')
      out += u' ';
  }
  while (!out.empty() && out.back() == u' ') out.pop_back();
  return to_utf8(out);
}

// The name an organization's entity is grouped under: its expansion, its canonical form, or as written.
std::string organization_name(const Doc& doc, const Entity& e) {
  return !e.value.expansion.empty()   ? e.value.expansion
         : !e.value.canonical.empty() ? e.value.canonical
                                      : single_spaced(doc.slice(e.span));
}

// Abbreviations an article defines in brackets after a name ("Lực lượng Phòng vệ Israel (IDF)", "Cục Cảnh
// sát giao thông (C67)"): the abbreviation as written → the name. Its other mentions are that organization.
std::unordered_map<std::string, std::string> bracketed_abbreviations(const Doc& doc) {
  std::unordered_map<std::string, std::string> defined;
  const auto& entities = doc.out.entities;
  for (std::size_t i = 0; i + 1 < entities.size(); ++i) {
    if (entities[i].type != EntityType::kOrganization || entities[i + 1].type != EntityType::kOrganization) continue;
    const int open = doc.entity_tokens[i].second;
    const auto [first, last] = doc.entity_tokens[i + 1];
    if (open + 1 != first || last != first + 1 || last >= static_cast<int>(doc.tokens.size())) continue;
    if (!doc.info[open].lower_is("(") || !doc.info[last].lower_is(")")) continue;
    // One token in capitals (digits allowed: "C67"), after a name of two words or more.
    const std::u16string_view written = doc.slice(doc.tokens[first].span);
    if (!in_capitals(written) || doc.entity_tokens[i].second - doc.entity_tokens[i].first < 2) continue;
    defined.emplace(to_utf8(written), organization_name(doc, entities[i]));
  }
  return defined;
}

namespace {

// A place written in capitals (a dateline's "ROTTERDAM", a headline's "HÀ TĨNH") is the place the text also
// writes in ordinary case, when it does: one place, under that name.
void name_capitalized_places(const Doc& doc, std::vector<std::string>& entity_names) {
  const std::vector<Entity>& entities = doc.out.entities;
  std::unordered_map<std::string, std::string> by_lowercase;  // lowercase → the name in ordinary case
  auto name_of = [&](std::size_t e) {
    return entity_names[e].empty() ? to_utf8(doc.slice(entities[e].span)) : entity_names[e];
  };
  for (std::size_t e = 0; e < entities.size(); ++e)
    if (entities[e].type == EntityType::kLocation)
      if (const std::string name = name_of(e); !in_capitals(decode_utf8_lossy(name)))
        by_lowercase.emplace(lower_utf8(decode_utf8_lossy(name)), name);
  if (by_lowercase.empty()) return;
  for (std::size_t e = 0; e < entities.size(); ++e)
    if (entities[e].type == EntityType::kLocation)
      if (const std::string name = name_of(e); in_capitals(decode_utf8_lossy(name)))
        if (const auto it = by_lowercase.find(lower_utf8(decode_utf8_lossy(name))); it != by_lowercase.end())
          entity_names[e] = it->second;
}

}  // namespace

Cast find_people(const Doc& doc) {
  Cast cast;
  // Each entity's name as the entity stages left it, until a rule below says otherwise.
  cast.entity_names.reserve(doc.out.entities.size());
  for (const Entity& e : doc.out.entities) cast.entity_names.push_back(e.value.canonical);
  PeopleBuilder(doc, cast).run();
  name_capitalized_places(doc, cast.entity_names);
  std::unordered_map<std::string, int> orgs, places;
  const std::unordered_map<std::string, std::string> defined = bracketed_abbreviations(doc);
  for (std::size_t i = 0; i < doc.out.entities.size(); ++i) {
    const Entity& e = doc.out.entities[i];
    if (e.type == EntityType::kOrganization) {
      const std::string written = to_utf8(doc.slice(e.span));
      if (const auto it = defined.find(written); it != defined.end()) {
        add_named(cast.organizations, orgs, it->second, "", e.span);
        if (NamedThing& named = cast.organizations[orgs[it->second]]; named.abbreviation.empty())
          named.abbreviation = written;
        continue;
      }
      // An expanded organization starts with its abbreviation ("UBND" of "UBND tỉnh Hà Tĩnh").
      const std::string abbreviation =
          e.value.expansion.empty() ? "" : to_utf8(doc.slice(doc.tokens[doc.entity_tokens[i].first].span));
      add_named(cast.organizations, orgs, organization_name(doc, e), abbreviation, e.span);
    }
  }
  // Places in document order, whether standing alone or inside an organization's name.
  std::vector<std::pair<Span, std::string>> mentions;
  for (std::size_t i = 0; i < doc.out.entities.size(); ++i)
    if (const Entity& e = doc.out.entities[i]; e.type == EntityType::kLocation)
      mentions.push_back(
          {e.span, cast.entity_names[i].empty() ? single_spaced(doc.slice(e.span)) : cast.entity_names[i]});
  // A place named only inside an organization's name ("Việt Nam" in "Liên đoàn Lao động Việt Nam") is not a
  // place of the story (GUIDE.md); once it is also named on its own, those mentions are its mentions too.
  std::unordered_set<std::string> standalone;
  for (const auto& m : mentions) standalone.insert(m.second);
  for (const auto& [span, sentence] : doc.nested_places)
    if (const std::string name = to_utf8(doc.slice(span)); standalone.count(name)) mentions.push_back({span, name});
  std::stable_sort(mentions.begin(), mentions.end(),
                   [](const auto& a, const auto& b) { return a.first.start < b.first.start; });
  for (const auto& [span, name] : mentions) add_named(cast.places, places, name, "", span);
  return cast;
}

}  // namespace article::internal
