// Stage 09: classify_blocks.
//
// Blocks: the role of each paragraph (or part of one) in a Vietnamese news article.
//
//   header           "date 2020-12" (or an ISO date) opening the first line
//   title            the first line (after the header), when it is short
//   lead             the sapo: the paragraph after the title
//   speaker_caption  "<title> <Name>: <statement>"
//   caption          a photo caption: a short one-sentence paragraph, or any sentence carrying a photo credit
//                    ("Ảnh: …", "(Ảnh minh họa)"), also inside a flattened body line
//   subheading       a short line without final punctuation, followed by body text
//   byline           the author's name closing the article ("Thu Hà", "Theo VnExpress", "Hồng Sương"),
//                    on its own line or as the last sentence of the last line
//   body             everything else
// and, in English, the dateline a wire story opens with ("ROTTERDAM (Reuters) -", "LONDON, June 3 -",
// "MOSCOW 1996-08-30" on a line of its own): the article's place, and its date when the header gives none.
#include <unicode/uchar.h>

#include <algorithm>
#include <optional>
#include <string>
#include <utility>

#include "captions.h"
#include "data.h"
#include "matchers.h"
#include "names.h"
#include "pipeline.h"
#include "rule_words.h"
#include "scan.h"

namespace article::internal {

namespace {

// Facts about a stretch of sentences that the rules below use.
struct Shape {
  int sentences = 0;
  int syllables = 0;  // word tokens
  int numbers = 0;
  int commas = 0;
  int first_comma_syllable = -1;  // how many syllables precede the first comma
  int semicolons = 0;
  int upper_words = 0;  // capitalized word tokens
  char32_t last_char = 0;
};

Shape shape_of(const Doc& doc, int s0, int s1) {
  Shape sh;
  sh.sentences = s1 - s0;
  if (s0 >= s1) return sh;
  for (int t = doc.sentence_token_begin(s0); t < doc.sentence_token_end(s1 - 1); ++t) {
    const DocToken& tok = doc.tokens[t];
    if (tok.kind == TokenKind::kWord) {
      ++sh.syllables;
      if (doc.info[t].upper_start) ++sh.upper_words;
    } else if (tok.kind == TokenKind::kNumber) {
      ++sh.numbers;
    } else if (doc.info[t].lower_is(",")) {
      if (sh.first_comma_syllable < 0) sh.first_comma_syllable = sh.syllables;
      ++sh.commas;
    } else if (doc.info[t].lower_is(";")) {
      ++sh.semicolons;
    }
  }
  const Span& last = doc.out.sentences[s1 - 1].span;
  sh.last_char = code_point_before(doc.text.norm, static_cast<std::size_t>(last.end));
  return sh;
}

// An author line: one to six capitalized words, optionally "Theo …" and a trailing "(T/h)", "(Tổng hợp)",
// "/VOV.VN" or "- TTXVN"; no final full stop.
bool is_byline(const Doc& doc, std::int64_t start, std::int64_t end) {
  const std::u16string_view s = doc.text.norm;
  if (end - start > 80) return false;
  // "(Theo Reuters)": a source in brackets.
  if (s[start] == '(' && s[end - 1] == ')' && rule_word_at(s, start + 1, RuleWord::kBylineFrom) && end - start < 60)
    return true;
  // Drop a trailing parenthesized note: "Kim Thanh (T/h)", "Theo Đức Nguyễn (Báo Bóng đá)".
  std::int64_t e = end;
  if (s[e - 1] == ')') {
    std::int64_t open = e - 1;
    while (open > start && s[open] != '(') --open;
    if (open > start) e = open;
    trim(s, start, e);
  }
  const auto words = chunks(s, start, e);
  if (words.empty() || words.size() > 8) return false;
  std::size_t k = 0;
  const auto first_word = s.substr(words[0].start, words[0].end - words[0].start);
  if (is_rule_word(RuleWord::kBylineFrom, first_word) || is_rule_word(RuleWord::kBylineBy, first_word)) ++k;
  int names = 0;
  for (; k < words.size(); ++k) {
    const auto w = s.substr(words[k].start, words[k].end - words[k].start);
    if (is_rule_word(RuleWord::kBylineJoiner, w)) continue;
    if (!is_upper_start(w)) return false;
    for (char16_t c : w)
      if (is_digit(c) || c == ',' || c == ':' || c == ';' || c == '!' || c == '?' || c == 0x201C || c == '"')
        return false;
    ++names;
  }
  if (names == 0 || names > 6) return false;
  const char16_t last = s[e - 1];
  if (last == '.' && !(e - start >= 3 && s[e - 2] == '/' && s[e - 3] == '.')) {
    // "T.L." is an author; "Hà Nội." is a sentence. Allow only dotted initials.
    const auto w = s.substr(words.back().start, words.back().end - words.back().start);
    if (w.find('.') == w.size() - 1) return false;
  }
  return true;
}

// An English wire credit line, "Reporting by Bart Meijer; Editing by Jan Harvey" (en_credit_roles.tsv): each
// part a role, "by" and capitalized names. The span of its author (the first name of the first author role,
// else of the first part), or nothing when the line is not one.
std::optional<std::pair<std::int64_t, std::int64_t>> credit_line_author(std::u16string_view s, std::int64_t start,
                                                                        std::int64_t end) {
  static const auto& roles = data_map(data::en_credit_roles_tsv, true);
  if (end - start > 200) return std::nullopt;
  if (end > start && s[end - 1] == '.') --end;
  std::optional<std::pair<std::int64_t, std::int64_t>> author, first;
  for (std::int64_t part = start; part < end;) {
    std::int64_t part_end = part;
    while (part_end < end && s[part_end] != ';') ++part_end;
    std::int64_t a = part, e = part_end;
    trim(s, a, e);
    const std::string text = lower_utf8(s.substr(a, e - a));
    std::size_t by = std::string::npos;
    for (const std::string& word : rule_words(RuleWord::kBylineBy)) by = std::min(by, text.find(" " + word + " "));
    if (by == std::string::npos) return std::nullopt;
    const auto role = roles.find(text.substr(0, by));
    if (role == roles.end()) return std::nullopt;
    // The names: capitalized words, joined by "and" or commas; the first name ends at the first of those.
    const auto words = chunks(s, a, e);
    std::size_t k = 0;
    while (k < words.size() &&
           !is_rule_word(RuleWord::kBylineBy, s.substr(words[k].start, words[k].end - words[k].start)))
      ++k;
    if (++k >= words.size()) return std::nullopt;
    std::int64_t name_end = -1;
    for (std::size_t w = k; w < words.size(); ++w) {
      const auto word = s.substr(words[w].start, words[w].end - words[w].start);
      if (is_rule_word(RuleWord::kCreditJoiner, word)) {
        if (name_end < 0) name_end = words[w - 1].end;
        continue;
      }
      if (!is_upper_start(word)) return std::nullopt;
      if (name_end < 0 && word.back() == ',') name_end = words[w].end - 1;
    }
    const std::pair<std::int64_t, std::int64_t> name{words[k].start, name_end < 0 ? e : name_end};
    if (!first) first = name;
    if (!author && role->second == "author") author = name;
    part = part_end + 1;
  }
  return author ? author : first;
}

// A byline-shaped line that can only be an author: "Theo …", a "(Tổng hợp)"/"(T/h)" note, all capitals
// ("PHÙNG BẮC"), or a personal name of two to four syllables starting with a family name ("Thu Hà" is
// not: "Thu" is no family name, which is why the last line needs no such proof).
bool looks_like_author_line(const Doc& doc, int s0, int s1, std::int64_t start, std::int64_t end) {
  const std::u16string_view s = doc.text.norm;
  if (rule_word_at(s, start, RuleWord::kBylineFrom)) return true;
  if (s[end - 1] == ')') {
    std::int64_t open = end - 1;
    while (open > start && s[open] != '(') --open;
    const std::string note = lower_utf8(s.substr(open, end - open));
    if (contains_rule_word(RuleWord::kCompiledNote, note) || contains_rule_word(RuleWord::kBylineFrom, note))
      return true;
  }
  const int t0 = doc.sentence_token_begin(s0), t1 = doc.sentence_token_end(s1 - 1);
  bool all_caps = true;
  int syllables = 0;
  for (int t = t0; t < t1; ++t)
    if (doc.info[t].is_word) {
      ++syllables;
      all_caps = all_caps && doc.info[t].all_upper;
    }
  if (all_caps && syllables >= 2) return true;
  return syllables >= 2 && syllables <= 4 && name_ending_at(doc, t0, t1) == t0;
}

// "<title> <Name>: <statement>": returns the colon position, or -1.
std::int64_t speaker_colon(const Doc& doc, int s0, int s1) {
  const int t0 = doc.sentence_token_begin(s0), t1 = doc.sentence_token_end(s1 - 1);
  int colon = -1;
  for (int t = t0; t < t1 && t < t0 + 24; ++t) {
    const std::string_view w = doc.info[t].lower();
    if (w == ":") {
      colon = t;
      break;
    }
    if (w == ";" || w == "“" || w == "\"" || w == "(" || doc.info[t].is_number) return -1;
  }
  if (colon < t0 + 2 || colon + 2 >= t1) return -1;  // a name needs 2 syllables; a statement follows
  if (!doc.info[t0].upper_start) return -1;
  // The part before the colon ends with a name…
  const int name = name_ending_at(doc, t0, colon);
  if (name < 0) return -1;
  // …and is either just the name, or a role that contains a title or form of address.
  bool has_title = name == t0;
  for (int t = t0; t < name && !has_title; ++t)
    has_title =
        match_phrase(doc, data::titles_tsv, t, name) > 0 || match_phrase(doc, data::honorifics_tsv, t, name) > 0;
  if (!has_title) return -1;
  for (int t = t0; t < name; ++t)
    if (doc.info[t].lower_is(",")) return -1;
  return doc.tokens[colon].span.start;
}

// A standalone photo caption without a credit: one short sentence, no semicolon, no clause-opening comma,
// ending in a full stop (or nothing), between other paragraphs.
// `typical` is the median length of the article's paragraphs: a caption stands out as much shorter than
// them (in text with one short sentence per line, short lines are just body text).
bool looks_like_caption(const Shape& sh, int typical) {
  if (sh.sentences != 1 || sh.syllables < 4 || sh.syllables > 26 || sh.semicolons > 0) return false;
  if (sh.syllables * 5 > typical * 3) return false;
  // Where paragraphs are short anyway (one sentence per line), shape cannot tell a caption from the text.
  if (typical < 30) return false;
  if (sh.commas > 1 || (sh.commas == 1 && sh.first_comma_syllable <= 4)) return false;
  return sh.last_char == '.' || sh.last_char == 0x201D || u_isalnum(sh.last_char);
}

bool looks_like_subheading(const Shape& sh, const Shape* next) {
  if (sh.sentences != 1 || sh.syllables < 2 || sh.syllables > 16 || sh.commas > 1 || sh.semicolons > 0) return false;
  if (is_terminal_punct(sh.last_char) || sh.last_char == ':' || sh.last_char == ',') {
    if (sh.last_char != '?') return false;
  }
  return next && next->syllables >= 2 * sh.syllables;
}

class Builder {
 public:
  Builder(const Doc& doc, std::vector<Block>& blocks) : doc_(doc), blocks_(blocks) {}

