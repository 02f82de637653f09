// article-analyzer public API.
//
// One call, `article::analyze(text, options)`, turns the text of a news article (Vietnamese first, English
// next) into an `Analysis`: its structure (blocks: title, lead, body, captions, byline), sentences, tokens and
// words; its entities (people, organizations, places, dates, figures) and the people, organizations and places
// they name, with roles; quotes and who said them; keywords, statistics, and any warnings or errors.
// `article::to_json()` renders an Analysis as the versioned JSON document that the CLI prints and the
// WebAssembly module returns; the README's "Output" section documents that document field by field, and the
// comments below name the JSON field each C++ field maps to.
//
// Offsets: every span's `start`/`end` is in UTF-16 code units into the text exactly as the caller passed it
// (before any normalization), so in JavaScript `text.slice(start, end) === span.text`.
//
// Errors are values: analyze() never throws and never aborts; unusable input yields an Analysis whose
// `errors` list says why, and `status` tells the caller (the CLI maps it to its exit code).
//
// This header includes only standard headers. ICU and nlohmann/json stay inside core/src.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace article {

// Version of the JSON document's layout ("schema"). Bumped whenever a field changes meaning or is removed.
inline constexpr int kSchemaVersion = 4;

// Largest input accepted, in bytes of UTF-8. Longer input is rejected with error `input_too_large`
// rather than truncated silently.
inline constexpr std::size_t kMaxInputBytes = 8u * 1024u * 1024u;

// Within that size, text of some shapes ('a\n' repeated: four million paragraphs) would make a result far
// larger than any article's, too large to hold in a phone's memory or to hand to JavaScript as one string.
// Beyond these counts the input gets an `input_too_large` error saying which count and by how much, found
// as soon as the count is known, before the work that would not fit. Real news is far inside them: 8 MiB of
// Vietnamese news has about 30,000 paragraphs, 35,000 sentences and 1.5 million tokens.
inline constexpr std::size_t kMaxParagraphs = 500'000;
inline constexpr std::size_t kMaxSentences = 1'000'000;
inline constexpr std::size_t kMaxTokens = 3'000'000;

// Library version, e.g. "0.1.0" (JSON: `analyzer.version`).
const char* version();

// The kinds the document tells apart. The code holds them as these enums; they are spelled as the JSON's
// strings in one place, json.cpp (json_name(), and from_json_name() for what a caller gives as a string).
enum class BlockType : std::uint8_t { kHeader, kTitle, kLead, kBody, kCaption, kSpeakerCaption, kSubheading, kByline };
enum class TokenKind : std::uint8_t { kWord, kNumber, kPunct, kSymbol };
enum class EntityType : std::uint8_t {
  kPerson,
  kOrganization,
  kLocation,  // names
  kDate,
  kTime,  // when
  kNumber,
  kMoney,
  kPercent,
  kQuantity  // figures
};
enum class QuoteKind : std::uint8_t { kSpeakerCaption, kDirect, kReported };
inline constexpr BlockType kBlockTypes[] = {BlockType::kHeader,     BlockType::kTitle,   BlockType::kLead,
                                            BlockType::kBody,       BlockType::kCaption, BlockType::kSpeakerCaption,
                                            BlockType::kSubheading, BlockType::kByline};
inline constexpr TokenKind kTokenKinds[] = {TokenKind::kWord, TokenKind::kNumber, TokenKind::kPunct,
                                            TokenKind::kSymbol};
inline constexpr EntityType kEntityTypes[] = {EntityType::kPerson, EntityType::kOrganization, EntityType::kLocation,
                                              EntityType::kDate,   EntityType::kTime,         EntityType::kNumber,
                                              EntityType::kMoney,  EntityType::kPercent,      EntityType::kQuantity};
inline constexpr QuoteKind kQuoteKinds[] = {QuoteKind::kSpeakerCaption, QuoteKind::kDirect, QuoteKind::kReported};

