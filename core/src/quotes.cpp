// Quotes and who said them.
//   speaker_caption  "<title> <Name>: <statement>" paragraphs (blocks.cpp found them)
//   direct           text in “…” (or "…") with a speech verb next to it: “…”, ông Khang nói. / X cho biết: “…”
//   reported         <speaker> <speech verb> <content>: "… Lê Ngọc Châu mong muốn thời gian tới, …"
// Quoted text of a few words with no speech verb nearby is a term or a campaign name (“dân vận khéo”), not
// speech. A speaker is a person (linked to `people`) or an unnamed group ("đại biểu", "người dân").
#include <algorithm>
#include <vector>

#include "data.h"
#include "names.h"
#include "scan.h"

namespace article::internal {

namespace {

class QuoteFinder {
 public:
  explicit QuoteFinder(Doc& doc) : doc_(doc) {}

  void run() {
    for (std::size_t b = 0; b < doc_.out.blocks.size(); ++b)
      if (doc_.out.blocks[b].type == "speaker_caption") speaker_caption(doc_.out.blocks[b]);
    // Direct quotes may run over several sentences of a paragraph: look for them paragraph by paragraph.
    const int sentences = static_cast<int>(doc_.out.sentences.size());
    std::vector<bool> quoted(sentences, false);
    for (int first = 0; first < sentences;) {
      int last = first + 1;
      while (last < sentences && paragraph_of(last) == paragraph_of(first)) ++last;
      if (!skipped(first)) direct(first, last, quoted);
      first = last;
    }
    for (int si = 0; si < sentences; ++si)
      if (!quoted[si] && !skipped(si)) reported(si);
  }

 private:
  const std::string& lower(int t) const { return doc_.info[t].lower; }

  int paragraph_of(int si) const {
    const int block = doc_.out.sentences[si].block;
    return block >= 0 ? doc_.out.blocks[block].paragraph : -1;
  }
  // Speaker captions were handled on their own; photo captions describe a picture ("… phát biểu tại hội
  // nghị"), they do not report speech.
  bool skipped(int si) const {
    const int block = doc_.out.sentences[si].block;
    return block >= 0 && (doc_.out.blocks[block].type == "speaker_caption" || doc_.out.blocks[block].type == "caption");
  }

  // The person entity whose tokens end right before `t` (skipping adverbs like "cũng", "đã"), or -1.
  int person_ending_before(int t, int floor) const {
    static const std::unordered_set<std::string> adverbs = {
        "cũng", "đã", "còn", "thì", "vẫn", "đều", "lại", "từng", "tiếp tục", "liên tục", "trước đó", "sau đó"};
    int k = t;
    while (k - 1 >= floor && adverbs.count(lower(k - 1))) --k;
    const int e = doc_.person_ending_at[k];
    return e >= 0 && doc_.entity_tokens[e].first >= floor ? e : -1;
  }

  // An unnamed group right before `t` ("đại biểu cho rằng"): its token start, or -1.
  int group_before(int t, int floor) const {
    for (int n = 3; n >= 1; --n)
      if (t - n >= floor && match_phrase(doc_, "group_speakers.txt", t - n, t) == n) return t - n;
    return -1;
  }

  void add(const std::string& kind, const Span& content, std::optional<Span> cue, int entity,
           const std::string& group) {
    Quote q;
    q.kind = kind;
    q.span = content;
    q.cue = std::move(cue);
    if (entity >= 0) {
      q.person = doc_.entity_person[entity];
      q.speaker = q.person >= 0 ? doc_.out.people[q.person].name : to_utf8(doc_.slice(doc_.out.entities[entity].span));
    } else {
      q.speaker = group;
    }
    doc_.out.quotes.push_back(std::move(q));
  }

  void speaker_caption(const Block& b) {
    if (!b.speaker || !b.statement) return;
    // The speaker is the person whose name ends the speaker part (just before the colon).
    // Tokens are in text order: start at the speaker part's first token, not at the top of the text.
    int entity = -1;
    const auto first = std::lower_bound(doc_.tokens.begin(), doc_.tokens.end(), b.speaker->start,
                                        [](const Token& token, std::int64_t at) { return token.span.start < at; });
    for (auto t = static_cast<std::size_t>(first - doc_.tokens.begin());
         t < doc_.tokens.size() && doc_.tokens[t].span.end <= b.speaker->end; ++t)
      if (doc_.person_ending_at[t + 1] >= 0) entity = doc_.person_ending_at[t + 1];
    add("speaker_caption", *b.statement, std::nullopt, entity, entity < 0 ? doc_.utf8(*b.speaker) : "");
  }

  bool takes_object(int t, int n) const {
    std::string key;
    for (int k = t; k < t + n; ++k) key += (k > t ? " " : "") + lower(k);
    const auto& cues = data_map("speech_cues.tsv", true);
    const auto it = cues.find(key);
    return it != cues.end() && it->second == "object";
  }

  // Speech verb at token t: its length in tokens.
  int cue_at(int t, int end) const { return match_phrase(doc_, "speech_cues.tsv", t, end); }

