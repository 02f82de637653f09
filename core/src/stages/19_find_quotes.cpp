// Stage 19: find_quotes.
//
// Quotes and who said them (GUIDE.md, "Quotes").
//   speaker_caption  "<title> <Name>: <statement>" paragraphs (classify_blocks found them)
//   direct           words in “…”, "…" or «…» of a statement: with a speech verb before or after it
//                    (“…”, ông Khang nói. / X cho biết: “…”), or standing as the speech of the paragraph's
//                    speaker; a quote runs over as many sentences as its marks enclose
//   reported         <speaker> <speech verb> <content> ("… Lê Ngọc Châu mong muốn thời gian tới, …"), and
//                    "Theo <speaker>, <content>"
// Quoted text of a few words is a term, a name or a slogan (“dân vận khéo”), not speech. A speaker is a person
// (linked to `people`), an organization, or the words naming an unnamed group ("đại biểu", "hơn 600 người").
#include <algorithm>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "data.h"
#include "names.h"
#include "rule_words.h"
#include "scan.h"

namespace article::internal {

namespace {

// Direct quotes need this many words to be speech rather than a quoted term; reported content too.
constexpr int kMinQuotedWords = 6;
constexpr int kMinReportedWords = 4;
// How far a speaker phrase reaches back from its speech verb, in tokens.
constexpr int kSpeakerReach = 20;
// How far back from its verb an unnamed speaker's title may start ("Giám đốc Chi nhánh một ngân hàng thương
// mại (NHTM) tại TP.HCM cho biết"), in words.
constexpr int kTitleSpeakerReach = 12;
// How far back a form of address or a bare title ("ông", "Thủ tướng") looks for the person it refers to.
constexpr int kAnaphoraReach = 400;

class QuoteFinder {
 public:
  explicit QuoteFinder(const Doc& doc) : doc_(doc) {
    org_ending_at_.assign(doc_.tokens.size() + 1, -1);
    for (std::size_t p = 0; p < doc_.out.people.size(); ++p)
      for (const Role& r : doc_.out.people[p].roles) {
        const std::string title = lower_utf8(decode_utf8_lossy(r.title));
        title_holders_[title].insert(static_cast<int>(p));
        // A title may name its organization itself ("Chủ tịch Quốc hội" in titles.tsv).
        role_holders_[r.organization.empty() ? title : title + " " + lower_utf8(decode_utf8_lossy(r.organization))]
            .insert(static_cast<int>(p));
      }
    words_before_.assign(doc_.tokens.size() + 1, 0);
    for (std::size_t t = 0; t < doc_.tokens.size(); ++t) words_before_[t + 1] = words_before_[t] + doc_.info[t].is_word;
    // An organization speaks under its name as written, except that an abbreviation stands for the name the
    // article spells out ("NHNN" where "Ngân hàng Nhà nước" is written too; "IDF" after "Lực lượng Phòng vệ
    // Israel (IDF)"). An abbreviation never spelled out stays as written ("LHQ").
    std::unordered_map<std::int64_t, const std::string*> spelled_out_at;  // abbreviation mention → the name
    for (const NamedThing& o : doc_.out.organizations) {
      bool spelled_out = false;
      for (const Span& m : o.mentions) spelled_out = spelled_out || to_utf8(doc_.slice(m)) == o.name;
      if (spelled_out)
        for (const Span& m : o.mentions) spelled_out_at.emplace(m.start, &o.name);
    }
    org_name_.resize(doc_.out.entities.size());
    for (std::size_t e = 0; e < doc_.out.entities.size(); ++e) {
      const Entity& entity = doc_.out.entities[e];
      if (entity.type != EntityType::kOrganization) continue;
      const auto [first, last] = doc_.entity_tokens[e];
      org_ending_at_[last] = static_cast<int>(e);
      const auto name = spelled_out_at.find(entity.span.start);
      const std::u16string_view written = doc_.slice(doc_.tokens[first].span);
      const bool abbreviation = last == first + 1 && in_capitals(written);
      org_name_[e] = abbreviation && name != spelled_out_at.end() ? *name->second : to_utf8(doc_.slice(entity.span));
    }
  }

  // The stage's product (the object is spent).
  std::vector<Quote> run() && {
    for (std::size_t b = 0; b < doc_.out.blocks.size(); ++b)
      if (doc_.out.blocks[b].type == BlockType::kSpeakerCaption) speaker_caption(doc_.out.blocks[b]);
    // Direct quotes may run over several sentences of a paragraph: look for them paragraph by paragraph.
    const int sentences = static_cast<int>(doc_.out.sentences.size());
    quoted_.assign(doc_.tokens.size(), false);
    for (int first = 0; first < sentences;) {
      int last = first + 1;
      while (last < sentences && paragraph_of(last) == paragraph_of(first)) ++last;
      direct(first, last);  // a flattened body may open with a caption: skipped per quote, not per paragraph
      first = last;
    }
    for (int si = 0; si < sentences; ++si)
      if (!skipped(si)) reported(si);
    // In text order, with what each speaker's form of address was.
    std::vector<std::size_t> order(quotes_.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [this](std::size_t a, std::size_t b) { return quotes_[a].span.start < quotes_[b].span.start; });
    std::vector<Quote> quotes;
    std::vector<std::pair<int, int>> pronouns;
    quotes.reserve(order.size());
    pronouns.reserve(order.size());
    for (const std::size_t i : order) {
      quotes.push_back(std::move(quotes_[i]));
      pronouns.push_back(pronoun_of_[i]);
    }
    quotes_ = std::move(quotes);
    pronoun_of_ = std::move(pronouns);
    continue_titled_speakers();
    return std::move(quotes_);
  }

 private:
  const std::string& lower(int t) const { return doc_.info[t].lower(); }
  bool word(int t) const { return doc_.info[t].is_word; }

  int paragraph_of(int si) const {
    const int block = doc_.out.sentences[si].block;
    return block >= 0 ? doc_.out.blocks[block].paragraph : -1;
  }
  // Speaker captions were handled on their own; photo captions describe a picture ("… phát biểu tại hội
  // nghị"), they do not report speech; the byline names the author.
  bool skipped(int si) const {
    const int block = doc_.out.sentences[si].block;
    if (block < 0) return false;
    const BlockType type = doc_.out.blocks[block].type;
    return type == BlockType::kSpeakerCaption || type == BlockType::kCaption || type == BlockType::kByline ||
           type == BlockType::kHeader;
  }

