#include "captions.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <string>
#include <vector>

#include "data.h"
#include "scan.h"
#include "text.h"

namespace article::internal {

namespace {

const std::vector<std::u16string>& markers_longest_first() {
  static const std::vector<std::u16string> markers = [] {
    std::vector<std::u16string> m;
    for (const auto& row : data_rows(data::caption_markers_txt))
      m.push_back(decode_utf8_lossy(lower_utf8(decode_utf8_lossy(row[0]))));
    std::sort(m.begin(), m.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
    return m;
  }();
  return markers;
}

// The markers by their first unit, for a chunk to be compared only with the markers that begin as it does
// (most Vietnamese words begin with a letter some marker begins with: "c" of "clip", "v" of "video"), and
// the markers longest first within each first unit. may_begin(u): whether the lowercase of u may begin a
// marker, from a table of the units below U+2000 (Latin with Vietnamese, Greek, Cyrillic), true above.
struct MarkerIndex {
  static constexpr char16_t kTabled = 0x2000;
  std::vector<bool> begins;                                          // per unit below kTabled
  std::vector<std::pair<char16_t, const std::u16string*>> by_first;  // sorted by first unit, stably
  bool may_begin(char16_t u) const { return u >= kTabled || begins[u]; }
};
const MarkerIndex& marker_index() {
  static const MarkerIndex index = [] {
    MarkerIndex out;
    std::vector<bool> firsts(0x10000, false);
    for (const std::u16string& marker : markers_longest_first())
      if (!marker.empty()) {
        firsts[marker[0]] = true;
        out.by_first.emplace_back(marker[0], &marker);
      }
    std::stable_sort(out.by_first.begin(), out.by_first.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    out.begins.assign(MarkerIndex::kTabled, false);
    for (UChar32 c = 0; c < MarkerIndex::kTabled; ++c) out.begins[c] = firsts[static_cast<char16_t>(u_tolower(c))];
    return out;
  }();
  return index;
}

// True if the chunks from k on begin with a name from places.tsv.
bool starts_place_name(std::u16string_view s, const std::vector<Chunk>& words, std::size_t k) {
  const auto& places = data_map(data::places_tsv);
  std::u16string name;
  for (std::size_t j = k; j < words.size() && j < k + 4; ++j) {
    if (j > k) name += u' ';
    std::u16string_view w = s.substr(words[j].start, words[j].end - words[j].start);
    while (!w.empty() && (w.back() == '.' || w.back() == ',')) w.remove_suffix(1);
    name += w;
    if (places.count(to_utf8(name))) return true;
  }
  return false;
}

bool is_connector(std::u16string_view w) { return w == u"-" || w == u"–" || w == u"—" || w == u"/" || w == u"&"; }

// Where an unbracketed credit ("Gia Khánh", "Nguyễn Thắng - TTXVN", "T.PHAN", "VNE.") ends. Credits are
// short runs of capitalized words; the run stops at a lowercase word, a full stop, or a word that usually
// starts a sentence. When a lowercase word stops it, the last capitalized word most likely opened the next
// sentence ("Ảnh: Gia Khánh Chiến thắng này…"), so it is given back.
std::int64_t credit_run_end(std::u16string_view s, std::int64_t start, std::int64_t end, std::int64_t* resume) {
  const auto& starters = data_set(data::sentence_starters_txt, true);
  // Credits are at most 8 words; place names looked up from one of them, 4 more.
  const auto words = chunks(s, start, end, 12);
  std::int64_t credit_end = start;
  int names = 0;
  std::int64_t last_name_start = -1, before_last_name = start;
  bool stopped_by_lowercase = false;
  for (std::size_t k = 0; k < words.size() && k < 8; ++k) {
    const auto w = s.substr(words[k].start, words[k].end - words[k].start);
    if (is_connector(w)) continue;
    const char32_t first = code_point_at(w, 0);
    const bool capitalized = is_upper_start(w) || (first >= '0' && first <= '9');
    if (!capitalized) {
      stopped_by_lowercase = true;
      break;
    }
    std::u16string_view bare = w;
    while (!bare.empty() && (is_terminal_punct(bare.back()) || bare.back() == ',' || bare.back() == ';'))
      bare.remove_suffix(1);
    // A sentence-opening word stops the credit, unless it starts a place name ("Báo Bà Rịa-Vũng Tàu").
    if (names > 0 && starters.count(lower_utf8(bare)) && !starts_place_name(s, words, k)) break;
    before_last_name = credit_end;
    last_name_start = words[k].start;
    credit_end = words[k].end;
    ++names;
    if (w.back() == '.' || w.back() == ')' || w.back() == ',') break;  // "VNE." ends the credit
  }
  if (stopped_by_lowercase && names >= 2 && last_name_start >= 0) credit_end = before_last_name;
  *resume = credit_end;
  // The credit itself excludes a trailing full stop or comma.
  std::int64_t e = credit_end;
  while (e > start && (s[e - 1] == '.' || s[e - 1] == ',')) --e;
  return e;
}

}  // namespace

std::optional<CreditMatch> find_credit(std::u16string_view s, std::int64_t start, std::int64_t end) {
  // Chunk by chunk up to the first marker: a caller that resumes after a marker never rescans the text.
  const MarkerIndex& index = marker_index();
  // A marker is followed, after spaces only, by a colon or (bracketed) a closing bracket, and holds none of
  // them: a marker at pos ends where the spaces before the first such stop after pos begin. So a chunk is
  // compared only with the markers of exactly that length, and a text with no stop left has no marker left
  // (most English paragraphs, most sentences). `stop` only moves forward: one pass over the text in all.
  auto is_stop = [](char16_t u) { return u == ':' || u == ')' || u == ']'; };
  std::int64_t stop = start;
  for (Chunk c = next_chunk(s, start, end); c.start < end; c = next_chunk(s, c.end, end)) {
    std::int64_t pos = c.start;
    const bool bracketed = s[pos] == '(' || s[pos] == '[';
    if (bracketed) ++pos;
    if (pos >= end || !index.may_begin(s[pos])) continue;  // most chunks start no marker
    if (stop < pos) stop = pos;
    while (stop < end && !is_stop(s[stop])) ++stop;
    if (stop >= end) return std::nullopt;
    std::int64_t marker_end = stop;
    while (marker_end > pos && is_space(s[marker_end - 1])) --marker_end;
    const auto length = static_cast<std::size_t>(marker_end - pos);
    const char16_t first = static_cast<char16_t>(u_tolower(s[pos]));
    const auto same_first = std::equal_range(index.by_first.begin(), index.by_first.end(),
                                             std::make_pair(first, static_cast<const std::u16string*>(nullptr)),
                                             [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto it = same_first.first; it != same_first.second; ++it) {
      const std::u16string& marker = *it->second;
      if (marker.size() != length || !starts_with_lower(s, pos, marker)) continue;
      std::int64_t after = pos + static_cast<std::int64_t>(marker.size());
      if (after < end && u_isalpha(s[after])) continue;  // "Ảnhxyz" is not a marker
      std::int64_t p = after;
      while (p < end && is_space(s[p])) ++p;
      CreditMatch m;
      m.marker_start = c.start;
      if (bracketed && p < end && (s[p] == ')' || s[p] == ']')) {  // "(Ảnh minh họa)"
        m.credit_start = m.credit_end = p;
        m.end = p + 1;
        return m;
      }
      if (p >= end || s[p] != ':') continue;
      ++p;
      while (p < end && is_space(s[p])) ++p;
      m.credit_start = p;
      if (bracketed) {  // "(Ảnh: Hữu Nghị)": the credit runs to the bracket
        // A credit in brackets is a few words: an unclosed bracket does not make the rest of the text one.
        constexpr std::int64_t kLongestBracketedCredit = 120;
        std::int64_t q = p;
        const std::int64_t limit = std::min(end, p + kLongestBracketedCredit);
        while (q < limit && s[q] != ')' && s[q] != ']' && !is_line_break(s[q])) ++q;
        m.credit_end = q;
        m.end = q < end ? q + 1 : q;
      } else {
        std::int64_t resume = p;
        m.credit_end = credit_run_end(s, p, end, &resume);
        m.end = resume;
      }
      if (m.credit_end < m.credit_start) m.credit_end = m.credit_start;
      return m;
    }
  }
  return std::nullopt;
}

}  // namespace article::internal