// The JSON's spelling: "speaker_caption", "punct", "location", "direct".
const char* json_name(BlockType type);
const char* json_name(TokenKind kind);
const char* json_name(EntityType type);
const char* json_name(QuoteKind kind);
// The entity type spelled `name` in the JSON ("person"), if there is one.
std::optional<EntityType> entity_type_from_json_name(std::string_view name);

inline bool is_name(EntityType t) {
  return t == EntityType::kPerson || t == EntityType::kOrganization || t == EntityType::kLocation;
}
inline bool is_figure(EntityType t) {
  return t == EntityType::kNumber || t == EntityType::kMoney || t == EntityType::kPercent || t == EntityType::kQuantity;
}

// A newsroom's own word or name (JSON input: a string, or {"text", "type"}). Matched in the text whatever its
// case, syllable for syllable: a match is one word in `words`, and with a type ("person", "organization" or
// "location") an entity of that type, in place of the names it overlaps.
struct UserWord {
  std::string text;
  std::string type;  // as given: empty (a word only), or the JSON name of a name type (entity_type_from_json_name)
};

// How the JSON document writes a list of small spans.
//   kOmitted: an empty array (JSON option false);
//   kObjects: one object per item, {"start", "end", "text", …} (true);
//   kColumns: one object of parallel arrays, {"start": […], "end": […], …} ("compact"), about a quarter of
//             the size: a token list is many times the text's size as objects.
enum class ListForm : std::uint8_t { kOmitted, kObjects, kColumns };

struct OutputForm {
  ListForm tokens = ListForm::kObjects;  // `tokens`: also whether Analysis::tokens is filled
  ListForm words = ListForm::kObjects;   // `words` (the JSON document only: Analysis::words is always filled)
  // Each span's `text` (the JSON document only). Without it a span is {"start", "end"} and its text is
  // text.slice(start, end) of the text as given: the document is then a fraction of its size, and holds no
  // second copy of the article.
  bool span_text = true;
};

struct Options {
  // "auto" (detect), "vi" or "en" (JSON input: `language`).
  std::string language = "auto";
  // ISO date "YYYY-MM-DD" (or "YYYY-MM", "YYYY") that relative dates resolve against when the article
  // carries no date of its own (JSON input: `referenceDate`). Empty: none.
  std::string reference_date;
  // How the document writes its tokens, its words and the text of its spans (JSON input: `tokens`,
  // `wordSpans`, `spanText`). The defaults write everything; the JS API asks for the lean result.
  OutputForm output;
  // The newsroom's own words and names (JSON input: `words`), at most kMaxUserWords of at most
  // kMaxUserWordLength UTF-16 code units each; check_options warns about the others (invalid_option).
  std::vector<UserWord> words;
};
constexpr std::size_t kMaxUserWords = 100000;
constexpr std::size_t kMaxUserWordLength = 200;

// A stretch of the input. JSON: {"start", "end", "text"}.
struct Span {
  std::int64_t start = 0;  // UTF-16 code units from the start of the input as given
  std::int64_t end = 0;    // exclusive
  std::string text;        // the input between start and end, UTF-8 (exactly as given, not normalized)
};

// JSON: one entry of `warnings` or `errors`: {"code", "message", "start"?, "end"?}.
struct Message {
  std::string code;          // stable machine-readable identifier, e.g. "invalid_utf8", "html_markup"
  std::string message;       // human-readable English explanation
  std::optional<Span> span;  // where in the input, when it applies to a place (JSON: start/end/text)
};

// JSON: one entry of `blocks`. A block is a paragraph, or part of one, with its role in the article.
struct Block {
  BlockType type = BlockType::kBody;  // JSON `type`
  Span span;
  int paragraph = 0;  // JSON `paragraph`: index of the paragraph (non-empty line) it belongs to, from 0
  // header: the article date as written in the header ("2020-12") (JSON `date`).
  std::string date;
  // speaker_caption: the "<title> <Name>" part before the colon (JSON `speaker`) and the statement after it
  // (JSON `statement`).
  std::optional<Span> speaker;
  std::optional<Span> statement;
  // caption: the photo credit, e.g. "Báo Bà Rịa-Vũng Tàu" from "- Ảnh: Báo Bà Rịa-Vũng Tàu" (JSON `credit`).
  std::optional<Span> credit;
};