  int words_in(int b, int e) const { return b < e ? words_before_[e] - words_before_[b] : 0; }

  std::string text(int b, int e) const {
    return b < e ? to_utf8(doc_.slice(doc_.tokens[b].span.start, doc_.tokens[e - 1].span.end)) : std::string();
  }

  // Skips adverbs between a speaker and its verb ("ông Khang cũng đã cho biết"): the token where the speaker
  // ends.
  int before_adverbs(int t, int floor) const {
    for (;;) {
      int n = 0;
      for (int len = 2; len >= 1 && n == 0; --len)
        if (t - len >= floor && match_phrase(doc_, data::speech_adverbs_txt, t - len, t) == len) n = len;
      if (n == 0) return t;
      t -= n;
    }
  }

  struct Speaker {
    int person_entity = -1;  // a person entity
    int person_index = -1;   // a person in `people` named by a title only ("Tổng Bí thư")
    std::string name;        // an organization or group as written, when no person
    int pronoun = -1;        // the token of "ông", "vị này" when the speaker is referred to so
    bool found() const { return person_entity >= 0 || !name.empty(); }
  };

  // The speaker of a speech verb at token t, found in [floor, t): the person or organization ending right
  // before the verb, else the one named nearest before it in the phrase, else an unnamed group.
  Speaker speaker_before(int t, int floor) const {
    Speaker s;
    int end = before_adverbs(t, floor);
    // "Anh Nguyễn Văn Hồng (con trai bà Lan) cho rằng": the speaker ends before a bracketed aside.
    if (end - 1 > floor && lower(end - 1) == ")")
      if (const int open = opening_bracket(end - 1, floor + 1); open >= 0) end = open;
    // "…,” she told reporters", "He said that …": a pronoun that is the whole subject is the person named last.
    if (end - 1 == floor && match_phrase(doc_, data::speaker_pronouns_txt, floor, end) == 1) {
      s.pronoun = floor;
      s.person_entity = person_before(floor, std::max(0, floor - kAnaphoraReach));
      if (s.person_entity >= 0) return s;
    }
    if (end <= floor) {
      // "ông Võ Văn Khang, Phó chủ tịch Chi hội …, cho rằng …": the verb follows an apposition that may itself
      // hold commas; the speaker is the person named before it.
      s.person_entity = person_before_apposition(floor);
      return s;
    }
    // "X chúc mừng ông Y, đồng thời khẳng định": a verb joined as a second predicate is the subject's.
    if (const int subject = subject_of_second_predicate(end, floor); subject >= 0) {
      s.person_entity = subject;
      return s;
    }
    auto person_in = [&](int from, int to) {
      for (int k = to; k > from; --k)
        if (doc_.person_ending_at[k] >= 0 && doc_.entity_tokens[doc_.person_ending_at[k]].first >= from)
          return doc_.person_ending_at[k];
      return -1;
    };
    // "ông A, Giám đốc Sở Y tế, cho biết" / "ông A, Giám đốc Sở Y tế cho biết": the phrase is the
    // apposition of the person named before the comma.
    // The same for an organization standing as the apposition ("ông A, Bệnh viện Việt Đức, cho biết").
    // Without its closing comma, an apposition starts with a title, or follows the subject of the sentence
    // ("TS. A, Đại học Ngân hàng cho rằng"); "Chiều lòng De Gea, Nhật báo Dario Gol khẳng định" is the paper's.
    if (floor >= 2 && lower(floor - 1) == "," && person_in(floor, end) < 0)
      if (const int e = doc_.person_ending_at[floor - 1];
          e >= 0 &&
          (match_phrase(doc_, data::titles_tsv, floor, end) + match_phrase(doc_, data::qualifiers_tsv, floor, end) >
               0 ||
           opens_sentence(e))) {
        s.person_entity = e;
        return s;
      }
    // "Thạc sĩ A - giảng viên hướng dẫn của sinh viên B cho biết": the person a dash apposition describes.
    if (const int e = person_before_dash_apposition(floor, end); e >= 0) {
      s.person_entity = e;
      return s;
    }
    // A person named in the phrase ("Giám đốc Sở Y tế Nguyễn Văn A cho biết", "đại diện … ông A nói").
    if (int e = person_in(floor, end); e >= 0) {
      // "con trai ông Ch kể": the relative speaks, under the words that name them.
      if (const int kin = relative_before(doc_.entity_tokens[e].first, floor); kin >= 0) {
        s.name = text(kin, doc_.entity_tokens[e].second);
        return s;
      }
      // "luật sư A (…) và luật sư B (…) cho rằng": said together, listed under the first named.
      e = first_of_pair(e, floor);
      s.person_entity = e;
      return s;
    }
    if (const int e = org_ending_at_[end]; e >= 0 && doc_.entity_tokens[e].first >= floor) {
      // "Chủ tịch Quốc hội nêu rõ": a title before the organization names the person holding that role, when
      // the article names one (the most recently named if several).
      if (const int holder = role_holder_before(doc_.entity_tokens[e].first, e, floor); holder >= 0) {
        s.person_index = holder;
        s.name = doc_.out.people[holder].name;
        return s;
      }
      s.name = org_name_[e];
      return s;
    }
    for (int n = 3; n >= 1; --n)
      if (end - n >= floor && match_phrase(doc_, data::group_speakers_txt, end - n, end) == n) {
        s.name = text(end - n, end);
        return s;
      }
    // A counted group: "hơn 77.000 người cho rằng".
    if (end - 2 >= floor && is_rule_word(RuleWord::kPeopleNoun, lower(end - 1)) && doc_.info[end - 2].is_number) {
      int from = end - 2;
      if (from > floor && is_rule_word(RuleWord::kApproximately, lower(from - 1))) --from;
      s.name = text(from, end);
      return s;
    }
    for (int k = end; k > floor; --k)
      if (org_ending_at_[k] >= 0 && doc_.entity_tokens[org_ending_at_[k]].first >= floor) {
        s.name = org_name_[org_ending_at_[k]];
        return s;
      }
    // A speaker named by a title or a form of address ("Tổng Bí thư nói", "vị này cho biết", "cha của cậu bé
    // cho biết"): the one person holding that title when there is one, else the words as written.
    int from = end;  // the reach counts words, not the marks of a bracketed abbreviation ("(NHTM)")
    while (from > floor && words_in(from - 1, end) <= kTitleSpeakerReach) --from;
    for (int k = from; k < end; ++k) {
      const int title = match_phrase(doc_, data::titles_tsv, k, end);
      const int honorific = match_phrase(doc_, data::honorifics_tsv, k, end);
      // "vị này" (this person; not "đơn vị này", this unit), its demonstrative perhaps already skipped as an
      // adverb.
      const bool this_one = is_rule_word(RuleWord::kPersonClassifier, lower(k)) &&
                            (k == floor || !is_rule_word(RuleWord::kClassifierCompound, lower(k - 1))) &&
                            k + 1 < static_cast<int>(doc_.tokens.size()) &&
                            is_rule_word(RuleWord::kDemonstrative, lower(k + 1)) && (k + 1 == end || k + 2 == end);
      // "cha của cậu bé cho biết": a relative of someone referred to speaks, under the words that name them.
      if (kinship_at(k, end) > 0) {
        s.name = text(k, end);
        return s;
      }
      if (title == 0 && honorific == 0 && !this_one && match_phrase(doc_, data::group_speakers_txt, k, end) == 0)
        continue;
      // "ông nói", "Bà cho biết", "vị này khẳng định": a form of address alone refers back to the person
      // last named.
      const bool pronoun =
          (honorific > 0 && (k + honorific == end ||
                             (k + honorific + 1 == end && is_rule_word(RuleWord::kDemonstrative, lower(end - 1))))) ||
          this_one;
      if (pronoun) {
        s.pronoun = k;
        if (const int e = person_before(k, std::max(0, k - kAnaphoraReach)); e >= 0) {
          s.person_entity = e;
          return s;
        }
      }
      // "Tổng Bí thư nói", "Chủ tịch Hà Nội cho biết": the person holding that title, the one named last
      // when several do; when none is named before, the only one holding it ("Nhà báo Anh dự đoán …", the
      // journalist named further on).
      if (title > 0) {
        const std::string key = lower_utf8(doc_.slice(doc_.tokens[k].span.start, doc_.tokens[k + title - 1].span.end));
        if (const auto holders = title_holders_.find(key); holders != title_holders_.end()) {
          for (int m = k; m > std::max(0, k - kAnaphoraReach); --m) {
            const int e = doc_.person_ending_at[m];
            if (e >= 0 && doc_.entity_person[e] >= 0 && holders->second.count(doc_.entity_person[e])) {
              s.person_entity = e;
              return s;
            }
          }
          if (holders->second.size() == 1) {
            s.person_index = *holders->second.begin();
            s.name = doc_.out.people[s.person_index].name;
            return s;
          }
        }
      }
      s.name = text(k, end);
      return s;
    }
    return s;
  }

