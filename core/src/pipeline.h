// The pipeline's stages (stages/NN_*.cpp), their products, and the document that holds the products
// (analyzer.cpp runs the stages in order and stores each product as it comes).
//
// While the stages run, every Span in `out` holds offsets into `text.norm` (the NFC text) and an empty
// `text`; finalize_spans() then maps all of them to the input as given and fills in their text (or, for
// analyze_json, leaves the text to be cut from the input as the JSON is written: `written_from_doc`). Stages
// never deal with input offsets.
#pragma once

#include <cstdint>
#include <optional>
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
  // Whether the lowercase form is `form` (a comparison of views: a std::string against a string literal
  // calls an out-of-line compare that first measures the literal, which hot loops of punctuation checks paid).
  bool lower_is(std::string_view form) const { return std::string_view(*lower_form) == form; }
  const std::string* lower_form = &empty_form();
  // The lowercase form's number in the document (0, 1, … in order of first use): what per-form memos index.
  std::int32_t form = -1;
  bool upper_start : 1;  // first letter uppercase ("Hà", "UBND")
  bool all_upper : 1;    // two or more letters, all uppercase ("UBND", "TTXVN")
  // DocToken::kind as flags, which is how the stages ask.
  bool is_word : 1, is_number : 1, is_punct : 1, is_symbol : 1;
  TokenInfo()
      : upper_start(false), all_upper(false), is_word(false), is_number(false), is_punct(false), is_symbol(false) {}
};

// A user word (Options::words) found in the document: tokens [begin, end), and which word.
struct UserWordMatch {
  int begin = 0, end = 0;
  int word = 0;  // index into Doc::options.words
};

// What a stage reports besides its product: the document's warnings and errors, in the order found. The one
// thing every stage may add to; an error makes the input unusable (the pipeline stops after that stage).
struct Problems {
  std::vector<Message> warnings;
  std::vector<Message> errors;
};

// The products of the stages, each a struct of its own (the simple ones are a plain list or value: the
// language, the paragraphs, the header, the sentences, the quotes, the keywords, the stats).

// tokenize: the tokens of every sentence, what later stages want to know about each, and where each
// sentence's tokens begin.
struct Tokenized {
  std::vector<DocToken> tokens;
  std::vector<TokenInfo> info;  // parallel to `tokens`
  // What TokenInfo::lower() refers to (a node-based map: its keys keep their addresses when it is moved), with
  // each form's number (TokenInfo::form).
  std::unordered_map<std::string, std::int32_t> lower_forms;
  std::vector<int> sentence_tokens;  // sentence s covers tokens [sentence_tokens[s], sentence_tokens[s + 1])
};

// classify_blocks: the blocks in text order, the block of each sentence, and what the blocks say about the
// article (its date, title and author).
struct Blocks {
  std::vector<Block> blocks;
  std::vector<int> sentence_block;  // parallel to the sentences
  ArticleInfo article;
};

// segment_words: the words, the length of the word starting at each token, and where the user's words occur.
struct Words {
  std::vector<Word> words;
  std::vector<int> word_length;  // syllables of the word that starts at token t (0 if none starts there)
  std::vector<UserWordMatch> user_words;
};

// find_entities, and each later stage that reads names again: the entities in text order with their token
// ranges, and the places named inside organizations' names. Each name stage is handed the list (the pipeline
// moves it out of the Doc, so no stage reads a list another is revising) and returns it revised.
struct EntityList {
  std::vector<Entity> entities;
  std::vector<std::pair<int, int>> tokens;  // token range [first, second) of each entity, in the same order
  // Places named inside an organization's name ("Thạch Hà" in "Huyện ủy Thạch Hà"): not entities of their own
  // (the organization is), but mentions in `places`. Second: the sentence.
  std::vector<std::pair<Span, int>> nested_places;
};
struct FoundEntities {
  EntityList list;
  std::vector<Abbreviation> abbreviations;  // the abbreviations the text uses, expanded
};

// find_people: people, organizations and places, each once with every mention; the person of each entity;
// and the name each entity is known by (Entity::value.canonical: a person's full name, a place's ordinary
// case).
struct Cast {
  std::vector<Person> people;
  std::vector<NamedThing> organizations, places;
  std::vector<int> entity_person;         // for each entity, its person in `people` (-1 for other types)
  std::vector<int> person_ending_at;      // [t]: the person entity whose last token is t - 1, or -1
  std::vector<std::string> entity_names;  // for each entity, its canonical name (as before when unchanged)
};

// The document as the pipeline holds it: the input, the options, and each stage's product, stored by the
// pipeline (analyzer.cpp) as the stage returns it. Stages read it as const; none writes another's product.
struct Doc {
  Doc() = default;
  Doc(const Doc&) = delete;  // TokenInfo points into lower_forms
  Doc& operator=(const Doc&) = delete;

