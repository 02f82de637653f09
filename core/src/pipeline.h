// The document that flows through the pipeline stages (analyzer.cpp calls them in order).
//
// While the stages run, every Span in `out` holds offsets into `text.norm` (the NFC text) and an empty
// `text`; finalize_spans() then maps all of them to the input as given and fills in their text (or, for
// analyze_json, leaves the text to be cut from the input as the JSON is written: `written_from_doc`). Stages
// never deal with input offsets.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "article/analyzer.h"
#include "text.h"

namespace article::internal {

struct Paragraph {
  std::int64_t start = 0, end = 0;  // trimmed of surrounding white space
};

// A token as the stages hold it: far smaller than the JSON's Token (no text), since a
// large input has millions. The JSON's tokens are made from these only as the document is written.
struct TokenSpan {
  std::int64_t start = 0, end = 0;  // in text.norm
};
struct DocToken {
  TokenSpan span;
  int sentence = -1;  // index into out.sentences
  TokenKind kind = TokenKind::kWord;
};

inline const std::string& empty_form() {
  static const std::string empty;
  return empty;
}

// What later stages want to know about a token without re-deriving it.
struct TokenInfo {
  // Lowercase UTF-8, interned in Doc::lower_forms: a document has far fewer forms than tokens.
  const std::string& lower() const { return *lower_form; }
  const std::string* lower_form = &empty_form();
  // The lowercase form's number in the document (0, 1, … in order of first use): what per-form memos index.
  std::int32_t form = -1;
  bool upper_start : 1;  // first letter uppercase ("Hà", "UBND")
  bool all_upper : 1;    // two or more letters, all uppercase ("UBND", "TTXVN")
  // DocToken::kind as flags, which is how the stages ask.
  bool is_word : 1, is_number : 1, is_punct : 1, is_symbol : 1;
  TokenInfo() : upper_start(false), all_upper(false), is_word(false), is_number(false), is_punct(false), is_symbol(false) {}
};

// A user word (Options::words) found in the document: tokens [begin, end), and which word.
struct UserWordMatch {
  int begin = 0, end = 0;
  int word = 0;  // index into Doc::options.words
};

struct Doc {
  Doc() = default;
  Doc(const Doc&) = delete;  // TokenInfo points into lower_forms
  Doc& operator=(const Doc&) = delete;

  Text text;
  Options options;
  Analysis out;
  std::vector<Paragraph> paragraphs;
  std::vector<DocToken> tokens;  // always computed; written to the JSON only when asked for
  // analyze_json() writes the JSON's tokens straight from `tokens`, and each span's text from the input, so
  // finalize_spans leaves out.tokens and the spans' text empty.
  bool written_from_doc = false;
  std::vector<TokenInfo> info;  // parallel to `tokens`
  // What TokenInfo::lower() refers to (stable addresses), with each form's number (TokenInfo::form).
  std::unordered_map<std::string, std::int32_t> lower_forms;
  // Per phrase list (by its number, names.cpp) and lowercase form: whether the form starts one of the list's
  // phrases (-1: not asked yet). Rules ask this at every token, for dozens of lists; the answer depends on
  // the form alone, so it is looked up once per form.
  mutable std::vector<std::vector<std::int8_t>> phrase_starts;
  // Sentence s covers tokens [sentence_tokens[s], sentence_tokens[s + 1]).
  std::vector<int> sentence_tokens;
  // Syllables of the segmented word that starts at token t (0 if none starts there); set by segment_words.
  std::vector<int> word_length;
  // Where the user's words occur (segment_words finds them; read_user_names makes entities of the typed ones).
  std::vector<UserWordMatch> user_words;
  Span header;
  // Token range [first, second) of each entity in out.entities, in the same order.
  std::vector<std::pair<int, int>> entity_tokens;
  // Places named inside an organization's name ("Thạch Hà" in "Huyện ủy Thạch Hà"): not entities of their own
  // (the organization is), but mentions in `places`. Second: the sentence.
  std::vector<std::pair<Span, int>> nested_places;
  // For each entity, the index of its person in out.people (-1 for other types); set by find_people.
  std::vector<int> entity_person;
  // person_ending_at[t]: the person entity whose last token is t - 1 (so it ends before token t), or -1.
  std::vector<int> person_ending_at;  // the "date YYYY-MM" header, when there is one (end == 0 otherwise)