  // The person holding the role named by a title that ends at token `org_first` and the organization entity
  // `org` after it, or -1.
  int role_holder_before(int org_first, int org, int floor) const {
    for (int k = std::max(floor, org_first - 4); k < org_first; ++k) {
      if (match_phrase(doc_, data::titles_tsv, k, org_first) != org_first - k) continue;
      const std::string key = lower_utf8(doc_.slice(doc_.tokens[k].span.start, doc_.out.entities[org].span.end));
      const auto holders = role_holders_.find(key);
      if (holders == role_holders_.end()) return -1;
      int latest = -1;
      std::int64_t latest_start = -1;
      for (const int p : holders->second)
        for (const Span& m : doc_.out.people[p].mentions)
          if (m.start < doc_.tokens[k].span.start && m.start > latest_start) latest = p, latest_start = m.start;
      return latest >= 0 ? latest : *holders->second.begin();
    }
    return -1;
  }

  // When the speaker phrase ending before token `end` ends with a word joining a second predicate
  // (data/predicate_conjunctions.txt: "đồng thời", "và"), the person who is the sentence's subject: the first
  // one named in it, within a speaker's reach of its start. -1 otherwise.
  int subject_of_second_predicate(int end, int floor) const {
    int joined = 0;
    for (int n = 2; n >= 1 && joined == 0; --n)
      if (end - n >= floor && match_phrase(doc_, data::predicate_conjunctions_txt, end - n, end) == n) joined = n;
    if (joined == 0) return -1;
    const int sentence_begin = doc_.sentence_token_begin(doc_.tokens[end - 1].sentence);
    for (int k = sentence_begin + 1; k <= std::min(end - joined, sentence_begin + kSpeakerReach); ++k)
      if (const int e = doc_.person_ending_at[k]; e >= 0) return e;
    return -1;
  }

  // The person entity e is its sentence's first words, or comes after a title or a form of address ("TS. Bùi
  // Quang Tín", "Ông A"): a subject, not an object.
  bool opens_sentence(int e) const {
    const int first = doc_.entity_tokens[e].first;
    int before = first;
    if (before > 0 && lower(before - 1) == ".") --before;  // "TS." written with its full stop
    for (int n = 1; n <= 3 && before - n >= 0; ++n)
      if (match_phrase(doc_, data::titles_tsv, before - n, before) == n ||
          match_phrase(doc_, data::honorifics_tsv, before - n, before) == n)
        return true;
    int k = doc_.sentence_token_begin(doc_.tokens[first].sentence);
    for (int n; k < first && (n = std::max({match_phrase(doc_, data::titles_tsv, k, first),
                                            match_phrase(doc_, data::honorifics_tsv, k, first),
                                            match_phrase(doc_, data::qualifiers_tsv, k, first)})) > 0;)
      k += n;
    while (k < first && doc_.info[k].is_punct) ++k;  // "TS." written with its full stop
    return k == first;
  }

  // A word of an indirect question (data/question_words.txt: "liệu") in tokens [b, e).
  bool asks_whether(int b, int e) const {
    for (int k = b; k < e; ++k)
      if (match_phrase(doc_, data::question_words_txt, k, e) > 0) return true;
    return false;
  }

  // Where the words for a relative of the person named at token `first` start ("con trai ông Ch", "vợ của
  // anh Tâm", "mẹ bệnh nhân Linh": data/kinship_words.txt, then perhaps "của" and a form of address or one
  // common noun), or -1.
  int relative_before(int first, int floor) const {
    int k = first;
    if (const int h = honorific_ending_at(k, floor); h > 0)
      k -= h;
    else if (k - 2 >= floor && word(k - 1) && !doc_.info[k - 1].upper_start && word(k - 2) &&
             !doc_.info[k - 2].upper_start && match_phrase(doc_, data::kinship_words_txt, k - 2, k) == 0 &&
             match_phrase(doc_, data::kinship_words_txt, k - 1, k) == 0)
      k -= 2;  // "bệnh nhân"
    if (k - 1 >= floor && is_rule_word(RuleWord::kPossessive, lower(k - 1))) --k;
    for (int n = 2; n >= 1; --n)
      if (k - n >= floor && kinship_at(k - n, k) == n) return k - n;
    return -1;
  }

