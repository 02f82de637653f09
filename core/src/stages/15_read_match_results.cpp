// Stage 15: read_match_results.
//
// Match results in sports reports, read after the names are found.
//
// Vietnamese clubs are often named after their province or city ("Hà Nội", "Đắk Lắk", "TP.HCM"), which the
// gazetteer and the model read as places. A name that is a side of a scored match ("Hà Nội – Hà Tĩnh: 2-0",
// "HAGL- Đắk Lắk: 5-1", "Arsenal 2-1 Chelsea") is a team, which GUIDE.md counts as an organization, and so
// is every other mention of it written the same way, except where the text plainly means the place: after a
// locative preposition ("tại Hà Nội") or with its level word ("tỉnh Hà Tĩnh", a different written form).
// In a report with a scored match, a fixture is read the same way: "15h45: TP.HCM – Đồng Tháp" (a kick-off time,
// a colon, two names joined by a dash). The score itself is not a date ("5-1" is not the 5th of January). And a place
// name followed by the minutes of its goals ("Anh Sơn (61’)", "Tiến Đạt (3’, 5’)") is a player. So is a fixture
// line on such a page ("Walsall v Wrexham", "BALTIMORE AT SEATTLE"; en_fixture_joiners.txt).
#include <algorithm>
#include <unordered_set>

#include "data.h"
#include "entity_edits.h"
#include "entity_model.h"
#include "names.h"
#include "rule_words.h"

namespace article::internal {

namespace {

bool is_dash(std::u16string_view s) { return s == u"-" || s == u"–" || s == u"—"; }
bool is_minute_mark(std::u16string_view s) { return s == u"’" || s == u"'" || s == u"′"; }

class MatchResults {
 public:
  MatchResults(const Doc& doc, EntityList entities) : doc_(doc), list_(std::move(entities)) {
    entity_at_.assign(doc_.tokens.size() + 1, -1);
    time_ends_.assign(doc_.tokens.size() + 1, false);
    for (std::size_t e = 0; e < list_.entities.size(); ++e) {
      if (is_name(e)) entity_at_[list_.tokens[e].first] = static_cast<int>(e);
      if (list_.entities[e].type == EntityType::kTime) time_ends_[list_.tokens[e].second] = true;
    }
  }

  // The stage's product (the object is spent).
  EntityList run() && {
    std::unordered_set<std::u16string_view> teams;
    std::vector<std::pair<int, int>> scores;                    // token ranges
    std::vector<std::pair<std::size_t, std::size_t>> fixtures;  // the sides' entities
    for (std::size_t a = 0; a < list_.entities.size(); ++a) {
      if (!is_name(a)) continue;
      const int after = list_.tokens[a].second;
      int b = -1, score = -1;
      if (after < token_count() && is_dash(token(after)) && entity_at_[after + 1] >= 0) {
        // "A – B: 2-0", "A - B 2-0"
        b = entity_at_[after + 1];
        score = list_.tokens[b].second;
        if (score < token_count() && token(score) == u":") ++score;
        if (!score_at(score)) b = -1;
      } else if (score_at(after) && entity_at_[after + 3] >= 0) {
        // "A 2-0 B"
        b = entity_at_[after + 3];
        score = after;
      }
      if (b < 0) {
        if (fixture_at(a)) fixtures.push_back({a, entity_at_[after + 1]});
        continue;
      }
      add_teams(a, b, teams);
      scores.push_back({score, score + 3});
    }
    if (!scores.empty())
      for (const auto& [a, b] : fixtures) add_teams(a, b, teams);
    // Rows of results and standings tables name teams whether or not a stage read them as names.
    std::vector<std::pair<int, int>> table_teams, fixture_teams;
    for (int si = 0; si < static_cast<int>(doc_.out.sentences.size()); ++si) {
      read_table_row(si, table_teams);
      read_fixture_line(si, fixture_teams);
    }
    // A fixture line is read as such on a page that reports a scored match or a table ("Roe v Wade" is a
    // court case).
    if (!scores.empty() || !table_teams.empty())
      table_teams.insert(table_teams.end(), fixture_teams.begin(), fixture_teams.end());
    const auto& countries = data_set(data::gaz_countries_tsv);
    std::vector<Entity> found;
    std::vector<std::pair<int, int>> found_tokens;
    for (const auto& [b, end] : table_teams) {
      const Span span = doc_.span(doc_.tokens[b].span.start, doc_.tokens[end - 1].span.end);
      if (countries.count(to_utf8(doc_.slice(span)))) continue;
      teams.insert(doc_.slice(span));
      if (const int e = entity_at_[b]; e >= 0 && list_.tokens[e].second == end) {
        list_.entities[e].type = EntityType::kOrganization;
        list_.entities[e].value = EntityValue{};
        continue;
      }
      Entity team;
      team.type = EntityType::kOrganization;
      team.span = span;
      team.sentence = doc_.tokens[b].sentence;
      found.push_back(std::move(team));
      found_tokens.push_back({b, end});
    }
    // In English, a person of the same words is the team too: a club's name the model reads in prose as a
    // person's ("Surrey, who thrashed Warwickshire"). Vietnamese players are often named like places, and the
    // rules that type them are the Vietnamese model's.
    const bool english = doc_.out.language == "en";
    for (std::size_t e = 0; e < list_.entities.size(); ++e) {
      Entity& entity = list_.entities[e];
      if (english && entity.type == EntityType::kPerson && teams.count(doc_.slice(entity.span))) {
        entity.type = EntityType::kOrganization;
        entity.value = EntityValue{};
        continue;
      }
      if (entity.type != EntityType::kLocation) continue;
      const int begin = list_.tokens[e].first;
      if (teams.count(doc_.slice(entity.span)) && !(begin > 0 && locative_before(begin))) {
        entity.type = EntityType::kOrganization;
        entity.value = EntityValue{};
      } else if (goal_minutes_at(list_.tokens[e].second)) {
        entity.type = EntityType::kPerson;
        entity.value = EntityValue{};
      }
    }
    remove_dates(scores);
    merge_entities(list_, std::move(found), std::move(found_tokens), token_count());
    return std::move(list_);
  }