// JSON: one entry of `sentences`.
struct Sentence {
  Span span;
  int block = 0;  // JSON `block`: index into `blocks`
};

// JSON: one entry of `tokens`: an ICU word segment (a Vietnamese syllable, an English word, a number or a
// punctuation mark; white space is not a token).
struct Token {
  TokenKind kind = TokenKind::kWord;  // JSON `kind`
  Span span;
  int sentence = -1;  // JSON `sentence`: index into `sentences`, -1 when outside any sentence
};

// JSON: one entry of `words`: a Vietnamese word made of one or more syllables (`công tác`, `Hà Tĩnh`).
struct Word {
  Span span;
  int syllables = 1;    // JSON `syllables`
  bool proper = false;  // JSON `proper`: a capitalized name-like run rather than a lexicon word
};

// A normalized value attached to an entity (JSON `value`). Which members are set depends on the type.
struct EntityValue {
  std::optional<double> number;  // number, money, percent, quantity: the numeric amount (JSON `number`)
  std::string unit;              // money: currency ("VND", "USD"); quantity: the unit word (JSON `unit`)
  // date: ISO "YYYY-MM-DD", "YYYY-MM" or "YYYY"; "--MM-DD" (ISO 8601 without year) when neither the text
  // nor a reference date gives the year; empty when a relative date has nothing to resolve against
  // (JSON `date`).
  std::string date;
  std::string date_end;     // date range: ISO end (JSON `end`)
  std::string part_of_day;  // date/time: "morning" | "noon" | "afternoon" | "evening" | "night"
  std::string time;         // time: "HH:MM" (JSON `time`)
  std::string expansion;    // organization/location abbreviation: its full form (JSON `expansion`)
  std::string canonical;    // person/organization/location: the name it is grouped under (JSON `canonical`)
};

// JSON: one entry of `entities`.
struct Entity {
  EntityType type = EntityType::kPerson;  // JSON `type`
  Span span;
  EntityValue value;
  int sentence = -1;  // JSON `sentence`
};

// A role a person holds in the text (JSON: one entry of a person's `roles`).
struct Role {
  std::string title;                    // JSON `title`: "Phó Chủ tịch", "Trưởng ban"
  std::string organization;             // JSON `organization`: "UBND tỉnh", "Ban Dân vận Tỉnh ủy"
  std::vector<std::string> qualifiers;  // JSON `qualifiers`: "former" (nguyên), "standing" (thường trực), "acting"
  Span span;                            // the whole role phrase as written
};

// JSON: one entry of `people`: a person, once, with every mention.
struct Person {
  std::string name;            // JSON `name`: full name as first written
  std::vector<Span> mentions;  // JSON `mentions`: full and short forms ("ông Châu")
  std::vector<Role> roles;     // JSON `roles`
};

// JSON: one entry of `organizations` or `places`: deduplicated, with mentions.
struct NamedThing {
  std::string name;            // JSON `name`: canonical form (abbreviation expanded where known)
  std::string abbreviation;    // JSON `abbreviation`: e.g. "UBND" when written so
  std::vector<Span> mentions;  // JSON `mentions`
};

// JSON: one entry of `quotes`.
struct Quote {
  QuoteKind kind = QuoteKind::kDirect;  // JSON `kind`
  Span span;                            // the quoted content
  std::optional<Span> cue;              // JSON `cue`: the speech verb ("cho biết", "nói", ...)
  int person = -1;                      // JSON `person`: index into `people`, -1 if not a named person
  std::string speaker;                  // JSON `speaker`: the speaker as written, or the group ("đại biểu")
};

// JSON: one entry of `abbreviations`: an abbreviation used in the text and what it stands for.
struct Abbreviation {
  std::string abbreviation;  // JSON `abbreviation`
  std::string expansion;     // JSON `expansion`
  int count = 0;             // JSON `count`
};