  // The length of a kinship word (data/kinship_words.txt) starting a word at token k, before `end`, or 0: not
  // the "bố" of "tuyên bố" nor the "chồng" of "vợ chồng".
  int kinship_at(int k, int end) const {
    if (doc_.word_length[k] == 0) return 0;
    return match_phrase(doc_, data::kinship_words_txt, k, end);
  }

  // The length of a form of address ending right before token t, or 0.
  int honorific_ending_at(int t, int floor) const {
    for (int n = 2; n >= 1; --n)
      if (t - n >= floor && match_phrase(doc_, data::honorifics_tsv, t - n, t) == n) return n;
    return 0;
  }

  // The first of two people named together before a verb ("A và B cho rằng", each perhaps with a title and a
  // bracketed aside), or `e` itself.
  int first_of_pair(int e, int floor) const {
    // Back over the second person's title or form of address ("luật sư", "bà").
    int k = doc_.entity_tokens[e].first;
    while (k > floor) {
      int n = honorific_ending_at(k, floor);  // the longer of the two ("luật sư", not "sư")
      for (int len = 4; len > n; --len)
        if (k - len >= floor && match_phrase(doc_, data::titles_tsv, k - len, k) == len) n = len;
      if (n == 0) break;
      k -= n;
    }
    if (k - 1 < floor || !is_rule_word(RuleWord::kConjunction, lower(k - 1))) return e;
    // The first person may stand before the clause's start: a bracketed aside ends a clause for clause_start.
    const int sentence_begin = doc_.sentence_token_begin(doc_.tokens[k].sentence);
    int before = k - 1;                                             // the "và"
    if (before - 1 > sentence_begin && lower(before - 1) == ")") {  // the first person's bracketed aside
      before = opening_bracket(before - 1, sentence_begin);
      if (before < 0) return e;
    }
    const int first = doc_.person_ending_at[before];
    return first >= 0 && doc_.entity_tokens[first].first >= sentence_begin ? first : e;
  }

  // The first person in [floor, end) followed by a dash and a title ("Trần Nha Ghi- giảng viên …", "Graham
  // Deacon - trưởng Bộ phận …"), or -1.
  int person_before_dash_apposition(int floor, int end) const {
    for (int k = floor + 1; k + 1 < end; ++k) {
      const int e = doc_.person_ending_at[k];
      if (e < 0 || doc_.entity_tokens[e].first < floor) continue;
      if (lower(k) != "-" && lower(k) != "–") continue;
      if (match_phrase(doc_, data::titles_tsv, k + 1, end) + match_phrase(doc_, data::qualifiers_tsv, k + 1, end) > 0)
        return e;
    }
    return -1;
  }

  // A date or time word opening a phrase ("Theo tháng 5, …" is no source): data/date_words.tsv.
  int match_date_word(int t, int end) const { return match_phrase(doc_, data::date_words_tsv, t, end); }

  // The person named right before a comma that opens an apposition ending at `comma_end` (the token after
  // the apposition's last comma): "X, Giám đốc Sở Y tế, cho biết", "X, Trưởng Công an phường Láng Hạ, quận
  // Đống Đa, cho biết". The apposition starts with a title or a qualifier and holds no verb of speech.
  int person_before_apposition(int comma_end) const {
    const int sentence_begin = doc_.sentence_token_begin(doc_.tokens[std::max(0, comma_end - 1)].sentence);
    for (int k = comma_end - 1; k > sentence_begin && comma_end - k <= 2 * kSpeakerReach; --k) {
      const std::string_view w = lower(k);
      if (w == ";" || w == "." || w == ":" || w == "”" || w == "\"") break;
      if (w != "," || k + 1 >= comma_end) continue;
      if (const int e = doc_.person_ending_at[k];
          e >= 0 && match_phrase(doc_, data::titles_tsv, k + 1, comma_end) +
                            match_phrase(doc_, data::qualifiers_tsv, k + 1, comma_end) >
                        0)
        return e;
    }
    return -1;
  }

  // The "(" that the ")" at token `close` closes, looked for back to token `floor`, or -1 (also when another
  // ")" comes first).
  int opening_bracket(int close, int floor) const {
    for (int k = close - 1; k >= floor; --k) {
      if (lower(k) == ")") return -1;
      if (lower(k) == "(") return k;
    }
    return -1;
  }

  // Where the clause holding token t starts: after the last comma, semicolon, colon or closing quote. A
  // bracketed aside is part of it ("cử tri Trần Viết Hoàn (Ba Đình) đề nghị …").
  int clause_start(int t, int sentence_begin) const {
    int k = t;
    while (k > sentence_begin && t - k < kSpeakerReach) {
      const std::string_view w = lower(k - 1);
      if (w == ")") {
        const int open = opening_bracket(k - 1, std::max(sentence_begin, t - kSpeakerReach + 1));
        if (open < 0 || open == k - 2) break;  // unclosed, or "()"
        k = open;
        continue;
      }
      if (w == "," || w == ";" || w == ":" || w == "”" || w == "\"" || w == "(") break;
      --k;
    }
    return k;
  }

  void add(QuoteKind kind, const Span& content, std::optional<Span> cue, const Speaker& speaker) {
    Quote q;
    q.kind = kind;
    q.span = content;
    q.cue = std::move(cue);
    if (speaker.person_entity >= 0) {
      q.person = doc_.entity_person[speaker.person_entity];
      q.speaker = q.person >= 0 ? doc_.out.people[q.person].name
                                : to_utf8(doc_.slice(doc_.out.entities[speaker.person_entity].span));
    } else {
      q.person = speaker.person_index;
      q.speaker = speaker.name;
    }
    quotes_.push_back(std::move(q));
    pronoun_of_.push_back({speaker.pronoun, speaker.person_entity});
  }

