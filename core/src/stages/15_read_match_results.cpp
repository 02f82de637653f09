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
// name followed by the minutes of its goals ("Anh Sơn (61’)", "Tiến Đạt (3’, 5’)") is a player.
#include <algorithm>
#include <unordered_set>

#include "data.h"
#include "entity_edits.h"
#include "entity_model.h"
#include "names.h"

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
    std::vector<std::pair<int, int>> table_teams;
    for (int si = 0; si < static_cast<int>(doc_.out.sentences.size()); ++si) read_table_row(si, table_teams);
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
    for (std::size_t e = 0; e < list_.entities.size(); ++e) {
      Entity& entity = list_.entities[e];
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
  //   "Doncaster 3 Darlington 2", "DETROIT 4 Kansas City 1"   (two sides, each with its score)
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
        token(second_end).size() <= 3 && only_numbers(second_end)) {
      teams.push_back({t, first_end});
      teams.push_back({second, second_end});
    }
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