 private:
  int token_count() const { return static_cast<int>(doc_.tokens.size()); }
  std::u16string_view token(int t) const { return doc_.slice(doc_.tokens[t].span); }
  bool adjacent(int t) const { return doc_.tokens[t - 1].span.end == doc_.tokens[t].span.start; }

  bool is_name(std::size_t e) const { return name_type_of(list_.entities[e].type) != NameType::kNone; }

  bool locative_before(int t) const {
    return match_phrase(doc_, data::locative_prepositions_txt, t - 1, t) == 1 && !doc_.info[t - 1].upper_start;
  }

  // The written forms of both sides, whatever each was read as ("Bồ Đào Nha 0-0 Chile" may have one side
  // already an organization). Countries stay places: a national team is written "đội tuyển Chile" or "U23
  // Việt Nam" when the text means the team, and the published corpora tag a bare country as a place.
  void add_teams(std::size_t a, std::size_t b, std::unordered_set<std::u16string_view>& teams) const {
    const auto& countries = data_set(data::gaz_countries_tsv);
    for (const std::size_t side : {a, b}) {
      const std::u16string_view name = doc_.slice(list_.entities[side].span);
      if (!countries.count(to_utf8(name))) teams.insert(name);
    }
  }

  // "15h45: A – B": entity a is the first side of a fixture.
  bool fixture_at(std::size_t a) const {
    const auto [begin, after] = list_.tokens[a];
    return begin >= 2 && token(begin - 1) == u":" && time_ends_[begin - 1] && after < token_count() &&
           is_dash(token(after)) && entity_at_[after + 1] >= 0;
  }

  // A score: two numbers of at most two digits joined by a dash, written without spaces ("2-0", "1–2").
  bool score_at(int t) const {
    if (t < 0 || t + 2 >= token_count()) return false;
    auto goals = [this](int k) { return doc_.info[k].is_number && token(k).size() <= 2; };
    return goals(t) && is_dash(token(t + 1)) && goals(t + 2) && adjacent(t + 1) && adjacent(t + 2) &&
           doc_.tokens[t].sentence == doc_.tokens[t + 2].sentence;
  }

  // "(61’)", "(3’, 5’)", "(45+2’)": the minutes a player scored in, right after the name.
  bool goal_minutes_at(int t) const {
    return t + 3 < token_count() && token(t) == u"(" && doc_.info[t + 1].is_number && token(t + 1).size() <= 3 &&
           is_minute_mark(token(t + 2)) && adjacent(t + 2);
  }