  // "Giám đốc chi nhánh một ngân hàng (NHTM) cho biết …. “…”, vị này nói": a speaker referred to by a form of
  // address continues the speaker of the quote before, when that one is a person named by a title alone and
  // was quoted after the person named last. Run once the quotes are in text order (direct quotes are found
  // before reported ones).
  void continue_titled_speakers() {
    const auto& titles = data_map(data::titles_tsv, true);
    auto titled = [&titles](const Quote& q) {
      if (q.person >= 0 || q.speaker.empty()) return false;
      const std::string speaker = lower_utf8(decode_utf8_lossy(q.speaker));
      for (std::size_t space = speaker.find(' '); space != std::string::npos; space = speaker.find(' ', space + 1))
        if (titles.count(speaker.substr(0, space))) return true;
      return titles.count(speaker) > 0;
    };
    auto& quotes = quotes_;
    for (std::size_t i = 1; i < quotes.size(); ++i) {
      const auto [pronoun, person] = pronoun_of_[i];
      if (pronoun < 0) continue;
      // The quote before, past those of organizations and groups (which no form of address refers to).
      std::size_t j = i - 1;
      while (j > 0 && i - j < 4 && quotes[j].person < 0 && !titled(quotes[j])) --j;
      const Quote& before = quotes[j];
      if (!titled(before) || before.span.start >= doc_.tokens[pronoun].span.start) continue;
      if (person >= 0 && doc_.out.entities[person].span.start > before.span.start) continue;
      quotes[i].person = -1;
      quotes[i].speaker = before.speaker;
    }
  }

  void speaker_caption(const Block& b) {
    if (!b.speaker || !b.statement) return;
    // The speaker is the person whose name ends the speaker part (just before the colon).
    // Tokens are in text order: start at the speaker part's first token, not at the top of the text.
    Speaker speaker;
    const auto first = std::lower_bound(doc_.tokens.begin(), doc_.tokens.end(), b.speaker->start,
                                        [](const DocToken& token, std::int64_t at) { return token.span.start < at; });
    for (auto t = static_cast<std::size_t>(first - doc_.tokens.begin());
         t < doc_.tokens.size() && doc_.tokens[t].span.end <= b.speaker->end; ++t)
      if (doc_.person_ending_at[t + 1] >= 0) speaker.person_entity = doc_.person_ending_at[t + 1];
    if (speaker.person_entity < 0) speaker.name = doc_.utf8(*b.speaker);
    add(QuoteKind::kSpeakerCaption, *b.statement, std::nullopt, speaker);
  }

  // The second column of the speech verb at token t (n tokens) in data/speech_cues.tsv.
  bool cue_marked(int t, int n, const char* mark) const {
    std::string key;
    for (int k = t; k < t + n; ++k) key += (k > t ? " " : "") + lower(k);
    const auto& cues = data_map(data::speech_cues_tsv, true);
    const auto it = cues.find(key);
    return it != cues.end() && it->second == mark;
  }
  bool takes_object(int t, int n) const { return cue_marked(t, n, "object"); }

  // Speech verb at token t: its length in tokens.
  // A capitalized syllable inside a run of capitalized words is part of a name, not a verb ("cử tri Trần
  // Viết Hoàn": "Viết" is not "viết").
  int cue_at(int t, int end) const {
    if (doc_.info[t].upper_start && t > doc_.sentence_token_begin(doc_.tokens[t].sentence) &&
        doc_.info[t - 1].is_word && doc_.info[t - 1].upper_start &&
        doc_.tokens[t].span.start - doc_.tokens[t - 1].span.end == 1)
      return 0;
    return match_phrase(doc_, data::speech_cues_tsv, t, end);
  }

  Span cue_span(int t, int n) const { return doc_.span(doc_.tokens[t].span.start, doc_.tokens[t + n - 1].span.end); }

  // Headlines quote with single marks ('…', ‘…’); an apostrophe inside a word ("Levi's") is one token with it.
  static bool opens(const std::string& w) {
    // Asked of every token of a paragraph: most start with no byte an opening mark starts with.
    if (w.empty() || (w[0] != '\xE2' && w[0] != '"' && w[0] != '\xC2' && w[0] != '\'')) return false;
    return w == "“" || w == "\"" || w == "«" || w == "‘" || w == "'";
  }
  static std::string closer_of(const std::string& w) {
    return w == "“" ? "”" : w == "«" ? "»" : w == "‘" ? "’" : w == "'" ? "'" : "\"";
  }

  // The nearest person named before token t in the paragraph's tokens [floor, t), or -1: the speaker of a
  // quote that stands without a verb ("Ông Khang nhận định … “…”").
  int person_before(int t, int floor) const {
    for (int k = t; k > floor; --k)
      if (doc_.person_ending_at[k] >= 0) return doc_.person_ending_at[k];
    return -1;
  }

  // Quoted words that are a statement rather than a title or a term (“Đề án xây dựng …” in running text): they
  // end with a sentence's punctuation inside the marks, or open their sentence (or follow a colon) and close it.
  bool stands_as_statement(int open, int close, int sentence_begin, int sentence_end) const {
    const std::string& inner_last = lower(close - 1);
    if (inner_last == "." || inner_last == "!" || inner_last == "?" || inner_last == "..." || inner_last == "…")
      return true;
    const bool opens_sentence = open == sentence_begin || lower(open - 1) == ":";
    int after = close + 1;
    while (after < sentence_end && after <= close + 3 && doc_.info[after].is_punct) ++after;
    return opens_sentence && after >= sentence_end;
  }