// JSON: one entry of `keywords`.
struct Keyword {
  std::string text;  // JSON `text`
  double score = 0;  // JSON `score`: higher is more central to the article
  int count = 0;     // JSON `count`
};

// JSON: `stats`.
struct Stats {
  std::int64_t characters = 0;      // JSON `characters`: Unicode code points of the input
  std::int64_t syllables = 0;       // JSON `syllables`: word tokens (Vietnamese syllables or English words)
  std::int64_t words = 0;           // JSON `words`: segmented words
  std::int64_t sentences = 0;       // JSON `sentences`
  std::int64_t paragraphs = 0;      // JSON `paragraphs`: non-empty lines
  double reading_time_seconds = 0;  // JSON `readingTimeSeconds`: at 220 syllables (vi) / 230 words (en) a minute
};

// The article's own metadata, derived from the blocks (JSON `article`).
// JSON `article.dateline`: the place (and perhaps date and news agency) a wire story opens with, before its
// dash: "ROTTERDAM (Reuters) -", "LONDON, June 3 -", "HERZLIYA, Israel 1996-08-31" on a line of its own.
struct Dateline {
  Span span;                   // the dateline, its dash included
  Span place;                  // JSON `place`: "ROTTERDAM", "HERZLIYA, Israel"
  std::string date;            // JSON `date` (when written): ISO, resolved as entity dates are
  std::optional<Span> agency;  // JSON `agency`: "Reuters" of "(Reuters)"
};

struct ArticleInfo {
  std::string date;    // JSON `date`: the article's date ("2020-12", "2020-12-29"), from its header or dateline
  std::string title;   // JSON `title`
  std::string author;  // JSON `author`: the byline
  std::optional<Dateline> dateline;  // JSON `dateline`, absent when the story opens with none
};

enum class Status {
  kOk = 0,             // analysed (possibly with warnings)
  kUnusableInput = 2,  // nothing to analyse: see `errors`
  kInternalError = 1   // a bug: see `errors`
};

// The result of analyze(). JSON: the whole document.
struct Analysis {
  Status status = Status::kOk;
  std::string language = "und";  // JSON `language`: "vi" | "en" | "und" (also for unusable input)
  ArticleInfo article;
  std::vector<Block> blocks;
  std::vector<Sentence> sentences;
  std::vector<Token> tokens;
  std::vector<Word> words;
  std::vector<Entity> entities;
  std::vector<Person> people;
  std::vector<NamedThing> organizations;
  std::vector<NamedThing> places;
  std::vector<Quote> quotes;
  std::vector<Abbreviation> abbreviations;
  std::vector<Keyword> keywords;
  Stats stats;
  std::vector<Message> warnings;
  std::vector<Message> errors;
  // As the options asked: to_json and write_json write the document in this form.
  OutputForm output;
};

// The result of decode(): bytes from a file turned into UTF-8 text.
struct Decoded {
  bool ok = false;                // false: nothing usable (see `warnings`)
  std::string text;               // UTF-8, NFC where the source was in a legacy 8-bit encoding
  std::string encoding;           // "utf-8", "utf-16le", "utf-16be", "windows-1258", "windows-1252"
  std::vector<Message> warnings;  // e.g. "unknown_encoding" when the guess is uncertain
  bool binary = false;            // the text is binary data, which analyze() would refuse (binary_input)
};

// Decodes the bytes of a text file with ICU converters: a byte-order mark decides (UTF-8, UTF-16LE/BE), and
// UTF-16 without a mark is recognized by its zero bytes;
// otherwise valid UTF-8 is UTF-8, and anything else is read as Windows-1258 (Vietnamese) when that gives
// Vietnamese letters, else as Windows-1252 with an "unknown_encoding" warning. `encoding` forces one
// ("auto" guesses). Never throws.
Decoded decode(std::string_view bytes, const std::string& encoding = "auto");

// {"ok", "text", "encoding", "warnings"}: a Decoded as JSON (the wasm module returns this).
std::string decoded_to_json(const Decoded& decoded);

// Analyses UTF-8 text. Never throws.
Analysis analyze(std::string_view utf8_text, const Options& options = {});