  // A row of a results or standings table, sentence si, as sports pages print them, one to a line:
  //   "Doncaster 3 Darlington 2", "DETROIT 4 Kansas City 1"   (two sides, each with its score, perhaps a note)
  //   "Torquay 4 2 1 1 5 3 7", "3. Hà Nội 10 7 2 1 20 23"      (a side, perhaps after its rank, and its numbers)
  // Each side is a run of capitalized words (at most four); its token range goes to `teams`.
  void read_table_row(int si, std::vector<std::pair<int, int>>& teams) const {
    const int end = doc_.sentence_token_end(si);
    int t = doc_.sentence_token_begin(si);
    auto number = [&](int k) { return k < end && doc_.info[k].is_number; };
    auto name_end = [&](int k) {
      int n = k;
      while (n < end && n - k < 4 && doc_.info[n].is_word && doc_.info[n].upper_start && (n == k || !adjacent(n))) ++n;
      return n;
    };
    // Nothing but numbers and the marks between them ("1/2", ".515", "20-5") to the end.
    auto only_numbers = [&](int k) {
      for (; k < end; ++k)
        if (!number(k) && !doc_.info[k].is_punct) return false;
      return true;
    };
    // The same, or a note in brackets that ends the line: "Pohang 3 Ulsan 2 (halftime 1-0)", "Los Angeles 7
    // PHILADELPHIA 6 (in 12)".
    auto numbers_then_note = [&](int k) {
      while (k < end && number(k)) ++k;
      return only_numbers(k) || (token(k) == u"(" && token(end - 1) == u")");
    };
    if (number(t) && token(t).size() <= 2) {  // a rank, perhaps with its full stop
      ++t;
      if (t < end && token(t) == u".") ++t;
    }
    const int first_end = name_end(t);
    if (first_end == t || !number(first_end)) return;
    // The numbers right after the name, a decimal's full stop read with it ("NEW YORK 72 59 .550"); a dateline's
    // date ("MOSCOW 1996-08-30") is one number and its dashes.
    int numbers = 0;
    for (int k = first_end; k < end; ++k) {
      if (token(k) == u"." && number(k + 1) && doc_.tokens[k + 1].span.start == doc_.tokens[k].span.end) continue;
      if (!number(k)) break;
      ++numbers;
    }
    if (numbers >= 3 && only_numbers(first_end)) {
      teams.push_back({t, first_end});
      return;
    }
    const int second = first_end + 1;
    const int second_end = name_end(second);
    if (numbers == 1 && token(first_end).size() <= 3 && second_end > second && number(second_end) &&
        token(second_end).size() <= 3 && numbers_then_note(second_end)) {
      teams.push_back({t, first_end});
      teams.push_back({second, second_end});
      return;
    }
    read_scorers_row(t, first_end, end, teams);
  }