  // Quotes in sentences [s0, s1) of one paragraph.
  void direct(int s0, int s1) {
    const int begin = doc_.sentence_token_begin(s0), end = doc_.sentence_token_end(s1 - 1);
    // Where each closing mark stands, so that finding an opening mark's closer never rescans the paragraph.
    std::unordered_map<std::string, std::vector<int>> closers;
    for (int t = begin; t < end; ++t)
      if (doc_.info[t].is_punct) closers[lower(t)].push_back(t);
    auto next_of = [&](const std::string& mark, int after) {
      const auto it = closers.find(mark);
      if (it == closers.end()) return end;
      const auto at = std::upper_bound(it->second.begin(), it->second.end(), after);
      return at == it->second.end() ? end : *at;
    };
    for (int open = begin; open < end; ++open) {
      if (!opens(lower(open)) || skipped(doc_.tokens[open].sentence)) continue;
      // Writers mix their marks («…", “…"): a curly or angled quote may close with a straight one.
      const std::string closer = closer_of(lower(open));
      const bool straight_closes = lower(open) == "“" || lower(open) == "«";
      const int close = std::min(next_of(closer, open), straight_closes ? next_of("\"", open) : end);
      if (close >= end) continue;  // an opening mark never closed: the next one may be
      const int words = words_in(open + 1, close);
      const Span content = doc_.span(doc_.tokens[open].span.end, doc_.tokens[close].span.start);
      const int open_sentence = doc_.tokens[open].sentence, close_sentence = doc_.tokens[close].sentence;
      const int open_begin = doc_.sentence_token_begin(open_sentence);
      const int close_end = doc_.sentence_token_end(close_sentence);
      bool found = false;
      // "HLV Hoàng Anh Tuấn: “…”": a person named right before a colon that opens the quote says it, whatever a
      // sentence after it goes on to say.
      if (words >= 3 && open - 1 > open_begin && lower(open - 1) == ":" && doc_.person_ending_at[open - 1] >= 0) {
        Speaker speaker;
        speaker.person_entity = doc_.person_ending_at[open - 1];
        add(QuoteKind::kDirect, content, std::nullopt, speaker);
        found = true;
      }
      // After: “…”, <speaker> <cue>   or   “…”, <cue> <speaker>  (", ông Khang nói", ", cho biết ông A")
      int after = close + 1;
      while (after < close_end && after <= close + 3 &&
             (lower(after) == "," || lower(after) == "." || lower(after) == "!" || lower(after) == "?" ||
              lower(after) == "–" || lower(after) == "-"))
        ++after;
      for (int t = after; !found && t < close_end && t < after + 10 && words >= 3; ++t) {
        const int n = cue_at(t, close_end);
        if (n == 0) continue;
        Speaker speaker;
        // "…”, New Yorker dẫn lời Nitin Saigal": the one quoted is named after the verb. So is the one whose
        // remark a noun of speech names ("Đó là nhận xét của HLV Hoàng Anh Tuấn"); the words before it are not.
        const bool remark_of = t + n < close_end && is_rule_word(RuleWord::kPossessive, lower(t + n));
        if (cue_marked(t, n, "source") || remark_of)
          speaker.person_entity = person_right_after(t + n + (remark_of ? 1 : 0), close_end);
        if (!speaker.found() &&
            match_phrase(doc_, data::source_openers_txt, t, close_end) > 0) {  // "…," according to the mayor
          const int last = without_final_marks(t, close_end);
          source_at_end(t, last, speaker);
        }
        if (!speaker.found() && !remark_of) speaker = speaker_before(t, after);
        if (!speaker.found()) {  // "…”, cho biết ông A", "…”, thông báo của IDF cho hay": a name just after
          for (int k = t + n + 1; k <= std::min(close_end, t + n + 5) && !speaker.found(); ++k) {
            if (doc_.person_ending_at[k] >= 0 && doc_.entity_tokens[doc_.person_ending_at[k]].first <= t + n + 2)
              speaker.person_entity = doc_.person_ending_at[k];
            else if (const int e = org_ending_at_[k]; e >= 0 && doc_.entity_tokens[e].first <= t + n + 2)
              speaker.name = org_name_[e];
          }
        }
        // The words between the quote and its verb name the speaker ("…”, một cán bộ nói).
        if (!speaker.found() && !remark_of && t - after <= 6 && t > after) {
          speaker.name = text(after, before_adverbs(t, after));
          speaker.pronoun = -1;
        }
        if (speaker.found() || t == after) {
          add(QuoteKind::kDirect, content, cue_span(t, n), speaker);
          found = true;
        }
        break;
      }
      // Before: <speaker> <cue> [rằng] [:] “…”
      if (!found && words >= 3) {
        int t = open - 1;
        while (t > open_begin && t >= open - 3 &&
               (lower(t) == ":" || lower(t) == "," || is_rule_word(RuleWord::kComplementizer, lower(t))))
          --t;
        for (int c = t; c >= open_begin && c >= t - 2; --c) {
          const int n = cue_at(c, t + 1);
          if (n == 0 || c + n != t + 1) continue;
          const Speaker speaker = speaker_before(c, std::max(open_begin, c - kSpeakerReach));
          add(QuoteKind::kDirect, content, cue_span(c, n), speaker);
          found = true;
          break;
        }
      }
      // “…”, theo X.  /  "…," according to X. (A verb before the quote names its speaker first: "bà Hương cho
      // biết: “…”, theo Vietnamnet" is hers, as the outlet reports it.)
      if (!found && words >= 3) {
        const int last = without_final_marks(after, close_end);
        Speaker speaker;
        if (const int opener = source_at_end(after, last, speaker); opener > 0) {
          const int theo = is_rule_word(RuleWord::kAlso, lower(after)) ? after + 1 : after;
          add(QuoteKind::kDirect, content, cue_span(theo, opener - (theo - after)), speaker);
          found = true;
        }
      }
      // A statement in quotation marks with no verb next to it is still speech when it is long enough to be
      // one; its speaker is the person the paragraph last named.
      if (!found && words >= kMinQuotedWords && stands_as_statement(open, close, open_begin, close_end)) {
        Speaker speaker;
        speaker.person_entity = person_before(open, doc_.sentence_token_begin(s0));
        add(QuoteKind::kDirect, content, std::nullopt, speaker);
        found = true;
      }
      if (found)
        for (int q = open; q <= close; ++q) quoted_[q] = true;
      open = close;
    }
  }