  Block& add(BlockType type, std::int64_t start, std::int64_t end, int paragraph) {
    Block b;
    b.type = type;
    b.span = doc_.span(start, end);
    b.paragraph = paragraph;
    blocks_.push_back(std::move(b));
    return blocks_.back();
  }

  // A run of sentences [s0, s1) of one paragraph, with inline captions and (for the last paragraph) a
  // closing byline carved out of it.
  void add_running_text(BlockType type, int s0, int s1, int paragraph, bool last_paragraph) {
    const std::u16string_view s = doc_.text.norm;
    int byline_sentence = -1;
    if (last_paragraph && s1 - s0 >= 2) {
      const Span& sp = doc_.out.sentences[s1 - 1].span;
      if (is_byline(doc_, sp.start, sp.end)) byline_sentence = s1 - 1;
    }
    int run_start = s0;
    auto flush = [&](int upto) {
      if (run_start < upto)
        add(type, doc_.out.sentences[run_start].span.start, doc_.out.sentences[upto - 1].span.end, paragraph);
    };
    for (int si = s0; si < s1; ++si) {
      const Span& sp = doc_.out.sentences[si].span;
      if (si == byline_sentence) {
        flush(si);
        add(BlockType::kByline, sp.start, sp.end, paragraph);
        run_start = si + 1;
        continue;
      }
      const auto credit = s1 - s0 >= 2 ? find_credit(s, sp.start, sp.end) : std::nullopt;
      if (credit && credit->end >= sp.end - 1) {
        flush(si);
        Block& b = add(BlockType::kCaption, sp.start, sp.end, paragraph);
        if (credit->credit_end > credit->credit_start) b.credit = doc_.span(credit->credit_start, credit->credit_end);
        run_start = si + 1;
      }
    }
    flush(s1);
  }