  // Quotes in sentences [s0, s1) of one paragraph; marks the sentences a quote touches in `quoted`.
  void direct(int s0, int s1, std::vector<bool>& quoted) {
    const int begin = doc_.sentence_token_begin(s0), end = doc_.sentence_token_end(s1 - 1);
    for (int open = begin; open < end; ++open) {
      const std::string& w = lower(open);
      if (w != "“" && w != "\"") continue;
      const std::string closer = w == "“" ? "”" : "\"";
      int close = open + 1;
      while (close < end && lower(close) != closer) ++close;
      if (close >= end) break;
      int syllables = 0;
      for (int t = open + 1; t < close; ++t) syllables += doc_.info[t].is_word;
      const Span content = doc_.span(doc_.tokens[open].span.end, doc_.tokens[close].span.start);
      // The speaker and verb stand in the sentence that opens the quote or the one that closes it.
      const int open_sentence = doc_.tokens[open].sentence, close_sentence = doc_.tokens[close].sentence;
      const int open_begin = doc_.sentence_token_begin(open_sentence);
      const int close_end = doc_.sentence_token_end(close_sentence);
      bool found = false;
      // After: “…”, <speaker> <cue>   or   “…”, <cue> <speaker>  (", ông Khang nói", ", cho biết ông A")
      int after = close + 1;
      while (after < close_end &&
             (lower(after) == "," || lower(after) == "." || lower(after) == "!" || lower(after) == "?"))
        ++after;
      for (int t = after; t < close_end && t < after + 10 && syllables >= 4; ++t) {
        if (const int n = cue_at(t, close_end); n > 0) {
          int entity = person_ending_before(t, after);
          const int group = entity < 0 ? group_before(t, after) : -1;
          if (entity < 0 && group < 0) {  // "…”, cho biết ông A": a name within three tokens after the verb
            for (int k = t + n + 1; k <= std::min(close_end, t + n + 5) && entity < 0; ++k)
              if (doc_.person_ending_at[k] >= 0 && doc_.entity_tokens[doc_.person_ending_at[k]].first <= t + n + 2)
                entity = doc_.person_ending_at[k];
          }
          if (entity >= 0 || group >= 0) {
            add("direct", content, doc_.span(doc_.tokens[t].span.start, doc_.tokens[t + n - 1].span.end), entity,
                group >= 0 ? to_utf8(doc_.slice(doc_.tokens[group].span.start, doc_.tokens[t - 1].span.end)) : "");
            found = true;
          }
          break;
        }
      }
      // Before: <speaker> <cue> [rằng] [:] “…”
      if (!found && syllables >= 4) {
        int t = open - 1;
        while (t > open_begin && (lower(t) == ":" || lower(t) == "," || lower(t) == "rằng")) --t;
        for (int c = t; c >= open_begin && c >= t - 2; --c) {
          const int n = cue_at(c, t + 1);
          if (n == 0 || c + n != t + 1) continue;
          const int entity = person_ending_before(c, open_begin);
          const int group = entity < 0 ? group_before(c, open_begin) : -1;
          if (entity >= 0 || group >= 0) {
            add("direct", content, doc_.span(doc_.tokens[c].span.start, doc_.tokens[c + n - 1].span.end), entity,
                group >= 0 ? to_utf8(doc_.slice(doc_.tokens[group].span.start, doc_.tokens[c - 1].span.end)) : "");
            found = true;
          }
          break;
        }
      }
      if (found)
        for (int q = open_sentence; q <= close_sentence; ++q) quoted[q] = true;
      open = close;
    }
  }

  void reported(int si) {
    const int begin = doc_.sentence_token_begin(si), end = doc_.sentence_token_end(si);
    for (int t = begin + 1; t < end; ++t) {
      const int n = cue_at(t, end);
      if (n == 0) continue;
      int entity = person_ending_before(t, begin);
      const int group = entity < 0 ? group_before(t, begin) : -1;
      if (entity < 0 && group < 0) continue;
      int c = t + n;
      const bool introduced = c < end && (lower(c) == ":" || lower(c) == "rằng" || lower(c) == ",");
      if (!introduced && takes_object(t, n)) continue;  // "bày tỏ niềm tự hào": not speech
      while (c < end && (lower(c) == "," || lower(c) == ":" || lower(c) == "rằng" || lower(c) == "là")) ++c;
      if (c >= end - 1) continue;
      int last = end;
      while (last > c && doc_.info[last - 1].is_punct) --last;
      int words = 0;
      for (int k = c; k < last; ++k) words += doc_.info[k].is_word;
      if (words < 6) continue;  // "phát biểu tại hội nghị" reports an act, not what was said
      const Span content = doc_.span(doc_.tokens[c].span.start, doc_.tokens[last - 1].span.end);
      add("reported", content, doc_.span(doc_.tokens[t].span.start, doc_.tokens[t + n - 1].span.end), entity,
          group >= 0 ? to_utf8(doc_.slice(doc_.tokens[group].span.start, doc_.tokens[t - 1].span.end)) : "");
      return;
    }
  }

  Doc& doc_;
};

}  // namespace

void find_quotes(Doc& doc) { QuoteFinder(doc).run(); }

}  // namespace article::internal