  // Reported speech in sentence si: each speech verb with a speaker of its own clause and content after it
  // ("hơn 77.000 người cho rằng …; hơn 21.000 người cho là …"), and "Theo X, …".
  void reported(int si) {
    const int begin = doc_.sentence_token_begin(si), end = doc_.sentence_token_end(si);
    // "Theo X," opens a clause, or follows a heading run into the sentence ("… bệnh nhân Theo bác sĩ Thành, …").
    for (int t = begin; t < end; ++t) {
      const bool opener = match_phrase(doc_, data::source_openers_txt, t, end) > 0;
      if (!opener && !is_rule_word(RuleWord::kAlso, lower(t))) continue;  // what according_to() can start with
      // A bracket does not open one: "(giờ Việt Nam theo GMT+7)" cites nobody.
      const bool after_bracket = t > begin && lower(t - 1) == "(";
      const bool opens = (clause_start(t, begin) == t && !after_bracket) || (opener && doc_.info[t].upper_start);
      if (opens && according_to(t, end)) return;
    }
    if (according_to_at_end(begin, end)) return;
    for (int t = begin; t < end; ++t) {
      if (quoted_[t]) continue;
      const int n = cue_at(t, end);
      if (n == 0) continue;
      const int floor = clause_start(t, begin);
      // "được đánh giá là …", "bị yêu cầu …": the subject is not the one speaking; "cần có đánh giá",
      // "để phản ánh": no speech reported (data/not_speech_before.txt).
      if (t > begin && is_rule_word(RuleWord::kPassive, lower(t - 1))) continue;
      if ((t > begin && match_phrase(doc_, data::not_speech_before_txt, t - 1, t) == 1) ||
          (t > begin + 1 && match_phrase(doc_, data::not_speech_before_txt, t - 2, t) == 2))
        continue;
      // "Khi được hỏi liệu ông Putin có mong muốn …": a question asked, not a statement made.
      if (asks_whether(floor, t)) continue;
      const Speaker speaker = speaker_before(t, floor);
      if (!speaker.found()) continue;  // a verb with no speaker in its clause reports no speech ("việc cho biết")
      int c = t + n;
      if (c < end && match_phrase(doc_, data::speech_non_content_txt, c, end) > 0) continue;
      auto introduces = [&](int k) {
        return lower(k) == ":" || lower(k) == "," || is_rule_word(RuleWord::kComplementizer, lower(k)) ||
               is_rule_word(RuleWord::kCopula, lower(k));
      };
      const bool introduced = c < end && introduces(c);
      if (!introduced && takes_object(t, n)) continue;  // "bày tỏ niềm tự hào": not speech
      while (c < end && introduces(c)) ++c;
      const int last = without_final_marks(c, end);
      if (c >= last) {  // nothing after the verb: the statement may come first
        statement_before_dash(begin, t, n);
        continue;
      }
      // Too short a statement ("phát biểu tại hội nghị") reports an act.
      if (!add_statement(c, last, cue_span(t, n), speaker)) continue;
      // A further statement in the sentence starts a clause of its own, after a semicolon.
      t = c;
      while (t < end && lower(t) != ";") ++t;
    }
  }

  // The person entity starting at token `from`, or after a title or a form of address there ("Tổng Bí thư
  // Nguyễn Phú Trọng", "ông Cường"), or -1.
  int person_right_after(int from, int end) const {
    int k = from;
    for (int n; k < end && (n = std::max(match_phrase(doc_, data::titles_tsv, k, end),
                                         match_phrase(doc_, data::honorifics_tsv, k, end))) > 0;)
      k += n;
    for (int p = k + 1; p <= end && p <= k + 4; ++p)
      if (const int e = doc_.person_ending_at[p]; e >= 0 && doc_.entity_tokens[e].first == k) return e;
    return -1;
  }

  // "… nâng cao năng suất - Bộ trưởng Nguyễn Xuân Cường cho biết.": a sentence that ends with its speaker and
  // verb after a spaced dash reports what comes before the dash (the verb at t, n tokens long).
  void statement_before_dash(int begin, int t, int n) {
    int dash = -1;
    for (int k = t - 1; k > begin && t - k <= kSpeakerReach && dash < 0; --k)
      if ((lower(k) == "-" || lower(k) == "–") && doc_.tokens[k].span.start > doc_.tokens[k - 1].span.end) dash = k;
    if (dash < 0) return;
    const Speaker speaker = speaker_before(t, dash + 1);
    int first = begin;
    while (first < dash && doc_.info[first].is_punct) ++first;
    if (speaker.found()) add_statement(first, dash, cue_span(t, n), speaker);
  }

  // Adds what was said in tokens [first, end) (closing punctuation left out) as a reported quote, unless it is
  // inside a direct quote or shorter than kMinReportedWords; true if added.
  // The end of tokens [first, end) without the marks that close it ("…, theo CNN." ends before the full stop).
  int without_final_marks(int first, int end) const {
    while (end > first && doc_.info[end - 1].is_punct) --end;
    return end;
  }

  // The words at token k that name a group, a title or a form of address ("các chuyên gia", "Thủ tướng",
  // "ông"): the longest, or 0.
  int group_words_at(int k, int end) const {
    return std::max({match_phrase(doc_, data::group_speakers_txt, k, end),
                     match_phrase(doc_, data::honorifics_tsv, k, end), match_phrase(doc_, data::titles_tsv, k, end)});
  }

  // The speaker a source clause [source_begin, source_end) names ("Theo ông X", "according to the ministry"):
  // false when it names none (a plan, a rule, a date).
  bool source_speaker(int source_begin, int source_end, Speaker& speaker) const {
    if (match_phrase(doc_, data::not_speakers_txt, source_begin, source_end) > 0) return false;
    // "Theo báo cáo của các Hội đồng thi, …", "Theo chia sẻ của con trai bệnh nhân, …": the source is who the
    // report or the account is of.
    int source = source_begin;
    if (word(source) && !doc_.info[source].upper_start)
      for (int k = source + 1; k + 1 < source_end && k <= source + 3; ++k)
        if (is_rule_word(RuleWord::kPossessive, lower(k))) {
          source = k + 1;
          break;
        }
    speaker = speaker_before(source_end, source);
    if (speaker.found()) return true;
    // Only people, organizations and groups speak: "Theo kế hoạch" or "Theo đó" do not.
    const bool group = group_words_at(source, source_end) > 0;
    // Any other short noun phrase that is not a plan, a rule or a date is a source ("Theo kiểm toán, …").
    const bool short_source = source_end - source <= 6 && word(source) && !doc_.info[source].is_number &&
                              match_date_word(source, source_end) == 0;
    if (!group && !short_source) return false;
    speaker.name = text(source, source_end);
    return true;
  }