// Registers the Vietnamese word list that word segmentation uses: one word per line, lowercase, syllables
// separated by single spaces, `#` comment lines ignored. The list ships as a separate file
// (`core/data/words/vi_words.txt`, ours: see core/data/README.md), which the CLI and the JS package load at
// start-up. Without it, words are single syllables and capitalized name runs.
// Returns false if the text held no usable entry. Call before analyze(); not thread-safe.
// It also takes the list as compile_word_list() writes it, which it loads about three times faster (what the
// JS package loads), and returns false, with no word list registered, for bytes that are neither.
bool set_word_list(std::string_view utf8_lines);

// The word list `utf8_lines` (as set_word_list takes it) compiled: its syllables and the entries the
// segmentation conventions keep, with our supplement, in a compact binary form that set_word_list loads without
// reading the text again; the same words, the same segmentation. Empty if the text held no usable entry.
// `article-analyzer --compile-words LIST OUT` writes it (scripts/build.sh: wasm/js/gen/vi_words.bin).
std::string compile_word_list(std::string_view utf8_lines);

// Registers the Vietnamese entity model (a learned sequence labeller; `core/data/model/entity_vi.bin`, built
// by `training/train.sh`), which the CLI and the JS package load at start-up beside the word list. With it,
// people, organizations and places are the model's (the rules' findings are among its features); without it,
// the hand-written rules alone find them. Returns false, and keeps the model registered before, if the bytes are not
// one. Call before analyze(); not thread-safe.
bool set_entity_model(std::string_view model_bytes);

// Renders the analysis as the schema's JSON (`indent` < 0: compact). Never throws.
std::string to_json(const Analysis& analysis, int indent = -1);

// What a caller needs to know before analysing, as JSON: {"schema", "limits": {"maxInputBytes",
// "maxParagraphs", "maxSentences", "maxTokens", "maxUserWords", "maxUserWordLength"}, "blockTypes",
// "tokenKinds", "entityTypes", "nameTypes", "dateTypes", "figureTypes", "quoteKinds"}, each list in the order
// of its enum. The JS package and the page read it (the module's schema()) instead of keeping their own copies.
std::string schema_json();

// Receives the JSON document piece by piece, in order (each piece is valid only during the call; UTF-8
// sequences may be split between pieces).
using JsonSink = std::function<void(std::string_view)>;

// The same document as to_json, handed to `sink` in pieces of about 256 KiB (an article's whole document is
// one piece, and each piece costs the wasm module a call into JS): the document of a large input
// (its tokens above all) is many times the input's size, and this never holds more than one piece of it.
void write_json(const Analysis& analysis, const JsonSink& sink, int indent = -1);

// write_json(analyze(text, options)) in one step, with `leading_warnings` (e.g. decode()'s) first among the
// warnings, and in far less memory: the tokens go from the analysis's compact form straight into the JSON,
// never held as Token objects, and what only the analysis needed is released before writing. The CLI and
// the wasm module use it. Returns the document's status. Never throws, except what `sink` throws; should
// memory run out while writing, the document is cut short and the status is kInternalError.
Status analyze_json(std::string_view utf8_text, const Options& options, const JsonSink& sink, int indent = -1,
                    const std::vector<Message>& leading_warnings = {});

// Parses a JSON options object ({"language": "vi", "referenceDate": "2020-12-29", "tokens": false}) as the
// JS API passes it. What cannot be used (not an object, an unknown key, a value of the wrong type) is left at
// its default and described in `problems` as an `invalid_option` warning, which the wasm module puts first
// among the result's warnings. (Values of the right type but out of range, such as language "fr", are
// warned about by the analysis itself, whichever way the options came.)
// What the JSON leaves out is taken from `defaults` (the JS API's are the lean result).
Options options_from_json(std::string_view json, std::vector<Message>* problems, const Options& defaults = {});
// The same, telling only whether the text was a JSON object (`*error` is set if not).
Options options_from_json(std::string_view json, std::string* error = nullptr);

}  // namespace article