  Text text;
  Options options;
  Problems problems;
  // The products that the output holds as they are: language, article, blocks, sentences (each with its
  // block), words, entities, people, organizations, places, quotes, abbreviations, keywords, stats.
  Analysis out;
  std::vector<Paragraph> paragraphs;
  Span header;                   // the "date YYYY-MM" header, when there is one (end == 0 otherwise)
  std::vector<DocToken> tokens;  // always computed; written to the JSON only when asked for
  // analyze_json() writes the JSON's tokens straight from `tokens`, and each span's text from the input, so
  // finalize_spans leaves out.tokens and the spans' text empty.
  bool written_from_doc = false;
  std::vector<TokenInfo> info;                                // parallel to `tokens`
  std::unordered_map<std::string, std::int32_t> lower_forms;  // Tokenized::lower_forms
  // Per phrase list (by its number, names.cpp) and lowercase form: whether the form starts one of the list's
  // phrases (-1: not asked yet). Rules ask this at every token, for dozens of lists; the answer depends on
  // the form alone, so it is looked up once per form. A memo, not a product: any stage may fill it.
  mutable std::vector<std::vector<std::int8_t>> phrase_starts;
  std::vector<int> sentence_tokens;                 // Tokenized::sentence_tokens
  std::vector<int> word_length;                     // Words::word_length
  std::vector<UserWordMatch> user_words;            // Words::user_words
  std::vector<std::pair<int, int>> entity_tokens;   // EntityList::tokens, parallel to out.entities
  std::vector<std::pair<Span, int>> nested_places;  // EntityList::nested_places
  std::vector<int> entity_person;                   // Cast::entity_person
  std::vector<int> person_ending_at;                // Cast::person_ending_at

  std::u16string_view slice(std::int64_t start, std::int64_t end) const { return text.slice(start, end); }
  std::u16string_view slice(const Span& s) const { return text.slice(s.start, s.end); }
  std::u16string_view slice(const TokenSpan& s) const { return text.slice(s.start, s.end); }
  std::string utf8(const Span& s) const { return to_utf8(slice(s)); }
  Span span(std::int64_t start, std::int64_t end) const { return Span{start, end, {}}; }
  // The detected language is English (a view compared: rules that ask per token call this).
  bool english() const { return std::string_view(out.language) == "en"; }
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

// Adds a warning or an error to `list`.
inline void add_message(std::vector<Message>& list, std::string code, std::string message,
                        std::optional<Span> span = std::nullopt) {
  list.push_back(Message{std::move(code), std::move(message), std::move(span)});
}

// Adds the input_too_large error when `count` `what`s (e.g. "paragraphs") exceed `limit`; true if so.
bool over_limit(Problems& problems, const char* what, std::size_t count, std::size_t limit);

// stages/02_check_input.cpp: whether UTF-8 is binary data rather than text (NUL and other C0 control bytes, tab, line
// feed, vertical tab, form feed and carriage return excepted, are more than one byte in 20), with the counts.
bool is_binary(std::string_view utf8, std::size_t* nuls = nullptr, std::size_t* controls = nullptr);

// The stages, in pipeline order (analyzer.cpp runs them; stages/NN_*.cpp, numbered in this order). Each takes
// what it reads as const, returns its own product and adds what it finds wrong to `problems`.
Options check_options(Options options, Problems& problems);                    // 01: a bad value is its default
std::u16string check_input(std::string_view utf8, Problems& problems);         // 02: decoded, or errors
void check_text(const Text& text, Problems& problems);                         // 03: HTML, legacy encodings, …
std::string detect_language(const Text& text, const Options& options);         // 04
std::vector<Paragraph> find_paragraphs(const Text& text, Problems& problems);  // 05
Span find_header(const Text& text, const std::vector<Paragraph>& paragraphs);  // 06: "date YYYY-MM-DD"
std::vector<Sentence> split_sentences(const Doc& doc, Problems& problems);     // 07
Tokenized tokenize(const Doc& doc, Problems& problems);                        // 08
Blocks classify_blocks(const Doc& doc);                                        // 09
Words segment_words(const Doc& doc);                                           // 10
FoundEntities find_entities(const Doc& doc);                                   // 11: numbers, dates, names
EntityList read_addresses(const Doc& doc, EntityList entities);                // 12: streets, numbered units
EntityList read_lowercase_org_names(const Doc& doc, EntityList entities);      // 13
EntityList read_names_again(const Doc& doc, EntityList entities);              // 14: names written before
EntityList read_match_results(const Doc& doc, EntityList entities);            // 15: teams, scores, scorers
EntityList repeat_names(const Doc& doc, EntityList entities);                  // 16: English names written again
EntityList read_user_names(const Doc& doc, EntityList entities);               // 17: the user's typed words
Cast find_people(const Doc& doc);                                              // 18
std::vector<Quote> find_quotes(const Doc& doc);                                // 19
std::vector<Keyword> rank_keywords(const Doc& doc);                            // 20
Stats compute_stats(const Doc& doc);                                           // 21
void finalize_spans(Doc& doc);  // analyzer.cpp: the one offset conversion, and the problems into the output

// The JSON document of an analysed Doc, its tokens written from doc.tokens (json.cpp; analyze_json).
void write_doc_json(const Doc& doc, const JsonSink& sink, int indent);

// The JSON's Token for a token of the document: input offsets, its text and kind (analyzer.cpp).
Token output_token(const Text& text, const DocToken& token);

// The stages up to and including segment_words (analyzer.cpp); false when the input is unusable (doc.out
// then says why). The trainer (core/train) reads documents this way.
bool run_until_words(std::string_view utf8, const Options& options, Doc& doc);

}  // namespace article::internal