 private:
  const Doc& doc_;
  std::vector<Block>& blocks_;
};

}  // namespace

namespace {
// The author's name in a byline s[a, e): the person before a source ("Văn Kiên/Clip Mạnh Thắng", "Thế Kha -
// Dân Trí", "Đình Viên - Thể thao Việt Nam | 22:45", "Nguyễn Hưng Theo Đời sống Plus"). After "Theo" the
// name is a person's only when a source follows it ("Theo Thiên Sơn / Reatimes"); "Theo VnExpress" credits
// an outlet and names no author (GUIDE.md).
std::string author_of(std::u16string_view s, std::int64_t a, std::int64_t e, bool after_theo) {
  std::int64_t cut = e;
  bool source_follows = false;
  for (std::int64_t i = a; i < e; ++i) {
    const char16_t c = s[i];
    bool spaced_dash = (c == '-' || c == 0x2013 || c == '|') && i > a && s[i - 1] == ' ';
    if (spaced_dash && c != '|') {
      // "Hoàng Anh - Ngọc Lan": two authors; "Thế Kha - Dân Trí": an author and the outlet.
      std::int64_t next_start = i + 1, next_end = next_start;
      while (next_end < e && s[next_end] != '/' && s[next_end] != '|' && s[next_end] != '-' && s[next_end] != 0x2013)
        ++next_end;
      trim(s, next_start, next_end);
      if (reads_as_personal_name(s.substr(next_start, next_end - next_start))) spaced_dash = false;
    }
    if (c == '/' || spaced_dash || (i > a && s[i - 1] == ' ' && rule_word_at(s, i, RuleWord::kBylineFrom)) ||
        rule_word_at(s, i, RuleWord::kSourceLabel)) {
      cut = i;
      source_follows = true;
      break;
    }
  }
  if (after_theo && !source_follows) return "";
  trim(s, a, cut);
  return to_utf8(s.substr(a, cut - a));
}
// The dateline at the start of sentence si, in English: the place in capitals (at most four words,
// "URUS-MARTAN", "NEW YORK"), perhaps its region after a comma ("HERZLIYA, Israel"), perhaps a date ("June 3",
// "1996-08-30") and the news agency in brackets ("(Reuters)"), then a dash, or the end of the line when the
// line is only the place and its date.
std::optional<Dateline> read_dateline(const Doc& doc, int si) {
  constexpr int kMostWords = 4;
  const int begin = doc.sentence_token_begin(si), end = doc.sentence_token_end(si);
  auto text = [&](int k) { return doc.slice(doc.tokens[k].span); };
  auto glued = [&](int k) { return doc.tokens[k].span.start == doc.tokens[k - 1].span.end; };
  auto is_dash = [&](int k) { return text(k) == u"-" || text(k) == u"\u2013" || text(k) == u"\u2014"; };
  int t = begin, words = 0;
  while (t < end && words < kMostWords && doc.info[t].is_word && doc.info[t].all_upper &&
         (t == begin || doc.one_apart(t - 1, t))) {
    ++t, ++words;
    while (t + 1 < end && is_dash(t) && glued(t) && glued(t + 1) && doc.info[t + 1].all_upper) t += 2;  // URUS-MARTAN
  }
  if (words == 0 || doc.slice(doc.tokens[begin].span.start, doc.tokens[t - 1].span.end).size() < 3) return {};
  int place_end = t;
  if (t + 1 < end && text(t) == u"," && doc.info[t + 1].upper_start) {  // ", Israel", ", West Bank"
    int k = t + 1, region = 0;
    while (k < end && region < kMostWords && doc.info[k].is_word && doc.info[k].upper_start &&
           (k == t + 1 || doc.one_apart(k - 1, k)))
      ++k, ++region;
    const ReferenceDate none;
    if (!(region == 1 && match_date(doc, t + 1, end, none).length > 0)) t = place_end = k;  // not "LONDON, June 3"
  }
  Dateline d;
  if (t < end && text(t) == u",") ++t;
  const ReferenceDate reference = parse_reference(doc.options.reference_date);
  if (t < end) {
    const Match date = match_date(doc, t, end, reference);
    if (date.length > 0 && date.type == EntityType::kDate) {
      d.date = date.value.date;
      t += date.length;
    }
  }
  if (t + 2 < end && text(t) == u"(" && doc.info[t + 1].upper_start) {  // "(Reuters)"
    int k = t + 1;
    while (k < end && k - t <= kMostWords && text(k) != u")") ++k;
    if (k < end && text(k) == u")") {
      d.agency = doc.span(doc.tokens[t + 1].span.start, doc.tokens[k - 1].span.end);
      t = k + 1;
    }
  }
  const bool dash = t < end && is_dash(t);
  if (!dash && !(t == end && !d.date.empty())) return {};
  d.place = doc.span(doc.tokens[begin].span.start, doc.tokens[place_end - 1].span.end);
  d.span = doc.span(doc.tokens[begin].span.start, doc.tokens[dash ? t : end - 1].span.end);
  return d;
}

}  // namespace

Blocks classify_blocks(const Doc& doc) {
  Blocks result;
  const std::u16string_view s = doc.text.norm;
  const int paragraphs = static_cast<int>(doc.paragraphs.size());
  // Sentences of each paragraph: [first[p], first[p + 1]).
  std::vector<int> first(paragraphs + 1, static_cast<int>(doc.out.sentences.size()));
  for (int si = static_cast<int>(doc.out.sentences.size()) - 1, p = paragraphs - 1; si >= 0; --si) {
    while (p > 0 && doc.out.sentences[si].span.start < doc.paragraphs[p].start) --p;
    first[p] = si;
  }
  for (int p = paragraphs - 1; p >= 0; --p) first[p] = std::min(first[p], first[p + 1]);
  std::vector<Shape> shapes;
  for (int p = 0; p < paragraphs; ++p) shapes.push_back(shape_of(doc, first[p], first[p + 1]));

  std::vector<int> lengths;
  for (const Shape& sh : shapes) lengths.push_back(sh.syllables);
  std::nth_element(lengths.begin(), lengths.begin() + lengths.size() / 2, lengths.end());
  const int typical = lengths.empty() ? 0 : lengths[lengths.size() / 2];

  Builder builder(doc, result.blocks);
  int p = 0;
  if (doc.header.end > 0) {
    Block& header = builder.add(BlockType::kHeader, doc.header.start, doc.header.end, 0);
    std::int64_t date = doc.header.end;
    while (date > doc.header.start && !is_space(s[date - 1])) --date;
    header.date = to_utf8(s.substr(date, doc.header.end - date));
    result.article.date = header.date;
  }
  // Title: the first line with text (after the header), when it is short and more lines follow.
  const int tp = (doc.header.end > 0 && first[0] == first[1]) ? 1 : 0;
  int lead = -1;
  if (tp + 1 < paragraphs && shapes[tp].sentences >= 1 && shapes[tp].sentences <= 2 && shapes[tp].syllables <= 60 &&
      shapes[tp].last_char != ':') {
    const std::int64_t start = doc.out.sentences[first[tp]].span.start;
    const std::int64_t end = doc.out.sentences[first[tp + 1] - 1].span.end;
    builder.add(BlockType::kTitle, start, end, tp);
    result.article.title = to_utf8(s.substr(start, end - start));
    p = tp + 1;
    // Lead: the next line, unless it is a caption or a speaker caption.
    if (shapes[p].syllables >= 8 && !find_credit(s, doc.paragraphs[p].start, doc.paragraphs[p].end) &&
        speaker_colon(doc, first[p], first[p + 1]) < 0)
      lead = p;
  }
  for (; p < paragraphs; ++p) {
    const int s0 = first[p], s1 = first[p + 1];
    if (s0 >= s1) continue;
    const std::int64_t start = doc.out.sentences[s0].span.start, end = doc.out.sentences[s1 - 1].span.end;
    const bool last = p == paragraphs - 1;
    if (p == lead) {
      builder.add_running_text(BlockType::kLead, s0, s1, p, last);
      continue;
    }
    if (last && paragraphs > 1 && (is_byline(doc, start, end) || credit_line_author(s, start, end))) {
      builder.add(BlockType::kByline, start, end, p);
      continue;
    }
    if (const std::int64_t colon = speaker_colon(doc, s0, s1); colon >= 0) {
      Block& b = builder.add(BlockType::kSpeakerCaption, start, end, p);
      std::int64_t speaker_start = start, speaker_end = colon, statement_start = colon + 1, statement_end = end;
      trim(s, speaker_start, speaker_end);
      trim(s, statement_start, statement_end);
      b.speaker = doc.span(speaker_start, speaker_end);
      b.statement = doc.span(statement_start, statement_end);
      continue;
    }
    if (const auto credit = find_credit(s, start, end); credit && s1 - s0 == 1) {
      Block& b = builder.add(BlockType::kCaption, start, end, p);
      if (credit->credit_end > credit->credit_start) b.credit = doc.span(credit->credit_start, credit->credit_end);
      continue;
    }
    // Concatenated articles (or a byline followed by notes) put bylines mid-text: a line that is only an
    // author's name with "Theo …" or "(Tổng hợp)", or a full personal name, is a byline wherever it stands.
    if (!last && p > 0 && is_byline(doc, start, end) && looks_like_author_line(doc, s0, s1, start, end)) {
      builder.add(BlockType::kByline, start, end, p);
      continue;
    }
    const bool between = p > 0 && !last;
    const Shape* next = p + 1 < paragraphs ? &shapes[p + 1] : nullptr;
    const bool after_colon = p > 0 && shapes[p - 1].last_char == ':';
    if (between && !after_colon && looks_like_subheading(shapes[p], next)) {
      builder.add(BlockType::kSubheading, start, end, p);
      continue;
    }
    if (between && !after_colon && looks_like_caption(shapes[p], typical)) {
      builder.add(BlockType::kCaption, start, end, p);
      continue;
    }
    builder.add_running_text(BlockType::kBody, s0, s1, p, last);
  }
  // Each sentence belongs to the block that contains it.
  std::size_t b = 0;
  result.sentence_block.reserve(doc.out.sentences.size());
  for (const Sentence& sentence : doc.out.sentences) {
    while (b + 1 < result.blocks.size() && result.blocks[b].span.end <= sentence.span.start) ++b;
    result.sentence_block.push_back(static_cast<int>(b));
  }
  // The dateline opens the first sentence of text after the title (and a byline above the text). Its date is
  // the article's when no header gives one and it is whole ("1996-08-30"; "June 3" is one with a reference).
  if (doc.out.language == "en" && !result.blocks.empty())
    for (std::size_t si = 0; si < doc.out.sentences.size(); ++si) {
      const BlockType type = result.blocks[result.sentence_block[si]].type;
      if (type == BlockType::kHeader || type == BlockType::kTitle || type == BlockType::kByline) continue;
      if (auto dateline = read_dateline(doc, static_cast<int>(si))) {
        if (result.article.date.empty() && dateline->date.size() == 10) result.article.date = dateline->date;
        result.article.dateline = std::move(dateline);
      }
      break;
    }
  for (const Block& block : result.blocks)
    if (block.type == BlockType::kByline) {
      if (const auto credited = credit_line_author(s, block.span.start, block.span.end)) {
        result.article.author = to_utf8(s.substr(credited->first, credited->second - credited->first));
        continue;
      }
      std::int64_t a = block.span.start, e = block.span.end;
      if (s[a] == '(' && s[e - 1] == ')') ++a, --e;
      const std::int64_t from = rule_word_at(s, a, RuleWord::kBylineFrom);
      const bool theo = from > 0;
      if (theo)
        a += from + 1;
      else if (const std::int64_t by = rule_word_at(s, a, RuleWord::kBylineBy))
        a += by + 1;  // English "By John Smith"
      // A note in brackets after the name is its source ("Theo Đức Nguyễn (Báo Bóng đá)") unless it says the
      // text was compiled ("(T/h)", "(Tổng hợp)").
      bool sourced = false;
      if (s[e - 1] == ')') {
        std::int64_t open = e;
        while (open > a && s[open - 1] != '(') --open;
        const std::string note = lower_utf8(s.substr(open, e - 1 - open));
        sourced = !contains_rule_word(RuleWord::kCompiledNote, note);
        e = open > a ? open - 1 : e;
      }
      trim(s, a, e);
      static const auto& generic = data_set(data::en_generic_bylines_txt, true);
      if (generic.count(lower_utf8(s.substr(a, e - a)))) continue;  // "Staff Reporter" names no author
      result.article.author = author_of(s, a, e, theo && !sourced);
    }
  return result;
}

}  // namespace article::internal