  // A source that closes its sentence ("…, according to the ministry.", "…”, theo ông X."): an opener at
  // `from` ("theo", "according to", perhaps after "cũng") and a source running to `last`. Stricter than a
  // source that opens the sentence, since nothing after it (a comma, a statement) shows it is one: a person or
  // an organization, a group, title or form of address with at most two more words ("các chuyên gia Mỹ"), or
  // a capitalized name of at most six words that no stage read ("The Mirror"). "theo đúng kế hoạch", "theo
  // từng dòng quá khứ" and "theo cô ấy nhưng bị từ chối" name none. The opener's length, or 0.
  int source_at_end(int from, int last, Speaker& speaker) const {
    int theo = from;
    if (theo < last && is_rule_word(RuleWord::kAlso, lower(theo))) ++theo;
    const int opener = theo < last ? match_phrase(doc_, data::source_openers_txt, theo, last) : 0;
    int source = theo + opener;
    if (opener == 0 || source >= last || last - source > kSpeakerReach) return 0;
    // "…, according to Mary Smith, the chief executive.": the source ends at its apposition, a title (perhaps
    // after an article) that runs to the end.
    auto after_article = [&](int k, int end) {
      return k + 1 < end && is_rule_word(RuleWord::kArticle, lower(k)) ? k + 1 : k;
    };
    for (int k = source; k < last; ++k)
      if (lower(k) == ",") {
        const int title = after_article(k + 1, last);
        if (title >= last || match_phrase(doc_, data::titles_tsv, title, last) == 0) return 0;
        last = k;
        break;
      }
    if (source >= last) return 0;
    if (match_phrase(doc_, data::not_speakers_txt, source, last) > 0) return 0;
    // "theo BBC ngày 11/7": the date the source wrote on is not part of its name.
    for (int k = source + 1; k + 1 < last; ++k)
      if (is_rule_word(RuleWord::kDayWord, lower(k)) && doc_.info[k + 1].is_number) {
        last = k;
        break;
      }
    speaker = speaker_before(last, source);
    if (speaker.person_entity >= 0 && doc_.entity_tokens[speaker.person_entity].second == last)
      return theo + opener - from;
    if (org_ending_at_[last] >= 0 && doc_.entity_tokens[org_ending_at_[last]].first >= source) {
      speaker = Speaker{};
      speaker.name = org_name_[org_ending_at_[last]];
      return theo + opener - from;
    }
    speaker = Speaker{};
    const int head = after_article(source, last);  // "the mayor"
    const int group = group_words_at(head, last);
    // A name that no stage read holds no number: "theo Điều 136 BLHS" cites a law.
    bool named = word(source) && doc_.info[source].upper_start && last - source <= 6;
    for (int k = source; k < last && named; ++k) named = !doc_.info[k].is_number;
    if (!(group > 0 && last - head - group <= 2) && !named) return 0;
    speaker.name = text(source, last);
    return theo + opener - from;
  }

  // "…, according to the ministry.", "…, theo ông X.": a statement whose source closes the sentence, after a
  // comma, is reported speech.
  bool according_to_at_end(int begin, int end) {
    const int last = without_final_marks(begin, end);
    for (int comma = last - 2; comma > begin && last - comma <= kSpeakerReach; --comma) {
      if (lower(comma) != ",") continue;
      Speaker speaker;
      const int opener = source_at_end(comma + 1, last, speaker);
      if (opener == 0) continue;  // perhaps the comma of the source's apposition
      // "ông Y cho biết …, theo X" is Y's statement (as "Theo X, ông Y cho biết …" is): a speech verb with its
      // own speaker decides.
      for (int t = begin; t < comma; ++t)
        if (const int n = cue_at(t, comma); n > 0 && speaker_before(t, begin).found()) return false;
      const int theo = is_rule_word(RuleWord::kAlso, lower(comma + 1)) ? comma + 2 : comma + 1;
      return add_statement(begin, comma, cue_span(theo, opener - (theo - comma - 1)), speaker);
    }
    return false;
  }

  bool add_statement(int first, int end, const Span& cue, const Speaker& speaker) {
    const int last = without_final_marks(first, end);
    if (first >= last || quoted_[first] || words_in(first, last) < kMinReportedWords) return false;
    add(QuoteKind::kReported, doc_.span(doc_.tokens[first].span.start, doc_.tokens[last - 1].span.end), cue, speaker);
    return true;
  }

  // "Theo ông X, …", "Theo Bộ Y tế, …", "Theo báo cáo của UBND tỉnh, …": the statement after the comma.
  bool according_to(int begin, int end) {
    int theo = begin;
    if (theo < end && is_rule_word(RuleWord::kAlso, lower(theo))) ++theo;  // "Cũng theo ông X, …"
    const int opener = theo < end ? match_phrase(doc_, data::source_openers_txt, theo, end) : 0;
    if (opener == 0) return false;
    const int source_begin = theo + opener;  // the source's first token
    int comma = source_begin;
    while (comma < end && comma - theo <= kSpeakerReach && lower(comma) != ",") ++comma;
    // "Theo Tổng Bí thư Nguyễn Phú Trọng việc xử lý …", the comma left out: the person named right after
    // "Theo" (behind a title or a form of address), then the statement in lowercase.
    const int named = person_right_after(source_begin, end);
    if (named >= 0 && (comma >= end || lower(comma) != "," || comma > doc_.entity_tokens[named].second)) {
      const int c = doc_.entity_tokens[named].second;
      if (c >= end || !word(c) || doc_.info[c].upper_start) return false;
      Speaker speaker;
      speaker.person_entity = named;
      return add_statement(c, end, cue_span(theo, opener), speaker);
    }
    if (comma >= end || lower(comma) != ",") return false;
    Speaker speaker;
    if (!source_speaker(source_begin, comma, speaker)) return false;
    const int c = comma + 1;
    // "Theo X, ông Y cho biết …" is Y's statement (GUIDE.md): the verb after the comma decides.
    for (int t = c; t < end && t < c + kSpeakerReach; ++t)
      if (const int n = cue_at(t, end); n > 0 && speaker_before(t, c).found()) return false;
    return add_statement(c, end, cue_span(theo, opener), speaker);
  }

  const Doc& doc_;
  std::vector<Quote> quotes_;          // what the stage returns
  std::vector<int> org_ending_at_;     // org_ending_at_[t]: the organization entity ending before token t, or -1
  std::vector<std::string> org_name_;  // per entity: the name its organization is listed by (organizations only)
  std::vector<bool> quoted_;           // tokens inside a direct quote found
  // Per quote: the token of the form of address its speaker was referred to by (-1 if none), and the person
  // entity it was read as (-1 if none).
  std::vector<std::pair<int, int>> pronoun_of_;
  std::vector<int> words_before_;
  // Lowercase role title → the people holding it ("tổng bí thư" → Nguyễn Phú Trọng).
  std::unordered_map<std::string, std::unordered_set<int>> title_holders_;
  // Lowercase title and organization → the people holding that role ("chủ tịch quốc hội" → Nguyễn Thị Kim Ngân).
  std::unordered_map<std::string, std::unordered_set<int>>
      role_holders_;  // words_before_[t]: word tokens before token t (words_in in constant time)
};

}  // namespace

std::vector<Quote> find_quotes(const Doc& doc) { return QuoteFinder(doc).run(); }

}  // namespace article::internal