  std::u16string_view slice(std::int64_t start, std::int64_t end) const { return text.slice(start, end); }
  std::u16string_view slice(const Span& s) const { return text.slice(s.start, s.end); }
  std::u16string_view slice(const TokenSpan& s) const { return text.slice(s.start, s.end); }
  std::string utf8(const Span& s) const { return to_utf8(slice(s)); }
  Span span(std::int64_t start, std::int64_t end) const { return Span{start, end, {}}; }
  int sentence_token_begin(int s) const { return sentence_tokens[s]; }
  int sentence_token_end(int s) const { return sentence_tokens[s + 1]; }
  // Tokens a and b (a before b) are one character apart, as the words of a name are.
  bool one_apart(int a, int b) const { return tokens[b].span.start - tokens[a].span.end == 1; }
  // Sentence s is in the byline or the header, which name no people or places of the story.
  bool in_byline_or_header(int s) const {
    const int block = out.sentences[s].block;
    if (block < 0 || block >= static_cast<int>(out.blocks.size())) return false;
    return out.blocks[block].type == BlockType::kByline || out.blocks[block].type == BlockType::kHeader;
  }
};

// Adds the input_too_large error when `count` `what`s (e.g. "paragraphs") exceed `limit`; true if so.
bool over_limit(Doc& doc, const char* what, std::size_t count, std::size_t limit);

// Stages, in pipeline order. Each reads what earlier ones wrote to `doc` and adds its own part.
// checks.cpp: whether UTF-8 is binary data rather than text (NUL and other C0 control bytes, tab, line feed,
// vertical tab, form feed and carriage return excepted, are more than one byte in 20), with the counts.
bool is_binary(std::string_view utf8, std::size_t* nuls = nullptr, std::size_t* controls = nullptr);
void check_options(Doc& doc);  // checks.cpp: a value out of its range is a warning (invalid_option) and its default
void check_input(const std::string_view utf8, Doc& doc);  // checks.cpp: before decoding; may add errors
void check_text(Doc& doc);                                // checks.cpp: HTML, legacy encodings, …
void detect_language(Doc& doc);                           // language.cpp
void find_paragraphs(Doc& doc);                           // paragraphs.cpp
void find_header(Doc& doc);                               // blocks.cpp
void split_sentences(Doc& doc);                           // sentences.cpp
void tokenize(Doc& doc);                                  // tokens.cpp
void classify_blocks(Doc& doc);                           // blocks.cpp
void segment_words(Doc& doc);                             // words.cpp
void find_entities(Doc& doc);                             // entities.cpp (numbers, dates, names)
void read_addresses(Doc& doc);                            // addresses.cpp (streets, numbered units)
void read_lowercase_org_names(Doc& doc);                  // lowercase_org_names.cpp
void read_names_again(Doc& doc);                          // name_consistency.cpp
void read_match_results(Doc& doc);                        // match_results.cpp (teams, scores, scorers)
void read_user_names(Doc& doc);                           // user_words.cpp (the user's typed words)
void find_people(Doc& doc);                               // people.cpp
void find_quotes(Doc& doc);                               // quotes.cpp
void rank_keywords(Doc& doc);                             // keywords.cpp
void compute_stats(Doc& doc);                             // stats.cpp
void finalize_spans(Doc& doc);                            // analyzer.cpp: the one offset conversion

// The JSON document of an analysed Doc, its tokens written from doc.tokens (json.cpp; analyze_json).
void write_doc_json(const Doc& doc, const JsonSink& sink, int indent);

// The JSON's Token for a token of the document: input offsets, its text and kind (analyzer.cpp).
Token output_token(const Text& text, const DocToken& token);

// The stages up to and including segment_words (analyzer.cpp); false when the input is unusable (doc.out
// then says why). The trainer (core/train) reads documents this way.
bool run_until_words(std::string_view utf8, const Options& options, Doc& doc);

}  // namespace article::internal