  // A result line that gives each side's score with its scorers in brackets or in points, the sides perhaps
  // apart by a comma: "Barcelona 2 (Ronaldo 30, Pizzi 80) Real Madrid 1 (Roberto Carlos 79th)", "Glamorgan
  // 259 and 207 (A. Dale 69; D. Blenkiron 4-43), Durham 114 (S. Watkin 4-28) and 81-3", "Derbyshire 24 points,
  // Worcestershire 5". A score is a whole number of at most three digits, perhaps with the wickets after a
  // dash or its unit (rule_words.tsv: points_word), and a second innings after "and" (innings_joiner). A time
  // ("9.91") is no score, and two names with a number each and nothing more ("Woods 70, Faldo 72", golfers)
  // are not read as sides. The first side is [t, first_end); the sentence ends at `end`.
  void read_scorers_row(int t, int first_end, int end, std::vector<std::pair<int, int>>& teams) const {
    auto whole = [&](int k) {
      if (k >= end || !doc_.info[k].is_number || token(k).size() > 3) return false;
      for (char16_t c : token(k))
        if (c < u'0' || c > u'9') return false;
      return true;
    };
    bool points = false;           // a score was given in points
    auto score_end = [&](int k) {  // 259, 197-8, 24 points
      if (!whole(k)) return k;
      ++k;
      if (k + 1 < end && is_dash(token(k)) && adjacent(k) && whole(k + 1) && adjacent(k + 1)) k += 2;
      if (k < end && is_rule_word(RuleWord::kPointsWord, doc_.info[k].lower())) points = true, ++k;
      return k;
    };
    auto brackets_end = [&](int k) {  // "(…)" on this line, or k itself
      if (k >= end || token(k) != u"(") return k;
      for (int j = k + 1; j < end; ++j)
        if (token(j) == u")")
          return j + 1;
        else if (token(j) == u"(")
          return k;
      return k;
    };
    // One side's score, its scorers, and a second innings with its own ("… and 81-3", "114 (…) and 81-3").
    auto side_score_end = [&](int k) {
      const int first = score_end(k);
      if (first == k) return k;
      k = brackets_end(first);
      if (k < end && is_rule_word(RuleWord::kInningsJoiner, doc_.info[k].lower()) && whole(k + 1))
        k = brackets_end(score_end(k + 1));
      return k;
    };
    const int first_score = side_score_end(first_end);
    if (first_score == first_end) return;
    bool scorers = first_score != score_end(first_end);
    int second = first_score;
    if (second < end && token(second) == u",") ++second;
    int second_end = second;
    while (second_end < end && second_end - second < 4 && doc_.info[second_end].is_word &&
           doc_.info[second_end].upper_start)
      ++second_end;
    if (second_end == second) return;
    const int second_score = side_score_end(second_end);
    if (second_score == second_end) return;
    scorers |= second_score != score_end(second_end);
    int rest = second_score;
    if (rest < end && token(rest) == u".") ++rest;
    if (rest != end || !(scorers || points)) return;
    teams.push_back({t, first_end});
    teams.push_back({second, second_end});
  }

  // A fixture, one to a line, as sports pages list them: "Walsall v Wrexham", "BALTIMORE AT SEATTLE",
  // "Postponed: East Fife v Clydebank" (after a label and its colon). Each side is a run of capitalized words
  // (at most four); their token ranges go to `teams`.
  void read_fixture_line(int si, std::vector<std::pair<int, int>>& teams) const {
    static const auto& joiners = data_set(data::en_fixture_joiners_txt, true);
    const int begin = doc_.sentence_token_begin(si), end = doc_.sentence_token_end(si);
    auto side_end = [&](int k) {
      int n = k;
      while (n < end && n - k < 4 && doc_.info[n].is_word && doc_.info[n].upper_start &&
             !joiners.count(doc_.info[n].lower()))
        ++n;
      return n;
    };
    int t = begin;
    for (int k = begin; k < end && k - begin < 4; ++k)
      if (token(k) == u":") t = k + 1;
    const int first_end = side_end(t);
    if (first_end == t || first_end + 1 >= end || !joiners.count(doc_.info[first_end].lower())) return;
    const int second = first_end + 1, second_end = side_end(second);
    int rest = second_end;
    if (rest < end && token(rest) == u".") ++rest;
    if (second_end == second || rest != end) return;
    teams.push_back({t, first_end});
    teams.push_back({second, second_end});
  }

  // Dates the rules read in a score ("5-1").
  void remove_dates(const std::vector<std::pair<int, int>>& scores) {
    if (scores.empty()) return;
    std::unordered_set<int> score_begins;
    for (const auto& s : scores) score_begins.insert(s.first);
    std::size_t kept = 0;
    for (std::size_t e = 0; e < list_.entities.size(); ++e) {
      const auto [b, end] = list_.tokens[e];
      const bool score = list_.entities[e].type == EntityType::kDate && end - b == 3 && score_begins.count(b);
      if (score) continue;
      if (kept != e) {
        list_.entities[kept] = std::move(list_.entities[e]);
        list_.tokens[kept] = list_.tokens[e];
      }
      ++kept;
    }
    list_.entities.resize(kept);
    list_.tokens.resize(kept);
  }

  const Doc& doc_;
  EntityList list_;              // the entities so far, which the stage revises and returns
  std::vector<int> entity_at_;   // the name entity starting at token t, or -1
  std::vector<bool> time_ends_;  // a time entity ends before token t
};

}  // namespace

EntityList read_match_results(const Doc& doc, EntityList entities) {
  return MatchResults(doc, std::move(entities)).run();
}

}  // namespace article::internal
